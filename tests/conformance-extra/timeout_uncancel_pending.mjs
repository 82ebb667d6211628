// Task.uncancel() only counts: in 3.12 taking the count back to 0 does not withdraw a cancel
// that is already pending (a task that cancels itself while running has its CancelledError
// thrown in at its next await all the same; 3.13 withdraws it). Inside a timeout block that
// cancellation is not the timeout's: the block lets it through, unexpired. A cancel requested
// while the task waits is delivered at once, whatever uncancel() says after.
import { EventLoop, sleep, timeout, asyncWith, currentTask, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* selfCancel(inTimeout) {
  const me = currentTask();
  function* body() {
    me.cancel();
    console.log("  cancelling", me.cancelling(), "uncancel ->", me.uncancel());
    yield* sleep(0);
    console.log("  next await not cancelled", T());
    return "went on";
  }
  try {
    if (inTimeout) {
      const cm = timeout(1);
      try {
        return yield* asyncWith(cm, function* () {
          return yield* body();
        });
      } finally {
        console.log("  timeout", String(cm), "expired", B(cm.expired()));
      }
    }
    return yield* body();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  CancelledError at the next await", T(), "cancelling", me.cancelling());
    return "cancelled";
  }
}

function* waiting() {
  try {
    yield* sleep(5);
    return "slept";
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  waiter got CancelledError", T());
    return "cancelled";
  }
}

function* main() {
  console.log("self cancel:");
  console.log("  ->", yield* loop.createTask(selfCancel(false)));
  console.log("self cancel in a timeout:");
  console.log("  ->", yield* loop.createTask(selfCancel(true)));
  console.log("cancel while waiting, then uncancel:");
  const t = loop.createTask(waiting());
  yield* sleep(1);
  t.cancel();
  console.log("  uncancel ->", t.uncancel());
  console.log("  ->", yield* t, T());
}

loop.runUntilCompleteSync(main());
loop.close();
