// The peer closes its end; the client keeps its own open (the stream protocol does on EOF)
// and goes on writing: the peer's kernel answers with a reset, and a later write() +
// drain() raises a ConnectionError (BrokenPipeError or ConnectionResetError, whichever the
// kernel reports first); the transport is then closed and reads raise the same error.
import { EventLoop, startServer, openConnection, ConnectionError, BrokenPipeError, ConnectionResetError } from "wasmloop";
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
    writer.close();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  console.log("read at EOF:", pyBytes(yield* reader.read()), "closing", B(writer.isClosing()));
  let error = null;
  for (let i = 0; i < 1000; i++) {
    try {
      writer.write(new Uint8Array(1000).fill(0x78));
      yield* writer.drain();
    } catch (e) {
      if (!(e instanceof ConnectionError)) throw e;
      error = e;
      break;
    }
  }
  console.log("write failed with a ConnectionError:", B(error instanceof BrokenPipeError || error instanceof ConnectionResetError));
  console.log("closing", B(writer.isClosing()));
  try {
    yield* reader.read(1);
    console.log("read returned");
  } catch (e) {
    if (!(e instanceof ConnectionError)) throw e;
    console.log("read raises the same error:", B(e === error));
  }
  server.close();
  yield* server.waitClosed();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
