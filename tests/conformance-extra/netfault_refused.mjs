// Connecting where nobody listens: open_connection and create_connection raise
// ConnectionRefusedError (a ConnectionError, an OSError, errno ECONNREFUSED); the protocol
// factory is never called; the loop goes on serving afterwards.
import { EventLoop, startServer, openConnection, Protocol, ConnectionRefusedError, ConnectionError, OSError } from "wasmloop";
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
const ECONNREFUSED = 111;   // Linux's errno

function* main() {
  let server = yield* startServer((r, w) => w.close(), "127.0.0.1", 0);
  const port = server.sockets[0].port;
  server.close();
  yield* server.waitClosed();
  const made = [];
  for (const how of ["open_connection", "create_connection"]) {
    try {
      if (how === "open_connection") yield* openConnection("127.0.0.1", port);
      else yield* loop.createConnection(() => (made.push(1), new Protocol()), "127.0.0.1", port);
    } catch (e) {
      if (!(e instanceof ConnectionRefusedError)) throw e;
      console.log(how, ename(e), B(e instanceof ConnectionError), B(e instanceof OSError), B(e.errno === ECONNREFUSED));
    }
  }
  console.log("factory called", String(made.length));
  server = yield* startServer((r, w) => w.write(bytes("up again\n")), "127.0.0.1", 0);
  const [reader, writer] = yield* openConnection("127.0.0.1", server.sockets[0].port);
  console.log(pyBytes(yield* reader.readline()));
  writer.close();
  server.close();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
