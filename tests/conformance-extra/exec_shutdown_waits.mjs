// shutdown_default_executor() waits for the call a thread is running: it stays pending while
// the call is blocked, and returns once the call has finished (its Future then done with its
// result). A call queued behind it still runs before the shutdown completes.
import { EventLoop, ThreadPoolExecutor, ensureFuture, getRunningLoop, setEventLoop, sleep } from "wasmloop";
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
  loop.setDefaultExecutor(new ThreadPoolExecutor({ maxWorkers: 1 }));
  const cells = new SharedArrayBuffer(8);
  const fut = loop.runInExecutor(null, held, cells, "finished during the shutdown");
  const queued = loop.runInExecutor(null, square, 9);
  const helper = new ThreadPoolExecutor({ maxWorkers: 1 });
  try {
    yield* loop.runInExecutor(helper, waitStarted, cells);
  } finally {
    helper[Symbol.dispose]();
  }
  const shutdown = ensureFuture(loop.shutdownDefaultExecutor());
  yield* sleep(0);
  console.log("shutdown pending while the call is blocked:", B(!shutdown.done()));
  const a = new Int32Array(cells);
  Atomics.store(a, 1, 1); // gate.set()
  Atomics.notify(a, 1);
  yield* shutdown;
  console.log("shutdown done; the call:", B(fut.done()), fmt(fut.result()));
  console.log("the queued call:", B(queued.done()), py(queued.result()));
}

const loop = new EventLoop();
setEventLoop(loop);
await loop.runUntilComplete(main());
loop.close();
