// TaskGroups with the eager task factory. A child that finishes without suspending is done
// when create_task returns; one that raises at once aborts the group before the body's next
// await: the body is cancelled at its first await and never-started siblings are cancelled
// before they run. A child created after the group started aborting is refused.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, currentTask, CancelledError, RuntimeError, eagerTaskFactory } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
loop.setTaskFactory(eagerTaskFactory);

function* quick(name) {
  console.log("  ", name, "runs", T());
  return name;
}

function* boom(name) {
  console.log("  ", name, "raises", T());
  throw new ValueError(name);
}

function* slow(name, d) {
  console.log("  ", name, "starts", T());
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  ", name, "cancelled", T());
    throw e;
  }
  console.log("  ", name, "done", T());
  return name;
}

function* main() {
  const me = currentTask();
  console.log("case 1: eager children");
  let a, b, s;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    a = tg.createTask(quick("a"));
    console.log("  a done at once:", B(a.done()), fmt(a.result()));
    b = tg.createTask(slow("b", 1));
    console.log("  b done at once:", B(b.done()));
  });
  console.log("  after group", fmt(b.result()), T());

  console.log("case 2: an eager child raises");
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      s = tg.createTask(slow("s", 2));
      tg.createTask(boom("x"));
      console.log("  body continues, cancelling", me.cancelling());
      try {
        tg.createTask(quick("late"));
      } catch (e) {
        if (!(e instanceof RuntimeError)) throw e;
        console.log("  late create_task:", ename(e));
      }
      try {
        yield* sleep(1);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        console.log("  body cancelled", T());
        throw e;
      }
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("  caught", String(eg), fmt(eg.exceptions.map(fmt)), T());
  }
  console.log("  s cancelled:", B(s.cancelled()), "cancelling", me.cancelling());
}

loop.runUntilCompleteSync(main());
loop.close();
