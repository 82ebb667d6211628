// A Protocol on the reading end of a pipe: connection_made, data_received, eof_received,
// connection_lost(None), in that order; connect_read_pipe returns once connection_made ran.
// After the end the transport is closing and has no protocol any more.
import { EventLoop, Protocol, getRunningLoop } from "wasmloop";
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

class Recorder extends Protocol {
  constructor(done) {
    super();
    this.done = done;
  }
  connectionMade(transport) {
    console.log("connection_made", py(transport.isReading()));
  }
  dataReceived(data) {
    console.log("data_received", pyBytes(data));
  }
  eofReceived() {
    console.log("eof_received");
  }
  connectionLost(exc) {
    console.log("connection_lost", py(exc));
    this.done.setResult(null);
  }
}

function* main() {
  const loop = getRunningLoop();
  const done = loop.createFuture();
  const { readable: r, writable: w } = new TransformStream();   // os.pipe()
  const [transport, protocol] = yield* loop.connectReadPipe(() => new Recorder(done), r);
  console.log("connected", py(protocol instanceof Recorder));
  const writer = w.getWriter();
  writer.write(bytes("some bytes"));
  writer.close();
  yield* done;
  console.log("is_closing", py(transport.isClosing()), "protocol", py(transport.getProtocol()));
  transport.close();
  console.log("close again: fine");
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
