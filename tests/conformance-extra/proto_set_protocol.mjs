// transport.set_protocol() in the middle of a connection: from then on the new protocol
// gets data_received, eof_received and connection_lost; the first one gets nothing more.
import { EventLoop, startServer } from "wasmloop";
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

class First {
  constructor(log, second) {
    Object.assign(this, { log, second });
  }

  connectionMade(transport) {
    this.transport = transport;
  }

  dataReceived(data) {
    this.log.push(`first: data_received ${pyBytes(data)}`);
    this.transport.setProtocol(this.second);
    this.log.push(`get_protocol is second: ${B(this.transport.getProtocol() === this.second)}`);
    this.transport.write(bytes("next\n"));
  }

  connectionLost(exc) {
    this.log.push("first: connection_lost (not expected)");
  }
}

class Second {
  constructor(log, lost) {
    Object.assign(this, { log, lost });
  }

  dataReceived(data) {
    this.log.push(`second: data_received ${pyBytes(data)}`);
  }

  eofReceived() {
    this.log.push("second: eof_received");
  }

  connectionLost(exc) {
    this.log.push(`second: connection_lost ${py(exc)}`);
    this.lost.setResult(null);
  }
}

function* main() {
  function* handle(reader, writer) {
    writer.write(bytes("one"));
    yield* reader.readline();
    writer.write(bytes("two"));
    writer.close();
  }

  const log = [];
  const lost = loop.createFuture();
  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const second = new Second(log, lost);
  yield* loop.createConnection(() => new First(log, second), "127.0.0.1", port);
  yield* lost;
  console.log(log.join("\n"));
  server.close();
  yield* server.waitClosed();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
