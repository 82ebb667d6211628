// asyncio-task.rst's to_thread example: blocking_io() blocks in a thread while asyncio.sleep(1)
// runs on the loop, both under gather. Here it blocks until the loop opens a gate after that
// second, which only a loop running meanwhile can do (the docs' time.sleep(1) and printed times
// would leave the result to how fast a busy machine starts the thread). What the thread prints
// comes out in order around it. Then a ThreadPoolExecutor(max_workers=1) of our own with
// run_in_executor: calls queue behind each other, an exception comes back as itself, and a
// queued call cancelled before it starts never runs.
import { run, sleep, gather, toThread, ensureFuture, getRunningLoop, ThreadPoolExecutor } from "wasmloop";
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
// Each function runs in a worker, sent by its source: it blocks with Atomics.wait (time.sleep,
// and threading.Event.wait on a shared cell).
function blockingIo(gate) {
  console.log("start blocking_io");
  // Note that Atomics.wait() can be replaced with any blocking
  // IO-bound operation, such as file operations.
  const opened = Atomics.wait(gate, 0, 0, 30_000) !== "timed-out";
  console.log("blocking_io complete; the loop opened the gate:", opened ? "True" : "False");
}

// threading.Event: an Int32Array on a SharedArrayBuffer, shared with the worker
function* openGate(gate) {
  yield* sleep(1);
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
}

function slowSquare(x) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  console.log("  squared", x);
  return x * x;
}

function fail(msg) {
  throw new RangeError(msg);
}

function* main() {
  const loop = getRunningLoop();
  console.log("started main");
  const gate = new Int32Array(new SharedArrayBuffer(4));
  yield* gather(
    toThread(blockingIo, gate),
    openGate(gate));
  console.log("finished main");

  const pool = new ThreadPoolExecutor({ maxWorkers: 1 });
  try {
    const a = loop.runInExecutor(pool, slowSquare, 3);
    const b = loop.runInExecutor(pool, fail, "no good");
    const c = loop.runInExecutor(pool, slowSquare, 4);
    const d = loop.runInExecutor(pool, slowSquare, 5);
    d.cancel();
    const res = yield* gather(a, b, c, { returnExceptions: true });
    console.log("results", `[${res.map((r) => (r instanceof Error ? `'${ename(r)}: ${r.message}'` : String(r))).join(", ")}]`);
    yield* sleep(0.5);
    console.log("d cancelled", B(d.cancelled()));
  } finally {
    yield* ensureFuture(pool.shutdown());   // leaving `with ThreadPoolExecutor(...)`: shutdown(wait=True)
  }
}

await run(main());
