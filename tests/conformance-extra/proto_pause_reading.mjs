// pause_reading() stops data_received until resume_reading(); is_reading() says which;
// pausing or resuming twice changes nothing; data sent while paused arrives, whole and in
// order, after the resume.
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

class Server {
  constructor(log, done) {
    Object.assign(this, { log, done, got: new Uint8Array(0) });
  }

  connectionMade(transport) {
    this.transport = transport;
    transport.pauseReading();
    transport.pauseReading();
    this.log.push(`paused: is_reading=${B(transport.isReading())}`);
    loop.callLater(0.05, () => this.resume());
  }

  resume() {
    this.log.push(`resuming after ${this.got.length} bytes`);
    this.transport.resumeReading();
    this.transport.resumeReading();
    this.log.push(`is_reading=${B(this.transport.isReading())}`);
  }

  dataReceived(data) {
    this.got = concat(this.got, data);
  }

  eofReceived() {
    this.log.push(`eof after ${pyBytes(this.got)}`);
    this.done.setResult(null);
  }
}

function* main() {
  const log = [];
  const done = loop.createFuture();
  const server = yield* loop.createServer(() => new Server(log, done), "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const [transport] = yield* loop.createConnection(() => new Protocol(), "127.0.0.1", port);
  for (const part of [bytes("one "), bytes("two "), bytes("three")]) transport.write(part);
  transport.writeEof();
  yield* done;
  console.log(log.join("\n"));
  transport.close();
  server.close();
  yield* server.waitClosed();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
