// serve_forever() in a task: it serves, a second serve_forever() is a RuntimeError, and
// cancelling the task closes the server (is_serving False, no sockets) and ends the task
// cancelled; server.close() also ends a serve_forever().
import { EventLoop, startServer, openConnection, sleep, RuntimeError, CancelledError } from "wasmloop";
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
    writer.write(yield* reader.readline());
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0, { startServing: false });
  const port = server.sockets[0].port;
  const task = loop.createTask(server.serveForever());
  yield* sleep(0);
  console.log("serving", B(server.isServing()));
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  writer.write(bytes("hi\n"));
  console.log("echo", pyBytes(yield* reader.readline()));
  writer.close();
  yield* writer.waitClosed();
  try {
    yield* server.serveForever();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("second serve_forever: RuntimeError");
  }
  task.cancel();
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("task cancelled:", B(task.cancelled()));
  }
  console.log("after cancel: serving", B(server.isServing()), "sockets", String(server.sockets.length));

  const server2 = yield* startServer(handle, "127.0.0.1", 0);
  const task2 = loop.createTask(server2.serveForever());
  yield* sleep(0);
  server2.close();
  try {
    yield* task2;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("close() ended serve_forever: cancelled", B(task2.cancelled()));
  }
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
