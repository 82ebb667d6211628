// Several children fail: the first failure cancels the others and the body; a child that
// fails at its own time before its cancellation is seen, and one that fails while it is
// being cancelled, are both in the ExceptionGroup, in the order they failed; a child that
// finished before keeps its result; the group's exceptions are the children's exceptions.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, CancelledError, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* failAt(name, d, exc) {
  yield* sleep(d);
  console.log(name, "raises", T());
  throw exc;
}

function* failOnCancel(name) {
  try {
    yield* sleep(10);
  } finally {
    console.log(name, "raises in finally", T());
    throw new RuntimeError(name + " finally"); // eslint-disable-line no-unsafe-finally
  }
}

function* ok(name, d) {
  yield* sleep(d);
  console.log(name, "done", T());
  return name;
}

function* main() {
  let o, a, f, b;
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      o = tg.createTask(ok("ok", 0.5));
      a = tg.createTask(failAt("a", 1.0, new ValueError("a")));
      f = tg.createTask(failOnCancel("f"));
      b = tg.createTask(failAt("b", 1.5, new TypeError("b")));
      try {
        yield* sleep(3);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        console.log("body cancelled", T());
        throw e;
      }
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("caught", String(eg), T());
    for (const e of eg.exceptions) console.log(" -", fmt(e));
    console.log("same objects:", B(eg.exceptions[0] === a.exception()), B(eg.exceptions[1] === f.exception()));
  }
  console.log("ok", fmt(o.result()), "b cancelled", B(b.cancelled()));
}

loop.runUntilCompleteSync(main());
loop.close();
