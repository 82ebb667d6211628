// Write flow control on a real socket: the server does not read at first, so one big
// write leaves most of it in the client transport's buffer: pause_writing() is called
// inside write(), once; when the server reads, the buffer drains and resume_writing() is
// called once at the low-water mark; every byte arrives.
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

const SIZE = 16 * 1024 * 1024;

class Sink {
  constructor(done) {
    Object.assign(this, { done, n: 0 });
  }

  connectionMade(transport) {
    this.transport = transport;
    transport.pauseReading();
    loop.callLater(0.05, () => transport.resumeReading());
  }

  dataReceived(data) {
    this.n += data.length;
    if (this.n === SIZE) this.done.setResult(this.n);
  }
}

class Writer {
  constructor(log) {
    this.log = log;
  }

  connectionMade(transport) {
    this.transport = transport;
  }

  pauseWriting() {
    this.log.push(`pause_writing; buffer over the high mark: ${B(this.transport.getWriteBufferSize() > 65536)}`);
  }

  resumeWriting() {
    this.log.push(`resume_writing; buffer at most the low mark: ${B(this.transport.getWriteBufferSize() <= 16384)}`);
  }
}

function* main() {
  const log = [];
  const done = loop.createFuture();
  const server = yield* loop.createServer(() => new Sink(done), "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const [transport] = yield* loop.createConnection(() => new Writer(log), "127.0.0.1", port);
  transport.write(new Uint8Array(SIZE));
  log.push("write returned");
  console.log("server received", String(yield* done));
  console.log(log.join("\n"));
  transport.close();
  server.close();
  yield* server.waitClosed();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
