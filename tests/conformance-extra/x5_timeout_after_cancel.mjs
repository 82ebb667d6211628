// timeout() in cleanup code, from CPython's test_timeouts: after the task swallowed a
// cancellation (cancelling() stays 1), a timeout(0) in its finally still turns its own
// expiry into TimeoutError, while a cancel() inside such a timeout stays CancelledError;
// a timeout in the finally of an expired timeout expires on its own and both raise
// TimeoutError; the TimeoutError's cause is the CancelledError; a timeout rescheduled to
// None and then cancelled from outside is not expired.
import { EventLoop, sleep, timeout, timeoutAt, asyncWith, currentTask, createTask, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
function* afterCancellation() {
  const me = currentTask();
  try {
    me.cancel();
    yield* sleep(1);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  swallowed; cancelling", me.cancelling(), T());
  } finally {
    try {
      yield* asyncWith(timeout(0.0), function* () {
        yield* sleep(1);
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("  timeout(0) in finally: TimeoutError, cause", ename(e.cause), "cancelling", me.cancelling(), T());
    }
  }
  return "first";
}

function* cancelInsideAfterCancellation() {
  const me = currentTask();
  try {
    me.cancel();
    yield* sleep(1);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
  } finally {
    try {
      yield* asyncWith(timeout(1.0), function* () {
        me.cancel();
        yield* sleep(2);
      });
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("  cancel inside timeout: CancelledError, cancelling", me.cancelling(), T());
    }
  }
  return "second";
}

function* nestedInFinally() {
  try {
    yield* asyncWith(timeout(0.25), function* () {
      try {
        yield* sleep(1);
      } finally {
        try {
          yield* asyncWith(timeout(0.5), function* () {
            yield* sleep(10);
          });
        } catch (e) {
          if (!(e instanceof TimeoutError)) throw e;
          console.log("  inner TimeoutError", T());
        }
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  outer TimeoutError", T());
  }
  return "third";
}

function* main() {
  for (const [name, f] of [["after_cancellation", afterCancellation],
                           ["cancel_inside_after_cancellation", cancelInsideAfterCancellation],
                           ["nested_in_finally", nestedInFinally]]) {
    console.log(name);
    const t = createTask(f());
    try {
      console.log("  result", yield* t);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("  task cancelled", B(t.cancelled()));
    }
  }

  const fut = loop.createFuture();
  function* f() {
    yield* asyncWith(timeoutAt(loop.time() + 10), function* (cm) {
      fut.setResult(cm);
      yield* sleep(50);
    });
  }
  const task = createTask(f());
  const cm = yield* fut;
  console.log("when", cm.when().toFixed(2));
  cm.reschedule(cm.when() + 20);
  console.log("when", cm.when().toFixed(2));
  cm.reschedule(null);
  console.log("when", fmt(cm.when()));
  task.cancel();
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("cancelled; expired", B(cm.expired()), T());
  }
}

loop.runUntilCompleteSync(main());
loop.close();
