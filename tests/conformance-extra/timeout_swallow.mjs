// The body catches the timeout's CancelledError: the block ends normally (no TimeoutError), the
// timeout is expired all the same, the task's cancel request is withdrawn, and later awaits in
// the block and after it are not cancelled. A body that catches it, cleans up with awaits and
// re-raises: TimeoutError after the cleanup. A body that raises another exception from the
// handler: that exception, with the timeout expired.
import { EventLoop, sleep, timeout, asyncWith, currentTask, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* block(label, mode) {
  const me = currentTask();
  const cm = timeout(1);
  try {
    return yield* asyncWith(cm, function* () {
      try {
        yield* sleep(5);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        console.log("  ", label, "caught CancelledError", T(), "cancelling", me.cancelling());
        if (mode === "swallow") {
          yield* sleep(0.5);
          console.log("  ", label, "awaits again in the block", T());
          return "swallowed";
        }
        if (mode === "cleanup") {
          yield* sleep(0.25);
          console.log("  ", label, "cleaned up", T());
          throw e;
        }
        throw new ValueError("from the handler");
      }
    });
  } catch (e) {
    console.log("  ", label, "->", ename(e), T(), "expired", B(cm.expired()));
    if (!(e instanceof TimeoutError || e instanceof ValueError)) throw e;
    return ename(e);
  } finally {
    console.log("  ", label, "cancelling", me.cancelling(), String(cm));
  }
}

function* main() {
  for (const mode of ["swallow", "cleanup", "other"]) {
    console.log(mode + ":");
    console.log("  result", fmt(yield* block(mode, mode)), T());
    yield* sleep(1);
    console.log("  later await fine", T());
  }
}

loop.runUntilCompleteSync(main());
loop.close();
