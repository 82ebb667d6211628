// shutdown(wait=False, cancel_futures=True) while calls wait in the queue: they are cancelled
// at once, and their loop Futures follow at the next loop iteration; the call a thread runs
// is not cancelled and still delivers its result.
import { EventLoop, ThreadPoolExecutor, getRunningLoop, setEventLoop, sleep } from "wasmloop";
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

// threading.Event → a SharedArrayBuffer cell (see exec_cancel)

function held(cells, value) {
  const a = new Int32Array(cells);
  Atomics.store(a, 0, 1);
  Atomics.notify(a, 0);
  Atomics.wait(a, 1, 0, 30000);
  return value;
}

function waitStarted(cells) {
  Atomics.wait(new Int32Array(cells), 0, 0, 30000);
}

function square(x) {
  return x * x;
}

function* main() {
  const loop = getRunningLoop();
  const pool = new ThreadPoolExecutor({ maxWorkers: 1 });
  const cells = new SharedArrayBuffer(8);
  const first = loop.runInExecutor(pool, held, cells, "first");
  const waiting = [0, 1, 2].map((i) => loop.runInExecutor(pool, square, i));
  yield* loop.runInExecutor(null, waitStarted, cells);
  pool.shutdown({ wait: false, cancelFutures: true });
  console.log("right after shutdown, the loop Futures are cancelled:", fmt(waiting.map((f) => f.cancelled())));
  yield* sleep(0);
  console.log("one iteration later:", fmt(waiting.map((f) => f.cancelled())));
  console.log("the running call: cancelled", B(first.cancelled()));
  const a = new Int32Array(cells);
  Atomics.store(a, 1, 1);
  Atomics.notify(a, 1);
  console.log("it delivers:", yield* first);
}

const loop = new EventLoop();
setEventLoop(loop);
await loop.runUntilComplete(main());
loop.close();
