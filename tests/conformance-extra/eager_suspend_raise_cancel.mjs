// Eager tasks that suspend, throw or get cancelled: the first step (up to the first wait)
// runs inside createTask, the rest through the loop; a task that throws in its eager step is
// done with the exception when createTask returns; cancel() after the eager step cancels the
// future it waits on, with the message; a task that suspends on a future the creator then
// completes resumes at the next iteration.
import { EventLoop, sleep, gather, eagerTaskFactory, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
loop.setTaskFactory(eagerTaskFactory);

function* twoSteps(tag, d) {
  console.log(" ", tag, "step 1", T());
  yield* sleep(d);
  console.log(" ", tag, "step 2", T());
  return tag;
}

function* raiser(tag) {
  console.log(" ", tag, "raising", T());
  throw new ValueError(tag);
}

function* waiter(fut) {
  console.log("  waiter waits", T());
  const v = yield* fut;
  console.log("  waiter got", fmt(v), T());
  return v;
}

function* main() {
  let t = loop.createTask(twoSteps("suspends", 0.2));
  console.log("after create_task: done", B(t.done()), T());
  console.log("->", fmt(yield* t), T());

  t = loop.createTask(raiser("early"));
  console.log("raiser done:", B(t.done()), "exception:", fmt(t.exception()));
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("await raiser:", fmt(e));
  }

  t = loop.createTask(twoSteps("cancelled", 1));
  console.log("cancel ->", B(t.cancel("stop it")), "cancelling", t.cancelling(), "done", B(t.done()));
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("await cancelled:", fmt(e), B(t.cancelled()), T());
  }

  const fut = loop.createFuture();
  t = loop.createTask(waiter(fut));
  fut.setResult("hello");
  console.log("set_result done; waiter done:", B(t.done()), T());
  console.log("->", fmt(yield* t), T());

  const r = yield* gather(raiser("in gather"), twoSteps("in gather", 0.1), { returnExceptions: true });
  console.log("gather ->", fmt(r), T());
}

loop.runUntilCompleteSync(main());
loop.close();
