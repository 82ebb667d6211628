// waitFor and TaskGroups. waitFor(coroutine running a group, 1): the coroutine runs inline in
// the waiting task, so the group's parent is that task; the deadline cancels it, the group
// cancels its children and waitFor raises TimeoutError. A child that uses waitFor and times
// out fails the group with a TimeoutError inside the ExceptionGroup. waitFor(timeout=0) on a
// group's task that is done returns its result; on one still running it cancels it, which the
// group sees as an ordinary cancelled child.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, currentTask, waitFor, CancelledError, TimeoutError } from "wasmloop";
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

function* grouped() {
  console.log("  grouped runs in the waiting task:", currentTask().getName());
  yield* asyncWith(new TaskGroup(), function* (tg) {
    tg.createTask(work("g1", 3));
    yield* work("gbody", 2);
  });
  return "never";
}

function* impatient() {
  return yield* waitFor(work("slow", 5), 0.5);
}

function* main() {
  console.log("main is", currentTask().getName());
  try {
    yield* waitFor(grouped(), 1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("wait_for -> TimeoutError", T(), "cancelling", currentTask().cancelling());
  }
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(impatient());
      tg.createTask(work("sibling", 2));
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("group ->", `[${eg.exceptions.map((e) => `'${ename(e)}'`).join(", ")}]`, T());
  }
  yield* asyncWith(new TaskGroup(), function* (tg) {
    const quick = tg.createTask(work("quick", 0.25));
    const long = tg.createTask(work("long", 5));
    yield* sleep(0.5);
    console.log("quick ->", fmt(yield* waitFor(quick, 0)), T());
    try {
      yield* waitFor(long, 0);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("long -> TimeoutError", T(), "cancelled", B(long.cancelled()));
    }
  });
  console.log("group done", T());
}

loop.runUntilCompleteSync(main());
loop.close();
