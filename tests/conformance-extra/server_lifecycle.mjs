// A Server's life: serving with one listening socket on 127.0.0.1 right after
// start_server, get_loop(); close() stops serving and empties sockets; close() again is a
// no-op; wait_closed() returns (twice); a new connection is refused; serve_forever() on a
// closed server is a RuntimeError naming it.
import { EventLoop, startServer, openConnection, ConnectionRefusedError, RuntimeError } from "wasmloop";
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
  const server = yield* startServer(() => {}, "127.0.0.1", 0);
  const port = server.sockets[0].port;
  console.log("is_serving", B(server.isServing()), "sockets", String(server.sockets.length), "host", server.sockets[0].host);
  console.log("get_loop is loop", B(server.getLoop() === loop));
  server.close();
  console.log("after close: is_serving", B(server.isServing()), "sockets", String(server.sockets.length));
  server.close();
  yield* server.waitClosed();
  yield* server.waitClosed();
  console.log("wait_closed returned");
  try {
    yield* openConnection("127.0.0.1", port);
  } catch (e) {
    if (!(e instanceof ConnectionRefusedError)) throw e;
    console.log("connect after close:", ename(e));
  }
  try {
    yield* server.serveForever();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("RuntimeError:", e.message);
  }
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
