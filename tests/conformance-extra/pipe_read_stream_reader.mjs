// A StreamReader over the reading end of a pipe (connect_read_pipe with a
// StreamReaderProtocol), as asyncio users read a pipe: lines, a last partial line, EOF.
// (In JavaScript the pipe is a TransformStream: its writable end is os.pipe()'s w, its
// readable end r.)
import { EventLoop, StreamReader, StreamReaderProtocol, getRunningLoop } from "wasmloop";
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
  const [transport] = yield* loop.connectReadPipe(() => new StreamReaderProtocol(reader), r);
  console.log("is_reading", py(transport.isReading()), "is_closing", py(transport.isClosing()));
  const writer = w.getWriter();
  writer.write(bytes("first line\nsecond line\npartial"));   // os.write(w, ...)
  writer.close();                                            // os.close(w)
  console.log(pyBytes(yield* reader.readline()));
  console.log(pyBytes(yield* reader.readline()));
  console.log(pyBytes(yield* reader.readline()));
  console.log(pyBytes(yield* reader.readline()), "at_eof", py(reader.atEof()));
  console.log("is_reading", py(transport.isReading()), "is_closing", py(transport.isClosing()));
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
