// A task's context is a copy taken when the task is created: sets the creator makes after
// createTask (or after gather wrapped the coroutines) are invisible to the task, sets the
// task makes are invisible to the creator and to its siblings, and a task created by a task
// starts from that task's values.
import { EventLoop, sleep, gather, ContextVar } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const user = new ContextVar("user", { default: "anonymous" });
const depth = new ContextVar("depth", { default: 0 });

function* leaf(tag) {
  console.log(" ", tag, "leaf sees", fmt(user.get()), depth.get(), T());
  depth.set(depth.get() + 1);
  return depth.get();
}

function* worker(tag, d) {
  console.log(tag, "starts as", fmt(user.get()), T());
  yield* sleep(d);
  console.log(tag, "after sleep still", fmt(user.get()), T());
  user.set(tag + "-owner");
  depth.set(10);
  const r = yield* loop.createTask(leaf(tag));
  console.log(tag, "leaf returned", r, "my depth still", depth.get(), T());
  return user.get();
}

function* main() {
  console.log("main starts as", fmt(user.get()));
  user.set("alice");
  const t1 = loop.createTask(worker("w1", 0.3));
  user.set("bob");
  const g = gather(worker("w2", 0.1), worker("w3", 0.2));
  user.set("carol");
  yield* sleep(0.05);
  console.log("main sees", fmt(user.get()), depth.get(), T());
  console.log("w1 ->", fmt(yield* t1), T());
  console.log("gather ->", fmt(yield* g), T());
  console.log("main ends as", fmt(user.get()), depth.get(), T());
}

loop.runUntilCompleteSync(main());
console.log("outside the loop", fmt(user.get()));
loop.close();
