// Closing ends early. abort() on a write pipe drops the buffer and calls connection_lost(None)
// in the next iteration; writes after it are dropped silently. Closing the read end of a
// pipe: the write side notices the reader is gone and loses its connection (None: nothing
// was buffered).
import { BaseProtocol, EventLoop, getRunningLoop } from "wasmloop";
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

class Recorder extends BaseProtocol {
  constructor(name, done) {
    super();
    this.name = name;
    this.done = done;
  }
  connectionLost(exc) {
    console.log(this.name, "connection_lost", py(exc));
    this.done.setResult(null);
  }
}

function* main() {
  const loop = getRunningLoop();
  let { readable: r, writable: w } = new TransformStream();   // os.pipe()
  const done = loop.createFuture();
  let [wt] = yield* loop.connectWritePipe(() => new Recorder("aborted", done), w);
  wt.abort();
  console.log("is_closing", py(wt.isClosing()), "buffer", wt.getWriteBufferSize(), "done yet", py(done.done()));
  yield* done;
  wt.write(bytes("dropped"));
  console.log("write after abort: buffer", wt.getWriteBufferSize());
  r.cancel().catch(() => {});   // os.close(r)

  ({ readable: r, writable: w } = new TransformStream());
  const rdone = loop.createFuture();
  const wdone = loop.createFuture();
  const [rt] = yield* loop.connectReadPipe(() => new Recorder("read side", rdone), r);
  [wt] = yield* loop.connectWritePipe(() => new Recorder("write side", wdone), w);
  rt.close();
  yield* rdone;
  yield* wdone;
  console.log("write side is_closing", py(wt.isClosing()));
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
