// waitFor on top of timeouts (3.12's wait_for is itself a timeout around the await). waitFor
// shorter than an enclosing timeout: waitFor's TimeoutError, caught inside the block, which
// goes on. An enclosing timeout shorter than waitFor: the timeout's TimeoutError, waitFor sees
// a cancellation that is not its own. A timeout inside the coroutine waitFor runs: whichever is
// shorter wins. waitFor of a Task with a timeout inside it. Each result with cancelling().
import { EventLoop, sleep, timeout, asyncWith, currentTask, waitFor, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* work(name, d) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  ", name, "cancelled", T());
    throw e;
  }
  return name;
}

function* timedWork(name, limit, d) {
  return yield* asyncWith(timeout(limit), function* () {
    return yield* work(name, d);
  });
}

function* attempt(label, coro) {
  try {
    const r = yield* coro;
    console.log(label, "->", fmt(r), T(), "cancelling", currentTask().cancelling());
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log(label, "-> TimeoutError", T(), "cancelling", currentTask().cancelling());
  }
}

function* waitForInTimeout(wf, to) {
  return yield* asyncWith(timeout(to), function* () {
    try {
      return yield* waitFor(work("w", 5), wf);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("  wait_for timed out inside the block", T());
    }
    return yield* work("after", 0.5);
  });
}

function* main() {
  yield* attempt("wait_for 1 inside timeout 3", waitForInTimeout(1, 3));
  yield* attempt("wait_for 3 inside timeout 1", waitForInTimeout(3, 1));
  yield* attempt("wait_for 1 of a coroutine with timeout 2", waitFor(timedWork("x", 2, 5), 1));
  yield* attempt("wait_for 2 of a coroutine with timeout 1", waitFor(timedWork("y", 1, 5), 2));
  yield* attempt("wait_for 2 of a coroutine with timeout 1, in time", waitFor(timedWork("z", 1, 0.5), 2));
  let t = loop.createTask(timedWork("task", 1, 5));
  yield* attempt("wait_for 2 of a task with timeout 1", waitFor(t, 2));
  t = loop.createTask(timedWork("task2", 2, 5));
  yield* attempt("wait_for 1 of a task with timeout 2", waitFor(t, 1));
  console.log("task2 cancelled", B(t.cancelled()));
}

loop.runUntilCompleteSync(main());
loop.close();
