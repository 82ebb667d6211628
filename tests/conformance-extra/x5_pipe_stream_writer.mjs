// Streams over both ends of one pipe, as asyncio users wire them by hand: the write end through
// connect_write_pipe(FlowControlMixin) and a StreamWriter(transport, protocol, None, loop),
// the read end through connect_read_pipe(StreamReaderProtocol(reader)). Lines written and
// drained come out of readline() in order; a large write is drained while a task reads it;
// close() on the writer ends the pipe (once the buffer is through), so the reader reads
// EOF. (Not wait_closed(): FlowControlMixin has no close waiter; asyncio raises
// NotImplementedError.)
// (In JavaScript the pipe is a TransformStream: its writable end is os.pipe()'s w, its
// readable end r.)
import { EventLoop, createTask, getRunningLoop, StreamReader, StreamReaderProtocol, StreamWriter, FlowControlMixin } from "wasmloop";
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
function* main() {
  const loop = getRunningLoop();
  const { readable: r, writable: w } = new TransformStream();   // os.pipe()
  const reader = new StreamReader();
  yield* loop.connectReadPipe(() => new StreamReaderProtocol(reader), r);
  const [transport, protocol] = yield* loop.connectWritePipe(() => new FlowControlMixin(), w);
  const writer = new StreamWriter(transport, protocol, null, loop);
  console.log("can_write_eof", B(writer.canWriteEof()), "is_closing", B(writer.isClosing()));

  for (const line of ["alpha\n", "beta\n", "gamma\n"]) {
    writer.write(bytes(line));
    yield* writer.drain();
    console.log("read back", pyBytes(yield* reader.readline()));
  }

  const big = bytes("0123456789".repeat(50000));
  const reading = createTask(reader.readexactly(big.length));
  writer.write(big);
  yield* writer.drain();
  const got = yield* reading;
  console.log("big write read back whole:", B(got.length === big.length && got.every((x, i) => x === big[i])), got.length);

  writer.write(bytes("last line\n"));
  writer.close();
  console.log("is_closing after close", B(writer.isClosing()));
  console.log("read", pyBytes(yield* reader.readline()), "then", pyBytes(yield* reader.read()), "at_eof", B(reader.atEof()));
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
