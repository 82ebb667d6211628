// Task corners: an eager task that cancels itself and returns without awaiting ends
// cancelled; a lazy one doing the same also ends cancelled; cancel() with a message on a task
// whose coroutine swallows the first CancelledError and then returns; gather with
// return_exceptions=True over a cancelled child; shield over an eager task that is already
// done; TaskGroup.create_task after the group finished; a done callback of a Task that raises
// goes to the handler and later callbacks still run.
import { EventLoop, sleep, gather, shield, createTask, currentTask, TaskGroup, asyncWith, eagerTaskFactory, CancelledError, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function handler(lp, ctx) {
  console.log("  handler: callback message", B(ctx.message.startsWith("Exception in callback ")),
    fmt(Object.keys(ctx).sort()), ename(ctx.exception));
}
loop.setExceptionHandler(handler);

function* cancelAndReturn(name) {
  const me = currentTask();
  me.cancel("self");
  console.log("  ", name, "cancelling", me.cancelling());
  return name;
}

function* swallow() {
  try {
    yield* sleep(1);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  swallowed", fmt(e), T());
  }
  return "survived";
}

function* quick(v) {
  return v;
}

function* main() {
  console.log("case 1: eager self-cancel then return");
  let t = eagerTaskFactory(loop, cancelAndReturn("e"));
  console.log("  done at once", B(t.done()));
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  e cancelled", B(t.cancelled()), fmt(e));
  }
  console.log("case 2: lazy self-cancel then return");
  t = createTask(cancelAndReturn("l"));
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  l cancelled", B(t.cancelled()), fmt(e));
  }

  console.log("case 3: swallowed cancel with a message");
  t = createTask(swallow());
  yield* sleep(0.1);
  console.log("  cancel ->", B(t.cancel("stop")), "cancelling", t.cancelling());
  console.log("  result", fmt(yield* t), "cancelled", B(t.cancelled()), "cancelling", t.cancelling(), T());

  console.log("case 4: gather return_exceptions with a cancelled child");
  const a = createTask(sleep(1, "a"));
  const b = createTask(sleep(0.5, "b"));
  loop.callLater(0.2, () => a.cancel("gone"));
  const res = yield* gather(a, b, { returnExceptions: true });
  console.log("  gather", fmt(res.map((r) => (r instanceof Error ? ename(r) : r))), T());

  console.log("case 5: shield over a done eager task");
  const e = eagerTaskFactory(loop, quick("fast"));
  const s = shield(e);
  console.log("  shield is the task", B(s === e), "done", B(e.done()), fmt(yield* s));

  console.log("case 6: create_task after the group finished");
  let tg;
  yield* asyncWith(new TaskGroup(), function* (g) {
    tg = g;
    tg.createTask(quick(1));
  });
  const c = quick(2);
  try {
    tg.createTask(c);
  } catch (ex) {
    if (!(ex instanceof RuntimeError)) throw ex;
    console.log("  ", ename(ex), ex.message.includes(" is ") ? ex.message.split(" is ")[1] : ex.message);
    c.return(undefined);
  }

  console.log("case 7: a raising done callback");
  t = createTask(quick(3));
  t.addDoneCallback(() => { throw new ValueError("cb"); });
  t.addDoneCallback((f) => console.log("  second callback sees", String(f.result())));
  yield* sleep(0);
  yield* sleep(0);
}

loop.runUntilCompleteSync(main());
loop.close();
