// waitFor, the hard cases: a result that lands in the same iteration as the timeout, an inner
// that suppresses the cancellation and returns a value, an inner that takes time to finish
// cancelling (waitFor waits for it), an inner that throws while being cancelled, cancelling
// the waiter cancels the inner, a shielded inner survives the timeout, negative timeouts.
import { EventLoop, sleep, waitFor, shield, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* suppress() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("suppress: caught the cancel", T());
  }
  return 42;
}

function* slowCancel() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("slow_cancel: cleaning up", T());
    yield* sleep(0.25);
    console.log("slow_cancel: cleaned up", T());
    throw e;
  }
}

function* raiseOnCancel() {
  try {
    yield* sleep(10);
  } finally {
    throw new ValueError("from finally");
  }
}

function* work(name, d) {
  yield* sleep(d);
  console.log(name, "finished", T());
  return name;
}

function* attempt(label, aw, timeout) {
  try {
    console.log(label, "->", fmt(yield* waitFor(aw, timeout)), T());
  } catch (e) {
    if (e instanceof TimeoutError) console.log(label, "-> TimeoutError", T());
    else if (e instanceof CancelledError) throw e;
    else console.log(label, "->", fmt(e), T());
  }
}

function* main() {
  // the result and the timeout in one iteration, the result's timer first (the only two
  // timers pending, so CPython's heap pops them in scheduling order): the timeout wins
  const f = loop.createFuture();
  loop.callLater(1, (v) => f.setResult(v), "late");
  yield* attempt("race", f, 1);
  console.log("race future cancelled", B(f.cancelled()), "result", fmt(f.result()));
  yield* attempt("suppressed", suppress(), 0.5);
  const t = loop.createTask(slowCancel());
  yield* sleep(0);
  yield* attempt("slow cancel", t, 0.5);
  console.log("slow_cancel task cancelled", B(t.cancelled()));
  yield* attempt("raises", raiseOnCancel(), 0.5);
  const inner = loop.createTask(work("inner", 5));
  const waiter = loop.createTask((function* () { return yield* waitFor(inner, 2); })());
  yield* sleep(0.5);
  waiter.cancel();
  try {
    yield* waiter;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("waiter cancelled", T(), "inner cancelled", B(inner.cancelled()));
  }
  const shielded = loop.createTask(work("shielded", 1));
  yield* attempt("shield", shield(shielded), 0.5);
  console.log("shielded done", B(shielded.done()), T());
  console.log("shielded result", fmt(yield* shielded), T());
  const done = loop.createFuture();
  done.setResult("ready");
  yield* attempt("negative, done", done, -1);
  const running = loop.createTask(work("running", 1));
  yield* sleep(0);
  yield* attempt("negative, running", running, -1);
  console.log("running cancelled", B(running.cancelled()));
  const failed = loop.createFuture();
  failed.setException(new ValueError("early"));
  yield* attempt("zero, failed", failed, 0);
  const quick = loop.createTask(work("quick", 0.1));
  function* outer() {
    const r = yield* waitFor(quick, 100);
    console.log("outer got", fmt(r), T());
    yield* sleep(1);
    console.log("outer not reached");
  }
  const o = loop.createTask(outer());
  yield* sleep(0.2);
  o.cancel();
  try {
    yield* o;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("outer cancelled", T());
  }
}

loop.runUntilCompleteSync(main());
loop.close();
