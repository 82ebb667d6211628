// Context variables across every way code is scheduled: call_soon/call_later/call_at
// callbacks and done callbacks see the context current when they were registered (and
// their own sets do not leak out); context= runs a callback in a given Context; TaskGroup
// children copy the body's context at create_task (later sets in the body are not seen, the
// children's sets stay theirs); create_task(context=ctx) children share ctx; an eager
// child's first step runs in its own copy, and Context.run cannot be entered twice.
import { EventLoop, sleep, TaskGroup, asyncWith, createTask, ContextVar, Context, copyContext, eagerTaskFactory, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const v = new ContextVar("var", { default: "unset" });

function cb(tag) {
  console.log("  cb", tag, "sees", v.get(), T());
  v.set("set by " + tag);
}

function* child(tag, d) {
  console.log("  child", tag, "starts with", v.get());
  yield* sleep(d);
  v.set(tag);
  yield* sleep(d);
  console.log("  child", tag, "ends with", v.get(), T());
  return v.get();
}

function* main() {
  v.set("main-1");
  loop.callSoon(cb, "soon");
  loop.callLater(0.5, cb, "later");
  v.set("main-2");
  loop.callAt(loop.time() + 0.75, cb, "at");
  const fut = loop.createFuture();
  fut.addDoneCallback(() => cb("done"));
  v.set("main-3");
  const ctx = new Context();
  ctx.run(() => v.set("in ctx"));
  loop.callSoon(cb, "with context=", { context: ctx });
  fut.setResult(null);
  yield* sleep(1);
  console.log("main sees", v.get(), "ctx holds", ctx.get(v));

  let a, b, c, d, shared;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    a = tg.createTask(child("a", 0.1));
    v.set("main-4");
    b = tg.createTask(child("b", 0.2));
    shared = copyContext();
    c = tg.createTask(child("c", 0.3), { context: shared });
    d = tg.createTask(child("d", 0.4), { context: shared });
  });
  console.log("results", a.result(), b.result(), c.result(), d.result(), "shared holds", shared.get(v));
  console.log("main sees", v.get());

  loop.setTaskFactory(eagerTaskFactory);
  function* eagerChild() {
    console.log("  eager child starts with", v.get());
    v.set("eager");
    yield* sleep(0.1);
    return v.get();
  }
  const t = createTask(eagerChild());
  console.log("after eager start main sees", v.get());
  console.log("eager result", yield* t);
  loop.setTaskFactory(null);

  function reenter() {
    try {
      ctx.run(() => console.log("never"));
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      console.log("re-enter:", ename(e));
    }
  }
  ctx.run(reenter);
}

loop.runUntilCompleteSync(main());
loop.close();
