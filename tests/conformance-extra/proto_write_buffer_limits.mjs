// A transport's write-buffer marks: (low, high) defaults to (16384, 65536); high alone
// makes low a quarter of it, low alone makes high four times it; high < low is a
// ValueError that leaves the marks as they were; the buffer starts empty.
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

const tuple = ([a, b]) => `(${a}, ${b})`;

function* main() {
  const server = yield* loop.createServer(() => new Protocol(), "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const [transport] = yield* loop.createConnection(() => new Protocol(), "127.0.0.1", port);
  console.log("defaults", tuple(transport.getWriteBufferLimits()));
  console.log("size", String(transport.getWriteBufferSize()));
  transport.setWriteBufferLimits({ high: 100 });
  console.log("high=100", tuple(transport.getWriteBufferLimits()));
  transport.setWriteBufferLimits({ low: 10 });
  console.log("low=10", tuple(transport.getWriteBufferLimits()));
  transport.setWriteBufferLimits(8, 3);
  console.log("high=8 low=3", tuple(transport.getWriteBufferLimits()));
  transport.setWriteBufferLimits(0);
  console.log("high=0", tuple(transport.getWriteBufferLimits()));
  try {
    transport.setWriteBufferLimits({ high: 10, low: 20 });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("ValueError:", e.message);
  }
  console.log("kept", tuple(transport.getWriteBufferLimits()));
  transport.setWriteBufferLimits();
  console.log("back to defaults", tuple(transport.getWriteBufferLimits()));
  transport.close();
  server.close();
  yield* server.waitClosed();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
