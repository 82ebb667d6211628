// nested waitFor with different timeouts: the inner expiring first raises TimeoutError out
// of the inner call, which passes the outer as it is (the task is not cancelling after);
// the outer expiring first cancels through the inner waitFor, which passes CancelledError
// up to the outer, which turns it into TimeoutError; three levels; an inner that catches
// its own TimeoutError and goes on is then cut by the outer; cancelling() seen inside at
// every stage; a reporter task shows in which iteration each error arrives.
import { EventLoop, sleep, waitFor, currentTask, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* reporter(label, n) {
  for (let i = 0; i < n; i++) {
    console.log("   ", label, i, T());
    yield* sleep(0);
  }
}

function* work(d) {
  const me = currentTask();
  try {
    yield* sleep(d);
    return `slept ${d}`;
  } catch (e) {
    if (e instanceof CancelledError) console.log("  work cancelled", fmt(e), "cancelling", me.cancelling(), T());
    throw e;
  }
}

function* level(name, aw, t) {
  const me = currentTask();
  try {
    const r = yield* waitFor(aw, t);
    console.log("  ", name, "returned", fmt(r), "cancelling", me.cancelling(), T());
    return r;
  } catch (e) {
    console.log("  ", name, "raised", ename(e), "cancelling", me.cancelling(), T());
    throw e;
  }
}

function* patient() {
  const me = currentTask();
  try {
    return yield* waitFor(work(5), 0.5);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  patient: own timeout, cancelling", me.cancelling(), T());
  }
  try {
    yield* sleep(5);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  patient: cut by the outer, cancelling", me.cancelling(), T());
    throw e;
  }
  return "never";
}

function* attempt(label, coro) {
  const me = currentTask();
  loop.createTask(reporter(label, 3));
  try {
    const r = yield* coro;
    console.log(label, "->", fmt(r), "cancelling", me.cancelling(), T());
  } catch (e) {
    console.log(label, "->", ename(e), "cancelling", me.cancelling(), T());
  }
}

function* main() {
  yield* attempt("inner first", level("outer", level("inner", work(5), 1), 2));
  yield* attempt("outer first", level("outer", level("inner", work(5), 2), 1));
  yield* attempt("three levels, middle first",
                 level("l1", level("l2", level("l3", work(5), 3), 1), 2));
  yield* attempt("three levels, outer first",
                 level("l1", level("l2", level("l3", work(5), 3), 2), 1));
  yield* attempt("both beat", level("outer", level("inner", work(0.5), 2), 1));
  yield* attempt("patient", waitFor(patient(), 1.25));
  console.log("end", T());
}

loop.runUntilCompleteSync(main());
loop.close();
