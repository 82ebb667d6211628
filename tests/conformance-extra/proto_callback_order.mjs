// The calls each side's protocol receives, in asyncio's order, with the transport's state
// at each: the client sends, half-closes, the server echoes and returns None from
// eof_received (so its transport closes), the client sees the echo, EOF, then
// connection_lost(None); get_protocol() is None once the connection is lost.
import { EventLoop, Protocol } from "wasmloop";
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

class Logged extends Protocol {
  constructor(name, log, lost) {
    super();
    Object.assign(this, { name, log, lost });
  }

  connectionMade(transport) {
    this.transport = transport;
    this.log.push(`connection_made closing=${B(transport.isClosing())} reading=${B(transport.isReading())}`);
  }

  dataReceived(data) {
    this.log.push(`data_received ${pyBytes(data)}`);
    if (this.name === "server") this.transport.write(data.map((c) => (c >= 0x61 && c <= 0x7a ? c - 0x20 : c)));
  }

  eofReceived() {
    this.log.push(`eof_received closing=${B(this.transport.isClosing())}`);
  }

  connectionLost(exc) {
    this.log.push(`connection_lost ${py(exc)} closing=${B(this.transport.isClosing())}`);
    this.lost.setResult(null);
  }
}

const pyList = (xs) => `[${xs.map((x) => `'${x}'`).join(", ")}]`;

function* main() {
  const slog = [], clog = [];
  const slost = loop.createFuture(), clost = loop.createFuture();
  const server = yield* loop.createServer(() => new Logged("server", slog, slost), "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const [transport, protocol] = yield* loop.createConnection(() => new Logged("client", clog, clost), "127.0.0.1", port);
  console.log("after create_connection:", pyList(clog));
  transport.write(bytes("hello"));
  transport.writeEof();
  console.log("write_eof: closing", B(transport.isClosing()), "reading", B(transport.isReading()));
  yield* clost;
  yield* slost;
  for (const line of slog) console.log("server:", line);
  for (const line of clog) console.log("client:", line);
  console.log("get_protocol after loss:", py(transport.getProtocol()));
  server.close();
  yield* server.waitClosed();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
