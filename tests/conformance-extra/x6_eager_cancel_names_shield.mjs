// Eager tasks and names: a task that cancels itself during its eager start (it runs inside
// create_task) is cancelled at its first await; cancel() called from inside the eager step
// before a suspension; gather over eager children; a shielded child inside a TaskGroup whose
// parent is cancelled keeps running while the group's other children are cancelled; Task-N
// numbers under a TaskGroup; current_task and all_tasks seen from plain callbacks.
import { EventLoop, sleep, gather, shield, createTask, currentTask, allTasks, TaskGroup, asyncWith, eagerTaskFactory, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);

function* selfCancel(name) {
  const me = currentTask();
  console.log("  ", name, "eager start, cancel() ->", B(me.cancel()), "cancelling", me.cancelling());
  try {
    yield* sleep(1);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", name, "cancelled at first await", T());
    throw e;
  }
  return name;
}

function* quick(name) {
  return name;
}

function* slow(name, d) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", name, "cancelled", T());
    throw e;
  }
  console.log("  ", name, "finished", T());
  return name;
}

function cb(label) {
  const t = currentTask();
  console.log("  callback", label, "current_task", t == null ? "None" : t.getName(), "all_tasks", allTasks().size);
}

const num = (t) => Number(t.getName().split("-")[1]);

function* main() {
  console.log("case 1: cancel during eager start");
  const t = eagerTaskFactory(loop, selfCancel("s1"));
  console.log("  after create: done", B(t.done()), "cancelling", t.cancelling());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  s1 cancelled", B(t.cancelled()), T());
  }

  console.log("case 2: gather over eager children");
  loop.setTaskFactory(eagerTaskFactory);
  const a = createTask(quick("a"));
  console.log("  a done at once", B(a.done()));
  const res = yield* gather(quick("g1"), slow("g2", 0.5), a);
  console.log("  gather", fmt(res), T());
  loop.setTaskFactory(null);

  console.log("case 3: shield inside a cancelled TaskGroup");
  const inner = {};
  function* body() {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      inner.x = tg.createTask(slow("x", 2));
      inner.y = tg.createTask(slow("y", 1.5));
      console.log("  names", B(inner.x.getName().startsWith("Task-")), B(inner.y.getName().startsWith("Task-")));
      try {
        yield* shield(inner.y);
      } catch (e) {
        if (e instanceof CancelledError) console.log("  body cancelled", T());
        throw e;
      }
    });
  }
  const outer = createTask(body());
  yield* sleep(0.25);
  outer.cancel();
  try {
    yield* outer;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  outer cancelled", B(outer.cancelled()), T());
  }
  console.log("  x", B(inner.x.cancelled()), "y", B(inner.y.cancelled()), T());

  console.log("case 4: Task-N numbering");
  const t1 = createTask(quick("n"));
  const t2 = createTask(quick("n"));
  console.log("  consecutive", num(t2) - num(t1));
  let t3, t4, t5;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    t3 = tg.createTask(quick("n"));
    t4 = tg.createTask(quick("n"), { name: "named" });
    t5 = tg.createTask(quick("n"));
  });
  console.log("  group", num(t3) - num(t2), t4.getName(), num(t5) - num(t2));
  t5.setName(42);
  console.log("  set_name", `'${t5.getName()}'`);

  console.log("case 5: current_task in callbacks");
  loop.callSoon(cb, "soon");
  loop.callLater(0.1, cb, "later");
  const fut = loop.createFuture();
  fut.addDoneCallback(() => cb("done"));
  loop.callSoon(() => fut.setResult(1));
  yield* sleep(0.2);
  cb("in task");
}

loop.runUntilCompleteSync(main());
loop.close();
