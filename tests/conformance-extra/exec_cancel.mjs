// Cancelling the loop Future of an executor call. A call still waiting in the executor's
// queue is cancelled with it and never runs. A call a thread already runs cannot be
// stopped: its loop Future is cancelled, the concurrent future's cancel() says False, the
// thread runs to its end, and that end is only visible through the concurrent future.
import { CancelledError, EventLoop, ThreadPoolExecutor, ensureFuture, getRunningLoop, setEventLoop, sleep, wrapFuture } from "wasmloop";
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

// Threads share no objects here: Python's threading.Event becomes a cell of a
// SharedArrayBuffer (set: Atomics.store + notify; wait: Atomics.wait), and the list the
// calls append to becomes a cell per name.

const NAMES = ["queued", "next"];

function held(cells, value) {
  const a = new Int32Array(cells);
  Atomics.store(a, 0, 1); // started.set()
  Atomics.notify(a, 0);
  Atomics.wait(a, 1, 0, 30000); // gate.wait(30)
  return value;
}

function waitStarted(cells) {
  Atomics.wait(new Int32Array(cells), 0, 0, 30000);
}

function record(ran, i, name) {
  Atomics.store(new Int32Array(ran), i, 1);
  return name;
}

function openGate(cells) {
  const a = new Int32Array(cells);
  Atomics.store(a, 1, 1);
  Atomics.notify(a, 1);
}

function* main() {
  const loop = getRunningLoop();
  const pool = new ThreadPoolExecutor({ maxWorkers: 1 });
  const ran = new SharedArrayBuffer(4 * NAMES.length);
  let cells = new SharedArrayBuffer(8);
  const first = loop.runInExecutor(pool, held, cells, "first");
  const queued = loop.runInExecutor(pool, record, ran, 0, "queued");
  console.log("cancel the queued call:", B(queued.cancel()), "cancelled:", B(queued.cancelled()));
  yield* loop.runInExecutor(null, waitStarted, cells);
  openGate(cells);
  console.log("first:", yield* first);
  console.log("next:", yield* loop.runInExecutor(pool, record, ran, 1, "next"));
  const flags = new Int32Array(ran);
  console.log("ran:", fmt(NAMES.filter((_, i) => flags[i] === 1)));

  cells = new SharedArrayBuffer(8);
  const cf = pool.submit(held, cells, "ran to its end");
  const fut = wrapFuture(cf);
  yield* loop.runInExecutor(null, waitStarted, cells);
  console.log("running:", B(cf.running()), "cancel the loop Future:", B(fut.cancel()));
  yield* sleep(0);
  console.log("concurrent future: cancel()", B(cf.cancel()), "running", B(cf.running()), "cancelled", B(cf.cancelled()));
  openGate(cells);
  console.log("the thread's result:", yield* wrapFuture(cf));
  console.log("the loop Future: cancelled", B(fut.cancelled()));
  try {
    fut.result();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("its result() raises", ename(e));
  }
  yield* ensureFuture(pool.shutdown({ wait: true }));
}

const loop = new EventLoop();
setEventLoop(loop);
await loop.runUntilComplete(main());
loop.close();
