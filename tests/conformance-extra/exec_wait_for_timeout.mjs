// wait_for() around an executor call that outlasts its timeout: TimeoutError, the loop Future
// is cancelled, but the thread cannot be interrupted: it runs on to its end (the next call
// on the one-thread executor waits for it). The executor then takes new work.
import { EventLoop, ThreadPoolExecutor, TimeoutError, ensureFuture, getRunningLoop, setEventLoop, sleep, waitFor } from "wasmloop";
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
  Atomics.wait(new Int32Array(cells), 0, 0, 30000);
  return value;
}

function square(x) {
  return x * x;
}

function* main() {
  const loop = getRunningLoop();
  const pool = new ThreadPoolExecutor({ maxWorkers: 1 });
  const gate = new SharedArrayBuffer(4);
  const fut = loop.runInExecutor(pool, held, gate, "too late");
  try {
    yield* waitFor(fut, 0.05);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("wait_for raised", ename(e));
  }
  console.log("the loop Future: cancelled", B(fut.cancelled()));
  const after = loop.runInExecutor(pool, square, 12);
  yield* sleep(0);
  console.log("the next call waits for the thread:", B(!after.done()));
  Atomics.store(new Int32Array(gate), 0, 1);
  Atomics.notify(new Int32Array(gate), 0);
  console.log("next call:", py(yield* after));
  console.log("in time:", py(yield* waitFor(loop.runInExecutor(pool, square, 3), 60)));
  yield* ensureFuture(pool.shutdown({ wait: true }));
}

const loop = new EventLoop();
setEventLoop(loop);
await loop.runUntilComplete(main());
loop.close();
