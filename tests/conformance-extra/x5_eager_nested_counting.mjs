// Eager tasks inside eager tasks: a task's eager first step creates more eager tasks, which
// run at once inside it; current_task() is always the innermost one, and the outer one again
// once the inner one suspends or finishes. A custom task constructor behind
// create_eager_task_factory is called with eager_start=True and counts the tasks made by
// recursive TaskGroups and gathers; tasks that finish eagerly never appear in all_tasks();
// a cancel() right after an eager step that blocked keeps its message.
import { EventLoop, sleep, gather, createTask, currentTask, allTasks, asyncWith, TaskGroup, Task,
  createEagerTaskFactory, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const made = { eager: 0, plain: 0 };
const showMade = () => `{'eager': ${made.eager}, 'plain': ${made.plain}}`;

function CountingTask(coro, options) {
  made[options.eagerStart ? "eager" : "plain"] += 1;
  return new Task(coro, options);
}

loop.setTaskFactory(createEagerTaskFactory(CountingTask));

const names = new Map();
const who = () => {
  const t = currentTask();
  return names.has(t) ? names.get(t) : t ? t.getName() : null;
};

function* leaf(tag, d) {
  console.log("   ", tag, "starts in", who());
  if (d) yield* sleep(d);
  console.log("   ", tag, "ends in", who(), T());
  return tag;
}

function* middle(tag) {
  console.log("  ", tag, "starts in", who());
  const a = createTask(leaf(tag + ".a", 0));
  console.log("  ", tag, "after a: a done", B(a.done()), "current", who());
  const b = createTask(leaf(tag + ".b", 0.5));
  names.set(b, tag + ".b");
  console.log("  ", tag, "after b: b done", B(b.done()), "current", who());
  const r = [yield* a, yield* b];
  console.log("  ", tag, "ends in", who(), T());
  return r;
}

function* recursiveTaskgroups(width, depth) {
  if (depth === 0) return;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    for (let i = 0; i < width; i++) tg.createTask(recursiveTaskgroups(width, depth - 1));
  });
}

function* recursiveGather(width, depth) {
  if (depth === 0) return;
  const coros = [];
  for (let i = 0; i < width; i++) coros.push(recursiveGather(width, depth - 1));
  yield* gather(...coros);
}

function* main() {
  names.set(currentTask(), "main");
  const m = createTask(middle("m"));
  names.set(m, "m");
  console.log("main after m: done", B(m.done()), "current", who(), "all_tasks", allTasks().size);
  console.log("m ->", fmt(yield* m));
  console.log("made", showMade());

  made.eager = made.plain = 0;
  yield* recursiveTaskgroups(3, 3);
  console.log("taskgroups made", showMade(), T());
  made.eager = made.plain = 0;
  yield* recursiveGather(3, 3);
  console.log("gather made", showMade(), T());

  function* blocks() {
    yield* sleep(0.1);
    return "never";
  }
  const t = createTask(blocks());
  t.cancel("cancellation message");
  console.log("cancelling", t.cancelling());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("cancelled with", `('${e.args[0]}',)`);
  }
}

loop.runUntilCompleteSync(main());
loop.close();
