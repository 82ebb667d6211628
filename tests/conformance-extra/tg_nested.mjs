// Nested groups. An inner child fails: the inner group cancels its body and siblings and
// raises its ExceptionGroup into the outer body, which makes the outer group cancel its own
// children and raise an ExceptionGroup holding the inner one. An outer child fails: the
// outer group cancels its body, which is inside the inner group, so the inner group cancels
// its children and re-raises the CancelledError; only the outer child's error comes out.
// (The inner sibling takes 0.125 s to clean up: the order in which a group cancels its
// children is the order of a Python set, which a trace should not depend on.)
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, currentTask, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* work(name, d, fail = false, cleanup = 0) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    if (cleanup) yield* sleep(cleanup);
    console.log("  ", name, "cancelled", T());
    throw e;
  }
  if (fail) {
    console.log("  ", name, "raises", T());
    throw new ValueError(name);
  }
  console.log("  ", name, "done", T());
  return name;
}

function show(eg, indent = " ") {
  console.log(indent + ename(eg) + ": " + String(eg));
  for (const e of eg.exceptions) {
    if (e instanceof ExceptionGroup) show(e, indent + "  ");
    else console.log(indent + "  " + fmt(e));
  }
}

function* scenario(innerFails) {
  const me = currentTask();
  try {
    yield* asyncWith(new TaskGroup(), function* (outer) {
      outer.createTask(work("outer child", innerFails ? 3 : 1, !innerFails));
      try {
        yield* asyncWith(new TaskGroup(), function* (inner) {
          inner.createTask(work("inner child", innerFails ? 1 : 3, innerFails));
          inner.createTask(work("inner sibling", 4, false, 0.125));
          yield* sleep(10);
        });
      } catch (e) {
        console.log("  inner group raised", ename(e), T(), "cancelling", me.cancelling());
        throw e;
      }
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    show(eg);
  }
  console.log("  cancelling", me.cancelling(), T());
}

function* main() {
  console.log("inner child fails:");
  yield* scenario(true);
  console.log("outer child fails:");
  yield* scenario(false);
}

loop.runUntilCompleteSync(main());
loop.close();
