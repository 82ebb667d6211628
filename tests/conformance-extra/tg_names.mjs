// Task names in a group: a named child has its name; in 3.12 the group makes the task and
// names it afterwards, so a named child still takes a Task-N number, as the unnamed tasks
// made around it show; names seen from inside the children; the result order of the group's
// tasks follows their finishing times, not their creation.
import { EventLoop, sleep, TaskGroup, asyncWith, currentTask } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const finished = [];

function* child(d) {
  const me = currentTask();
  console.log("  child", me.getName(), "starts", T());
  yield* sleep(d);
  finished.push(me.getName());
  return me.getName();
}

function* main() {
  console.log("main is", currentTask().getName());
  yield* asyncWith(new TaskGroup(), function* (tg) {
    const a = tg.createTask(child(0.3));
    const b = tg.createTask(child(0.1), { name: "bee" });
    const c = tg.createTask(child(0.2));
    const d = tg.createTask(child(0.4), { name: null });
    console.log("names", fmt([a, b, c, d].map((t) => t.getName())));
  });
  const outside = loop.createTask(child(0.1));
  yield* outside;
  console.log("finished in order", fmt(finished), T());
}

loop.runUntilCompleteSync(main());
loop.close();
