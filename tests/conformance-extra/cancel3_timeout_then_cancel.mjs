// waitFor whose timeout has fired while the inner task is still cleaning up (it takes a
// while), when the waiting task is also cancelled from outside during that cleanup: the
// cancel goes on to the inner task (cancelling() 2 there); the inner re-raising gives the
// waiter CancelledError, not TimeoutError (the outside request stays counted); an inner that
// swallows every cancellation and returns a value makes waitFor return it even so, and
// the outside request is left in cancelling(), so the waiter's next await is not cancelled;
// without the outside cancel: TimeoutError / the value.
import { EventLoop, sleep, waitFor, currentTask, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* inner(name, swallow) {
  const me = currentTask();
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  ", name, "inner caught", fmt(e), "cancelling", me.cancelling(), T());
  }
  for (let i = 0; i < 3; i++) {
    try {
      yield* sleep(0.1);
      console.log("  ", name, "inner cleanup step", i, T());
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("  ", name, "inner cancelled again at step", i, fmt(e), "cancelling", me.cancelling(), T());
    }
  }
  if (swallow) return name + " cleaned";
  throw new CancelledError("inner gives up");
}

function* outer(name, swallow) {
  const me = currentTask();
  const t = loop.createTask(inner(name, swallow));
  let r;
  try {
    r = yield* waitFor(t, 0.5);
    console.log("  ", name, "wait_for returned", fmt(r), "cancelling", me.cancelling(), T());
  } catch (e) {
    console.log("  ", name, "wait_for raised", fmt(e), "cancelling", me.cancelling(), T());
    throw e;
  }
  yield* sleep(0.25);
  console.log("  ", name, "outer goes on", "cancelling", me.cancelling(), T());
  return r;
}

function* run(name, swallow, outside) {
  const o = loop.createTask(outer(name, swallow));
  if (outside) {
    yield* sleep(0.65);
    console.log(name, "cancel outer from outside", B(o.cancel("outside")), "cancelling", o.cancelling(), T());
  }
  try {
    console.log(name, "->", fmt(yield* o), "cancelling", o.cancelling(), T());
  } catch (e) {
    console.log(name, "-> raised", fmt(e), "cancelled", B(o.cancelled()), T());
  }
}

function* main() {
  yield* run("A", false, false);
  yield* run("B", false, true);
  yield* run("C", true, false);
  yield* run("D", true, true);
}

loop.runUntilCompleteSync(main());
loop.close();
