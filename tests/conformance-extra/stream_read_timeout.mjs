// wait_for around a read on a silent connection: TimeoutError, and the reader is left
// usable; a second read that starts while one waits raises RuntimeError; a cancelled
// readline leaves whatever bytes it had for the next readline.
import { EventLoop, startServer, openConnection, waitFor, sleep, TimeoutError, RuntimeError, CancelledError } from "wasmloop";
// ---- helpers, the same in every I/O scenario: print values the way Python does
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e instanceof RangeError ? "ValueError"   // rule 7: ValueError is RangeError
  : e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const bytes = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));   // b"..." (each char is one byte, 0-255)
const concat = (...parts) => {                                     // b1 + b2 + ...
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
};
const pyBytes = (u8) => {                                          // repr(bytes)
  if (u8 === null || u8 === undefined) return "None";
  if (!(u8 instanceof Uint8Array)) return `<not bytes: ${Object.prototype.toString.call(u8)} ${String(u8)}>`;
  const q = u8.includes(0x27) && !u8.includes(0x22) ? '"' : "'";
  let s = "b" + q;
  for (const c of u8) {
    if (c === 0x5c) s += "\\\\";
    else if (c === q.charCodeAt(0)) s += "\\" + q;
    else if (c === 0x09) s += "\\t";
    else if (c === 0x0a) s += "\\n";
    else if (c === 0x0d) s += "\\r";
    else if (c < 0x20 || c >= 0x7f) s += "\\x" + c.toString(16).padStart(2, "0");
    else s += String.fromCharCode(c);
  }
  return s + q;
};
const py = (v) => (v === null || v === undefined ? "None" : typeof v === "boolean" ? B(v)
  : v instanceof Uint8Array ? pyBytes(v) : v instanceof Error ? ename(v) : String(v));   // str(v) in print()
// ---- end of helpers

function* main() {
  function* handle(reader, writer) {
    yield* reader.readline();           // silent until the client says something
    writer.write(bytes("pong\n"));
    yield* reader.readline();
    writer.write(bytes("second "));
    yield* reader.readline();
    writer.write(bytes("line\n"));
    yield* reader.read();
    writer.close();
    yield* writer.waitClosed();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  try {
    yield* waitFor(reader.readline(), 0.05);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("readline timed out:", ename(e));
  }
  writer.write(bytes("ping\n"));
  console.log("then readline:", pyBytes(yield* reader.readline()));

  const first = loop.createTask(reader.read(100));
  yield* sleep(0);
  try {
    yield* reader.read(100);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("RuntimeError:", e.message);
  }
  first.cancel();
  try {
    yield* first;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("first read cancelled");
  }

  const partial = loop.createTask(reader.readline());
  yield* sleep(0);
  writer.write(bytes("go\n"));                 // the server sends half a line
  partial.cancel();
  try {
    yield* partial;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("readline cancelled");
  }
  writer.write(bytes("go on\n"));              // and the rest
  console.log("next readline:", pyBytes(yield* reader.readline()));
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
