// During an eager step, currentTask() is the new task and allTasks() lists it; the creator is
// the current task again as soon as createTask returns. An eager task that creates another
// eager task nests: each sees itself as current, and each gets its creator's context as a
// copy (sets in the eager step stay in the task). (As in 3.12 the name given to createTask is
// set after the eager step: the steps print the Task-N names the factory's Task took.)
import { EventLoop, sleep, createTask, currentTask, allTasks, eagerTaskFactory, ContextVar } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const cv = new ContextVar("cv", { default: "unset" });

const me = () => currentTask().getName();

function* inner() {
  console.log("    inner: current", me(), "cv", fmt(cv.get()), "listed", B(allTasks().has(currentTask())));
  cv.set("inner");
  yield* sleep(0.1);
  console.log("    inner resumed: current", me(), "cv", fmt(cv.get()), T());
}

function* outer() {
  console.log("  outer: current", me(), "cv", fmt(cv.get()));
  cv.set("outer");
  const t = createTask(inner(), { name: "inner" });
  console.log("  outer again current:", me(), "cv", fmt(cv.get()), "inner done:", B(t.done()));
  yield* t;
  console.log("  outer after inner: cv", fmt(cv.get()), T());
  return "outer";
}

function* quick() {
  return [...allTasks()].map((t) => t.getName()).sort();
}

function* main() {
  cv.set("main");
  const t = createTask(outer(), { name: "outer" });
  console.log("main: current", me(), "cv", fmt(cv.get()), "outer done:", B(t.done()));
  const names = yield* createTask(quick(), { name: "quick" });
  console.log("all_tasks seen by quick's eager step:", fmt(names));
  console.log("all_tasks now:", fmt([...allTasks()].map((x) => x.getName()).sort()));
  console.log("->", fmt(yield* t), "main cv", fmt(cv.get()), T());
}

loop.setTaskFactory(eagerTaskFactory);
loop.runUntilCompleteSync(loop.createTask(main(), { name: "main" }));
loop.close();
