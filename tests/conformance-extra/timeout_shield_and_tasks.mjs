// A timeout around a shielded task: the deadline cancels the waiting task, not the shielded
// one, which finishes later and keeps its result. Several tasks, each with its own timeout,
// gathered: each expires on its own, the others go on. A timeout in a finally block of a
// cancelled task (cleanup with a time limit) and a timeout entered after the task swallowed a
// cancellation.
import { EventLoop, sleep, timeout, asyncWith, currentTask, shield, gather, CancelledError, TimeoutError } from "wasmloop";
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
  console.log("  ", name, "done", T());
  return name;
}

function* limited(name, limit, d) {
  try {
    return yield* asyncWith(timeout(limit), function* () {
      return yield* work(name, d);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    return name + " timed out";
  }
}

function* cleanupWithLimit() {
  try {
    yield* sleep(10);
  } finally {
    console.log("  cleaning up", T());
    try {
      yield* asyncWith(timeout(0.5), function* () {
        yield* work("cleanup", 2);
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e; // eslint-disable-line no-unsafe-finally
      console.log("  cleanup timed out", T());
    }
  }
}

function* main() {
  console.log("shield:");
  const inner = loop.createTask(work("shielded", 2));
  try {
    yield* asyncWith(timeout(1), function* () {
      yield* shield(inner);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  TimeoutError", T(), "inner done", B(inner.done()));
  }
  console.log("  inner ->", fmt(yield* inner), T());
  console.log("gather of timed tasks:");
  console.log("  ->", fmt(yield* gather(limited("a", 1, 0.5), limited("b", 0.75, 3), limited("c", 2, 1.5))), T());
  console.log("cleanup with a time limit:");
  const t = loop.createTask(cleanupWithLimit());
  yield* sleep(1);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  task cancelled", B(t.cancelled()), T());
  }
  console.log("after a swallowed cancel:");
  const me = currentTask();
  me.cancel();
  try {
    yield* sleep(1);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  swallowed", T(), "cancelling", me.cancelling());
  }
  console.log("  ->", yield* limited("d", 0.5, 1), T(), "cancelling", me.cancelling());
}

loop.runUntilCompleteSync(main());
loop.close();
