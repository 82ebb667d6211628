// A protocol whose data_received raises: the loop's exception handler gets "Fatal error:
// protocol.data_received() call failed." with the exception, the transport and the
// protocol; the connection is lost with that exception; the peer sees the connection end.
import { EventLoop, openConnection } from "wasmloop";
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

class Fragile {
  constructor(lost) {
    this.lost = lost;
  }

  connectionMade(transport) {
    this.transport = transport;
  }

  dataReceived(data) {
    throw new RangeError(`cannot parse ${pyBytes(data)}`);
  }

  connectionLost(exc) {
    this.lost.setResult(exc);
  }
}

function* main() {
  function handler(loop, context) {
    console.log("handler:", context.message, "|", ename(context.exception), context.exception.message,
      "| protocol is Fragile:", B(context.protocol instanceof Fragile),
      "| transport given:", B(context.transport != null));
  }

  loop.setExceptionHandler(handler);
  const lost = loop.createFuture();
  const server = yield* loop.createServer(() => new Fragile(lost), "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  writer.write(bytes("garbage"));
  const exc = yield* lost;
  console.log("connection_lost:", ename(exc), exc.message);
  console.log("client reads:", pyBytes(yield* reader.read()));
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
