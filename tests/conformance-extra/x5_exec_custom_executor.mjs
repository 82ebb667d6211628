// run_in_executor with executors written by the application, as concurrent.futures lets
// one write them: submit() makes a concurrent.futures.Future and settles it with
// set_running_or_notify_cancel / set_result / set_exception. An inline executor runs the
// call inside submit() (its result still reaches the awaiting task one iteration later);
// a deferred one runs its queue when told to, skipping calls whose asyncio Future was
// cancelled (by cancel() or by wait_for's timeout); an executor that refuses work makes
// run_in_executor raise at the call; setting a finished future again is InvalidStateError.
import { EventLoop, sleep, gather, waitFor, ExecutorFuture, InvalidStateError, RuntimeError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const vfmt = (v) => (v instanceof RangeError ? `ValueError: ${v.message}` : Array.isArray(v) ? `[${v.map(vfmt).join(", ")}]` : fmt(v));

/** Runs each call at once, inside submit(). */
class InlineExecutor {
  constructor() {
    this.calls = [];
    this.closed = false;
  }

  submit(fn, ...args) {
    if (this.closed) throw new RuntimeError("cannot schedule new futures after shutdown");
    this.calls.push(fn.name);
    const f = new ExecutorFuture();
    if (!f.setRunningOrNotifyCancel()) return f;
    try {
      f.setResult(fn(...args));
    } catch (e) {
      f.setException(e);
    }
    return f;
  }

  shutdown() {
    this.closed = true;
  }
}

/** Queues calls; runPending() runs them. */
class DeferredExecutor {
  constructor() {
    this.pending = [];
  }

  submit(fn, ...args) {
    const f = new ExecutorFuture();
    this.pending.push([f, fn, args]);
    return f;
  }

  runPending() {
    console.log("  running", this.pending.length, "queued calls", T());
    for (const [f, fn, args] of this.pending) {
      if (!f.setRunningOrNotifyCancel()) {
        console.log("  skipped a cancelled call of", fn.name, "cancelled", B(f.cancelled()));
        continue;
      }
      try {
        f.setResult(fn(...args));
      } catch (e) {
        f.setException(e);
      }
    }
    this.pending = [];
  }
}

function add(a, b) {
  return a + b;
}

function fail(msg) {
  throw new RangeError(msg);
}

function* main() {
  console.log("inline:");
  const ex = new InlineExecutor();
  const seen = [];
  function remember(x) {
    seen.push(x);
    return seen.length;
  }
  const fut = loop.runInExecutor(ex, add, 2, 3);
  console.log("  done right after the call?", B(fut.done()));
  console.log("  add ->", yield* fut);
  try {
    yield* loop.runInExecutor(ex, fail, "bad input");
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("  fail ->", vfmt(e));
  }
  console.log("  remember ->", yield* loop.runInExecutor(ex, remember, "a"),
    yield* loop.runInExecutor(ex, remember, "b"), fmt(seen));
  console.log("  calls", fmt(ex.calls));
  ex.shutdown();
  try {
    loop.runInExecutor(ex, add, 1, 1);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("  after shutdown:", fmt(e));
  }

  console.log("deferred:");
  const d = new DeferredExecutor();
  const f1 = loop.runInExecutor(d, add, 1, 2);
  const f2 = loop.runInExecutor(d, fail, "later");
  const f3 = loop.runInExecutor(d, add, 5, 5);
  f3.cancel();
  loop.callLater(1, () => d.runPending());
  console.log("  gather ->", vfmt(yield* gather(f1, f2, { returnExceptions: true })), T());
  console.log("  f3 cancelled", B(f3.cancelled()));

  loop.callLater(1, () => d.runPending());
  try {
    yield* waitFor(loop.runInExecutor(d, add, 1, 1), 0.5);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  wait_for timed out", T());
  }
  yield* sleep(1);

  console.log("settling twice:");
  const f = new ExecutorFuture();
  f.setResult(1);
  for (const how of [() => f.setResult(2), () => f.setException(new RangeError("x"))]) {
    try {
      how();
    } catch (e) {
      if (!(e instanceof InvalidStateError)) throw e;
      console.log("  ", ename(e));
    }
  }
  console.log("  result still", f.result());
  const c = new ExecutorFuture();
  console.log("  cancel pending", B(c.cancel()), "then set_running_or_notify_cancel", B(c.setRunningOrNotifyCancel()));
}

loop.runUntilCompleteSync(main());
loop.close();
