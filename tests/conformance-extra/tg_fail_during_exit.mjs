// A child fails while the group waits in its exit (the body is done): the other child is
// cancelled and the group raises the ExceptionGroup. In 3.12 the group takes back its cancel
// request of the parent only at the start of its exit, so after a failure during the exit the
// parent's cancelling() stays 1 (3.13 moved that uncancel). The parent's later awaits are not
// cancelled; a later timeout still converts its own cancellation; a second group with a
// failing child raises its ExceptionGroup too.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, currentTask, timeout, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const strs = (xs) => `[${xs.map((x) => `'${x}'`).join(", ")}]`;

function* work(name, d, fail = false) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log(name, "cancelled", T());
    throw e;
  }
  if (fail) {
    console.log(name, "raises", T());
    throw new ValueError(name);
  }
  console.log(name, "done", T());
  return name;
}

function* main() {
  const me = currentTask();
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(work("a", 2, true));
      tg.createTask(work("b", 3));
      yield* sleep(0.5);
      console.log("body done", T(), "cancelling", me.cancelling());
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("caught", String(eg), strs(eg.exceptions.map(fmt)), T());
  }
  console.log("cancelling after the group", me.cancelling());
  yield* sleep(1);
  console.log("later await not cancelled", T());
  try {
    yield* asyncWith(timeout(0.5), function* () {
      yield* sleep(1);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("timeout still raises TimeoutError", T(), "cancelling", me.cancelling());
  }
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(work("c", 0.25, true));
      yield* sleep(1);
    });
  } catch (eg) {
    if (eg instanceof ExceptionGroup) {
      console.log("second group", String(eg), strs(eg.exceptions.map(fmt)), T(), "cancelling", me.cancelling());
    } else if (eg instanceof CancelledError) {
      console.log("second group raised CancelledError", T());
    } else throw eg;
  }
}

loop.runUntilCompleteSync(main());
loop.close();
