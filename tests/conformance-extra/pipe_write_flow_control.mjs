// Write flow control on a pipe: 1 MiB written while nobody reads is more than the
// high-water mark (64 KiB): pause_writing() is called inside write(); once the reader has
// taken everything, resume_writing(). drain() on a StreamWriter waits for exactly that.
import { EventLoop, FlowControlMixin, StreamReader, StreamReaderProtocol, StreamWriter, getRunningLoop, sleep } from "wasmloop";
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

class WriteSide extends FlowControlMixin {
  pauseWriting() {
    console.log("pause_writing");
    super.pauseWriting();
  }
  resumeWriting() {
    console.log("resume_writing");
    super.resumeWriting();
  }
}

function* main() {
  const loop = getRunningLoop();
  const { readable: r, writable: w } = new TransformStream();   // os.pipe()
  const reader = new StreamReader();
  yield* loop.connectReadPipe(() => new StreamReaderProtocol(reader), r);
  const [transport, protocol] = yield* loop.connectWritePipe(() => new WriteSide(), w);
  const writer = new StreamWriter(transport, protocol, null, loop);
  console.log("before write");
  writer.write(new Uint8Array(1 << 20).fill(0x7a));
  console.log("after write: buffered", py(transport.getWriteBufferSize() > 0));
  const drained = loop.createTask(writer.drain());
  yield* sleep(0);
  console.log("drain waiting", py(!drained.done()));
  const data = yield* reader.readexactly(1 << 20);
  yield* drained;
  console.log("read", data.length, "buffer", transport.getWriteBufferSize());
  writer.close();
  console.log("end", pyBytes(yield* reader.read()));
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
