// Three nested TaskGroups. The innermost child fails: the innermost group raises its
// ExceptionGroup into the middle body, which catches it and carries on, so the middle and
// outer groups' children are untouched. Then a middle child fails while the innermost group
// of a second round is running: the middle group cancels its body, the innermost group
// re-raises CancelledError, and only the middle child's error comes out, wrapped by the outer
// group as a nested ExceptionGroup.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, currentTask, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
function* work(name, d, fail = false) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
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

function show(eg, indent = "  ") {
  console.log(indent + ename(eg) + ": " + String(eg));
  for (const e of eg.exceptions) {
    if (e instanceof ExceptionGroup) show(e, indent + "  ");
    else console.log(indent + "  " + fmt(e));
  }
}

function* main() {
  const me = currentTask();
  try {
    yield* asyncWith(new TaskGroup(), function* (outer) {
      outer.createTask(work("outer child", 20));
      yield* asyncWith(new TaskGroup(), function* (middle) {
        middle.createTask(work("middle child", 6, true));
        try {
          yield* asyncWith(new TaskGroup(), function* (inner) {
            inner.createTask(work("inner child", 1, true));
            inner.createTask(work("inner sibling", 3));
            yield* sleep(10);
          });
        } catch (eg) {
          if (!(eg instanceof ExceptionGroup)) throw eg;
          console.log("  middle body caught", String(eg), T(), "cancelling", me.cancelling());
        }
        try {
          yield* asyncWith(new TaskGroup(), function* (inner2) {
            inner2.createTask(work("inner2 child", 8));
            yield* sleep(10);
          });
        } catch (e) {
          console.log("  inner2 raised", ename(e), T(), "cancelling", me.cancelling());
          throw e;
        }
      });
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    show(eg);
  }
  console.log("cancelling", me.cancelling(), T());
}

loop.runUntilCompleteSync(main());
loop.close();
