// A reset seen by protocols: the side whose peer resets gets connection_lost with a
// ConnectionResetError (no eof_received first) and its transport is closing; the side
// that reset gets connection_lost(None); neither reaches the loop's exception handler.
import { EventLoop } from "wasmloop";
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

class Logged {
  constructor(name, log, lost) {
    Object.assign(this, { name, log, lost });   // one log per side: their order is the OS's
  }

  connectionMade(transport) {
    this.transport = transport;
    if (this.name === "server") transport.write(bytes("bye"));
  }

  dataReceived(data) {
    this.log.push(`${this.name} data_received ${pyBytes(data)}`);
    if (this.name === "client") {
      this.transport.write(bytes("thanks"));
    } else {
      // SO_LINGER 0 and close, as Node spells it: the peer gets a reset
      this.transport.getExtraInfo("socket").resetAndDestroy();
    }
  }

  eofReceived() {
    this.log.push(`${this.name} eof_received`);
  }

  connectionLost(exc) {
    this.log.push(`${this.name} connection_lost ${exc ? ename(exc) : "None"} closing=${B(this.transport.isClosing())}`);
    this.lost.setResult(null);
  }
}

function* main() {
  const slog = [], clog = [];
  loop.setExceptionHandler((l, c) => console.log("exception handler: " + c.message));
  const slost = loop.createFuture(), clost = loop.createFuture();
  const server = yield* loop.createServer(() => new Logged("server", slog, slost), "127.0.0.1", 0);
  const port = server.sockets[0].port;
  yield* loop.createConnection(() => new Logged("client", clog, clost), "127.0.0.1", port);
  yield* slost;
  yield* clost;
  console.log(slog.join("\n"));
  console.log(clog.join("\n"));
  server.close();
  yield* server.waitClosed();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
