// Names with a task factory (3.12): createTask(coro, { name }) calls the factory without the
// name and renames what it returns, so the factory's Task takes a Task-N number first;
// without a factory a named task takes no number. The same holds for the eager factory,
// whose eager step runs before the rename.
import { EventLoop, sleep, gather, createTask, currentTask, Task, eagerTaskFactory } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const plain = (loop_, coro, opts) => new Task(coro, { ...opts, loop: loop_ });

function* tell() {
  console.log("  step sees its name as", currentTask().getName());
  yield* sleep(0);
  console.log("  later it is", currentTask().getName());
}

function* main() {
  const ts = [createTask(tell(), { name: "no-factory" }), createTask(tell())];
  loop.setTaskFactory(plain);
  ts.push(createTask(tell(), { name: "with-factory" }), createTask(tell()));
  loop.setTaskFactory(eagerTaskFactory);
  ts.push(createTask(tell(), { name: "eager" }), createTask(tell()));
  console.log("names:", fmt(ts.map((t) => t.getName())));
  yield* gather(...ts);
}

loop.runUntilCompleteSync(main());
loop.close();
