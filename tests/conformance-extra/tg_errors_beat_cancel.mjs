// The parent is cancelled from outside, but errors win: a child that raises while it is being
// cancelled turns the group's CancelledError into an ExceptionGroup; so does a body that
// raises another exception instead of the CancelledError; a child that fails while the
// cancelled body is still cleaning up too. The parent task then ends with the ExceptionGroup,
// not cancelled, with its cancel request still counted.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class ZeroDivisionError extends Error { constructor(m) { super(m); this.name = "ZeroDivisionError"; } }
const strs = (xs) => `[${xs.map((x) => `'${x}'`).join(", ")}]`;

function* failsInFinally(name) {
  try {
    yield* sleep(10);
  } finally {
    console.log("  ", name, "raises in finally", T());
    throw new ZeroDivisionError(name); // eslint-disable-line no-unsafe-finally
  }
}

function* crashAfter(name, d) {
  yield* sleep(d);
  console.log("  ", name, "raises", T());
  throw new ValueError(name);
}

function* runner(kind) {
  yield* asyncWith(new TaskGroup(), function* (tg) {
    if (kind === "child") {
      tg.createTask(failsInFinally("c"));
      yield* sleep(10);
    } else if (kind === "body") {
      tg.createTask(sleep(10));
      try {
        yield* sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        console.log("  body raises instead", T());
        throw new TypeError("body");
      }
    } else {
      tg.createTask(crashAfter("late", 1.5));
      try {
        yield* sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        yield* sleep(1);
        console.log("  body re-raises after cleaning up", T());
        throw e;
      }
    }
  });
}

function* main() {
  for (const kind of ["child", "body", "slow body"]) {
    console.log(kind + ":");
    const r = loop.createTask(runner(kind));
    yield* sleep(1);
    r.cancel();
    try {
      yield* r;
    } catch (eg) {
      if (eg instanceof ExceptionGroup) console.log("  ExceptionGroup", strs(eg.exceptions.map(fmt)), T());
      else if (eg instanceof CancelledError) console.log("  CancelledError", T());
      else throw eg;
    }
    console.log("  cancelled", B(r.cancelled()), "cancelling", r.cancelling());
  }
}

loop.runUntilCompleteSync(main());
loop.close();
