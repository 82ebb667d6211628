// A task factory that refuses some coroutines: createTask throws the factory's exception, no
// task is made, and the loop (and the calling task) go on; runUntilComplete of a refused
// coroutine throws the same without running the loop; a factory can count and delegate to
// the default Task, and swapping factories mid-run affects only later tasks.
import { EventLoop, sleep, createTask, allTasks, Task } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class PermissionError extends Error { constructor(m) { super(m); this.name = "PermissionError"; } }

const allowed = new Set(["main", "work"]);
const names = new WeakMap();
const named = (fn) => (...a) => { const c = fn(...a); names.set(c, fn.name); return c; };

function picky(loop_, coro, opts) {
  const name = names.get(coro);
  if (!allowed.has(name)) throw new PermissionError("factory refuses " + name);
  return new Task(coro, { ...opts, loop: loop_ });
}

const work = named(function* work(v) {
  yield* sleep(0.1);
  return v;
});

const forbidden = named(function* forbidden() {
  console.log("never runs");
});

const main = named(function* main() {
  console.log("work ->", yield* loop.createTask(work(1)), T());
  try {
    createTask(forbidden());
  } catch (e) {
    if (!(e instanceof PermissionError)) throw e;
    console.log("create_task:", fmt(e));
  }
  console.log("tasks now:", allTasks().size);
  loop.setTaskFactory(null);
  console.log("default factory again ->", yield* createTask(work(2)), T());
  loop.setTaskFactory(picky);
  return "main";
});

loop.setTaskFactory(picky);
console.log("run ->", loop.runUntilCompleteSync(main()));
try {
  loop.runUntilCompleteSync(forbidden());
} catch (e) {
  if (!(e instanceof PermissionError)) throw e;
  console.log("run_until_complete:", fmt(e), "running:", B(loop.isRunning()));
}
console.log("still usable ->", loop.runUntilCompleteSync(work(3)), T());
loop.close();
