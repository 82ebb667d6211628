// The task running a TaskGroup is cancelled while the group waits in __aexit__ for its
// children (the body has finished). The children are cancelled, the one with a slow cleanup
// is waited for, a second cancel() during that wait does not cut the wait short, and
// CancelledError (not an ExceptionGroup) comes out with cancelling() counting both requests.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, currentTask, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
function* child(name, d, cleanup = 0) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  ", name, "cancelled", T());
    if (cleanup) {
      yield* sleep(cleanup);
      console.log("  ", name, "cleaned up", T());
    }
    throw e;
  }
  console.log("  ", name, "done", T());
}

function* grouped() {
  const me = currentTask();
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(child("quick", 0.5));
      tg.createTask(child("slow", 10, 1.5));
      tg.createTask(child("plain", 10));
      console.log("  body done", T());
    });
  } catch (e) {
    console.log("  group raised", ename(e), T(), "cancelling", me.cancelling());
    throw e;
  }
}

function* main() {
  const t = loop.createTask(grouped());
  yield* sleep(1);
  console.log("cancel 1", B(t.cancel()), T());
  yield* sleep(0.75);
  console.log("cancel 2", B(t.cancel()), T());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("task cancelled", B(t.cancelled()), T());
  }
}

loop.runUntilCompleteSync(main());
loop.close();
