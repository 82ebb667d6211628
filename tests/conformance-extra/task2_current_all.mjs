// currentTask() and allTasks(): outside a running loop they throw RuntimeError (with an
// explicit loop they answer); inside a task currentTask() is that task, inside plain
// callbacks and done callbacks it is null; allTasks() holds exactly the tasks not done yet:
// a cancelled task stays until it has really finished, a finished one leaves at once.
import { EventLoop, setEventLoop, sleep, currentTask, allTasks, CancelledError, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
setEventLoop(loop);

function names(loop_) {
  const ts = loop_ !== undefined ? allTasks(loop_) : allTasks();
  return "[" + [...ts].map((t) => t.getName()).sort().join(", ") + "]";
}

function* sleeper(d) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  sleeper", currentTask().getName(), "cancelled; all_tasks", names(), T());
    yield* sleep(0.125);
    console.log("  sleeper cleanup over", T());
    throw e;
  }
  return d;
}

function plainCb(tag) {
  console.log("  callback", tag, "current_task is None", B(currentTask() === null), "all_tasks", names());
}

function doneCb(fut) {
  console.log("  done callback of", fut.getName(), "current_task is None", B(currentTask() === null), "all_tasks", names());
}

try {
  currentTask();
} catch (e) {
  if (!(e instanceof RuntimeError)) throw e;
  console.log("current_task() outside:", ename(e));
}
try {
  allTasks();
} catch (e) {
  if (!(e instanceof RuntimeError)) throw e;
  console.log("all_tasks() outside:", ename(e));
}
console.log("current_task(loop) outside:", fmt(currentTask(loop)));

const early = loop.createTask(sleeper(3), { name: "early" });
console.log("all_tasks(loop) before running:", names(loop));

function* main() {
  const me = currentTask();
  console.log("main: current_task is me", B(me === currentTask()), "name", me.getName());
  console.log("all_tasks at start", names());
  const a = loop.createTask(sleeper(1), { name: "a" });
  const b = loop.createTask(sleeper(2), { name: "b" });
  a.addDoneCallback(doneCb);
  loop.callSoon(plainCb, "soon");
  console.log("after creating a, b", names());
  yield* sleep(0.5);
  console.log("at 0.5", names(), T());
  b.cancel();
  console.log("right after b.cancel()", names());
  yield* sleep(0.25);
  console.log("at 0.75", names(), T());
  yield* a;
  console.log("after awaiting a", names(), T());
  const c = loop.createTask(sleeper(0.25), { name: "c" });
  yield* sleep(0.5);
  console.log("c done", B(c.done()), "all_tasks", names(), T());
  return "main done";
}

console.log("run ->", fmt(await loop.runUntilComplete(main())));
console.log("left over after the run:", names(loop));
console.log("current_task(loop) after the run:", fmt(currentTask(loop)));
early.cancel();
try {
  await loop.runUntilComplete(early);
} catch (e) {
  if (!(e instanceof CancelledError)) throw e;
  console.log("early cancelled", B(early.cancelled()), "left over:", names(loop), T());
}
loop.close();
