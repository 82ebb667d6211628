// eof_received returning True keeps the transport open: the server answers after the
// client's EOF and closes when it is done; the client, whose eof_received returns None,
// closes on the server's EOF. is_reading is False on the server after its EOF.
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

class Server {
  constructor(log, lost) {
    Object.assign(this, { log, lost, got: new Uint8Array(0) });
  }

  connectionMade(transport) {
    this.transport = transport;
  }

  dataReceived(data) {
    this.got = concat(this.got, data);
  }

  eofReceived() {
    this.log.push(`server eof_received after ${pyBytes(this.got)}`);
    loop.callSoon(() => this.answer());
    return true;
  }

  answer() {
    this.log.push(`server answers; closing=${B(this.transport.isClosing())}`);
    this.transport.write(bytes("answer after EOF"));
    this.transport.close();
  }

  connectionLost(exc) {
    this.log.push(`server connection_lost ${py(exc)}`);
    this.lost.setResult(null);
  }
}

class Client {
  constructor(log, lost) {
    Object.assign(this, { log, lost });
  }

  dataReceived(data) {
    this.log.push(`client data_received ${pyBytes(data)}`);
  }

  eofReceived() {
    this.log.push("client eof_received");
  }

  connectionLost(exc) {
    this.log.push(`client connection_lost ${py(exc)}`);
    this.lost.setResult(null);
  }
}

function* main() {
  const slog = [], clog = [];
  const slost = loop.createFuture(), clost = loop.createFuture();
  const server = yield* loop.createServer(() => new Server(slog, slost), "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const [transport] = yield* loop.createConnection(() => new Client(clog, clost), "127.0.0.1", port);
  transport.write(bytes("request"));
  transport.writeEof();
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
