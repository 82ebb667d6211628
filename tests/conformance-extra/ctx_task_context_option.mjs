// createTask(coro, { context: ctx }) runs every step of the task in ctx itself: what the
// task sets is in ctx afterwards, tasks given the same ctx one after another see each
// other's values, the creator's own context is untouched; the module-level createTask and
// new Task take the context option too, and a Task created in the shared ctx by such a task
// starts from a copy of it.
import { EventLoop, sleep, ContextVar, copyContext, createTask, Task } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const cvar = new ContextVar("cvar");
const log = new ContextVar("log", { default: [] });

function* step(val) {
  console.log("step", val, "starts with", fmt(cvar.get(null)), fmt(log.get()), T());
  yield* sleep(0.1);
  cvar.set(val);
  log.set([...log.get(), val]);
  const inner = createTask(peek(val));
  cvar.set(val * 10);
  yield* inner;
  return cvar.get();
}

function* peek(val) {
  console.log("  peek from", val, "sees", fmt(cvar.get()), T());
  cvar.set(-1);
}

function* main() {
  const ctx = copyContext();
  console.log("ctx starts", fmt(ctx.get(cvar)), ctx.size);
  const r1 = yield* loop.createTask(step(1), { context: ctx });
  console.log("after 1:", r1, fmt(ctx.get(cvar)), fmt(ctx.get(log)), T());
  const r2 = yield* createTask(step(2), { context: ctx });
  console.log("after 2:", r2, fmt(ctx.get(cvar)), fmt(ctx.get(log)), T());
  const t3 = new Task(step(3), { context: ctx });
  const r3 = yield* t3;
  console.log("after 3:", r3, fmt(ctx.get(cvar)), fmt(ctx.get(log)), T());
  console.log("t3 runs in ctx:", B(t3.getContext() === ctx));
  console.log("main's own:", fmt(cvar.get(null)), fmt(log.get()));
}

loop.runUntilCompleteSync(main());
loop.close();
