// Context.run inside tasks and callbacks: the function sees the given context and its sets
// land there; the task's own values come back afterwards; a task created inside ctx.run
// copies ctx; entering a context that is already entered (the same ctx, nested) throws
// RuntimeError and leaves everything usable.
import { EventLoop, sleep, gather, ContextVar, Context, getRunningLoop, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const mode = new ContextVar("mode", { default: "normal" });

function* child(tag) {
  console.log(" ", tag, "child starts in", fmt(mode.get()), T());
  yield* sleep(0.1);
  console.log(" ", tag, "child still in", fmt(mode.get()), T());
}

function inside(ctx, tag) {
  console.log(tag, "inside sees", fmt(mode.get()));
  mode.set("set inside " + tag);
  const t = getRunningLoop().createTask(child(tag));
  try {
    ctx.run(console.log, "never");
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log(tag, "nested run:", ename(e));
  }
  return t;
}

function* main() {
  const ctx = new Context();
  mode.set("main");
  const t1 = ctx.run(inside, ctx, "first");
  console.log("main back in", fmt(mode.get()), "ctx holds", fmt(ctx.get(mode)), T());
  const t2 = ctx.run(inside, ctx, "second");
  yield* gather(t1, t2);
  const cb = () => {
    console.log("callback in", fmt(mode.get()));
    ctx.run(() => mode.set("set by callback"));
  };
  loop.callSoon(cb);
  yield* sleep(0);
  console.log("ctx holds", fmt(ctx.get(mode)), "main", fmt(mode.get()), T());
}

loop.runUntilCompleteSync(main());
loop.close();
