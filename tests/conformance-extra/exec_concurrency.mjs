// ThreadPoolExecutor(max_workers=3) runs three calls at the same time: they wait at a
// barrier that only three calls running together can pass, so all three pass. A fourth call
// queued behind them runs once a thread is free. Results come in argument order.
import { EventLoop, ThreadPoolExecutor, gather, getRunningLoop, setEventLoop } from "wasmloop";
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
const fmt = (v) => (v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v === null || v === undefined ? "None" : typeof v === "boolean" ? B(v) : String(v));   // vloop.fmt

// threading.Barrier(3) → a counter cell of a SharedArrayBuffer each call increments and then
// waits on until it reaches 3 (30 s, as barrier.wait(30))

function meet(barrier, name) {
  const a = new Int32Array(barrier);
  Atomics.add(a, 0, 1);
  Atomics.notify(a, 0);
  for (;;) {
    const n = Atomics.load(a, 0);
    if (n >= 3) return `${name} met`;
    if (Atomics.wait(a, 0, n, 30000) === "timed-out") return `${name} alone`;
  }
}

function alone(name) {
  return `${name} ran after`;
}

function* main() {
  const loop = getRunningLoop();
  const pool = new ThreadPoolExecutor({ maxWorkers: 3 });
  try {
    const barrier = new SharedArrayBuffer(4);
    const calls = ["a", "b", "c"].map((name) => loop.runInExecutor(pool, meet, barrier, name));
    calls.push(loop.runInExecutor(pool, alone, "d"));
    console.log(fmt(yield* gather(...calls)));
  } finally {
    pool[Symbol.dispose]();
  }
}

const loop = new EventLoop();
setEventLoop(loop);
await loop.runUntilComplete(main());
loop.close();
