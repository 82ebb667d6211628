// Cancellation that children swallow: gather cancelled from outside while every child catches
// the CancelledError and returns still raises CancelledError; wait_for whose inner task
// swallows the timeout's cancellation and returns a value gives that value; a TaskGroup child
// that times out inside asyncio.timeout() fails the group with TimeoutError; as_completed over
// coroutines where one raises still yields the others.
import { EventLoop, sleep, gather, waitFor, timeout, asCompleted, TaskGroup, asyncWith, ExceptionGroup, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* stubborn(name, d) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  ", name, "swallows", T());
    return name + "-swallowed";
  }
  return name;
}

function* work(name, d, fail = false) {
  yield* sleep(d);
  if (fail) throw new ValueError(name);
  return name;
}

function* main() {
  console.log("case 1: gather cancelled, children swallow");
  const g = gather(stubborn("a", 1), stubborn("b", 2));
  loop.callLater(0.5, () => g.cancel());
  try {
    console.log("  gather returned", fmt(yield* g));
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  gather raised CancelledError", B(g.cancelled()), T());
  }

  console.log("case 2: wait_for, inner swallows");
  try {
    console.log("  wait_for ->", fmt(yield* waitFor(stubborn("c", 3), 0.25)), T());
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  wait_for TimeoutError", T());
  }

  console.log("case 3: TaskGroup child times out");
  function* child() {
    yield* asyncWith(timeout(0.3), function* () {
      yield* sleep(5);
    });
  }
  let s;
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(child());
      s = tg.createTask(work("s", 4));
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    const [match, rest] = eg.split(TimeoutError);
    if (rest !== null) throw rest;
    console.log("  group failed", fmt(match.exceptions.map(ename)), "s cancelled", B(s.cancelled()), T());
  }

  console.log("case 4: as_completed over coroutines, one raises");
  for (const fut of asCompleted([work("x", 0.7), work("y", 0.2, true), work("z", 0.4)])) {
    try {
      console.log("  got", fmt(yield* fut), T());
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      console.log("  raised", fmt(e), T());
    }
  }
}

loop.runUntilCompleteSync(main());
loop.close();
