// abort(): the transport closes at once, the buffer is dropped (get_write_buffer_size 0),
// connection_lost(None) comes once, as a callback; abort() and close() again do nothing,
// and a write after it is silently dropped. The server sees the connection end.
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

class Client {
  constructor(log, lost) {
    Object.assign(this, { log, lost });
  }

  connectionLost(exc) {
    this.log.push(`connection_lost ${py(exc)}`);
    this.lost.setResult(null);
  }
}

class Server {
  constructor(ended) {
    this.ended = ended;
  }

  connectionLost(exc) {
    this.ended.setResult(exc);
  }
}

function* main() {
  const log = [];
  const lost = loop.createFuture(), ended = loop.createFuture();
  const server = yield* loop.createServer(() => new Server(ended), "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const [transport] = yield* loop.createConnection(() => new Client(log, lost), "127.0.0.1", port);
  transport.write(bytes("x".repeat(100)));
  transport.abort();
  log.push(`aborted: closing=${B(transport.isClosing())} buffer=${transport.getWriteBufferSize()}`);
  transport.abort();
  transport.close();
  transport.write(bytes("dropped"));
  yield* lost;
  console.log(log.join("\n"));
  console.log("server side ended:", py(yield* ended));
  server.close();
  yield* server.waitClosed();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
