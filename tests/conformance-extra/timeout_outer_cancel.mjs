// A cancel from outside and the timeout. Before the deadline: CancelledError goes through, the
// timeout is not expired. In the same iteration as the deadline (a done callback of the awaited
// future cancels the task again right after the timeout did): the outer cancel wins, the block
// raises CancelledError although the timeout expired, and cancelling() keeps the outer
// request. After a swallowed earlier cancel (cancelling() already 1 on entry) the timeout
// still converts its own cancellation. A cancel that arrives after the deadline, while the
// body cleans up: CancelledError wins.
import { EventLoop, sleep, timeout, asyncWith, currentTask, getRunningLoop, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* guarded(label, cm, coro) {
  const me = currentTask();
  try {
    yield* asyncWith(cm, function* () {
      yield* coro;
    });
    console.log("  ", label, "ended normally", T());
  } catch (e) {
    if (e instanceof TimeoutError) console.log("  ", label, "TimeoutError", T());
    else if (e instanceof CancelledError) {
      console.log("  ", label, "CancelledError", T());
      throw e;
    } else throw e;
  } finally {
    console.log("  ", label, "expired", B(cm.expired()), "cancelling", me.cancelling());
  }
}

function* runner(label, make) {
  const t = loop.createTask(make());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
  }
  console.log("  task cancelled", B(t.cancelled()), T());
  return t;
}

function* main() {
  const loop = getRunningLoop();
  console.log("before the deadline:");
  function* before() {
    const me = currentTask();
    loop.callLater(0.5, () => me.cancel());
    yield* guarded("before", timeout(1), sleep(5));
  }
  yield* runner("before", before);

  console.log("same iteration as the deadline:");
  function* same() {
    const me = currentTask();
    const fut = loop.createFuture();
    fut.addDoneCallback(() => {
      console.log("  done callback cancels the task again", T());
      me.cancel();
    });
    yield* guarded("same", timeout(1), fut);
  }
  yield* runner("same", same);

  console.log("cancel swallowed before entering:");
  function* swallowed() {
    const me = currentTask();
    me.cancel();
    try {
      yield* sleep(1);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("  swallowed, cancelling", me.cancelling());
    }
    yield* guarded("swallowed", timeout(1), sleep(5));
    return "ok";
  }
  yield* runner("swallowed", swallowed);

  console.log("cancel during the cleanup after the deadline:");
  function* cleanup() {
    const me = currentTask();
    function* body() {
      try {
        yield* sleep(5);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        loop.callLater(0.25, () => me.cancel());
        yield* sleep(1);
        console.log("  never printed");
      }
    }
    yield* guarded("cleanup", timeout(1), body());
  }
  yield* runner("cleanup", cleanup);
}

loop.runUntilCompleteSync(main());
loop.close();
