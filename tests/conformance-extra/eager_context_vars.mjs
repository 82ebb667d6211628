// Context variables and eager tasks: the eager step runs in a copy of the creator's context
// (it sees the creator's value and its sets stay in the task, across its later steps too);
// with { context: ctx } the eager step runs in ctx itself, so its sets land in ctx before
// createTask returns.
import { EventLoop, sleep, eagerTaskFactory, ContextVar, copyContext } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
loop.setTaskFactory(eagerTaskFactory);

const cv = new ContextVar("cv", { default: 0 });

function* coro(tag) {
  console.log(" ", tag, "first step sees", cv.get());
  cv.set(cv.get() + 10);
  console.log(" ", tag, "set", cv.get());
  yield* sleep(0.1);
  console.log(" ", tag, "second step sees", cv.get(), T());
  cv.set(cv.get() + 1);
  return cv.get();
}

function* main() {
  cv.set(1);
  let t = loop.createTask(coro("copy"));
  console.log("creator sees", cv.get(), "task done", B(t.done()));
  console.log("->", yield* t, "creator still", cv.get(), T());
  const ctx = copyContext();
  t = loop.createTask(coro("ctx"), { context: ctx });
  console.log("ctx already holds", ctx.get(cv), "creator", cv.get());
  console.log("->", yield* t, "ctx holds", ctx.get(cv), "creator", cv.get(), T());
}

loop.runUntilCompleteSync(main());
loop.close();
