// cancel() called several times with different messages on a task awaiting a gather: every
// call returns True, the children see the first message and count every request in
// cancelling(), the gather's CancelledError carries the first message; a child that
// swallows the first cancel gets the second; a task blocked in wait() cancelled twice gets
// the first message while the waited tasks keep running (their results arrive later); a
// wait() whose timeout has not fired when the waiter is cancelled never fires later.
import { EventLoop, sleep, gather, wait, currentTask, FIRST_COMPLETED, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* child(name, d) {
  const me = currentTask();
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  child", name, "cancelled", fmt(e), "cancelling", me.cancelling(), T());
    throw e;
  }
  console.log("  child", name, "done", T());
  return name;
}

function* stubborn(name) {
  const me = currentTask();
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  stubborn", name, "swallows", fmt(e), "cancelling", me.cancelling(), T());
  }
  try {
    yield* sleep(10);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  stubborn", name, "gives up on", fmt(e), "cancelling", me.cancelling(), T());
    throw e;
  }
}

function* parent(aw, label) {
  const me = currentTask();
  try {
    return yield* aw;
  } catch (e) {
    if (e instanceof CancelledError) console.log("  parent", label, "got", fmt(e), "cancelling", me.cancelling(), T());
    throw e;
  }
}

function* main() {
  let p = loop.createTask(parent(gather(child("a", 1), child("b", 2)), "g1"));
  yield* sleep(0.5);
  console.log("cancels", B(p.cancel("first")), B(p.cancel("second")), B(p.cancel("third")), "cancelling", p.cancelling());
  try {
    yield* p;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("g1 ->", fmt(e), "cancelled", B(p.cancelled()), T());
  }

  const s = loop.createTask(stubborn("s"));
  p = loop.createTask(parent(gather(child("c", 1), s, { returnExceptions: true }), "g2"));
  yield* sleep(0.5);
  console.log("cancel g2 parent", B(p.cancel("one")));
  yield* sleep(0.25);
  console.log("s done", B(s.done()), "p done", B(p.done()));
  console.log("cancel g2 parent again", B(p.cancel("two")), "cancelling", p.cancelling());
  try {
    yield* p;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("g2 ->", fmt(e), "s cancelled", B(s.cancelled()), T());
  }

  let x = loop.createTask(child("x", 1));
  const y = loop.createTask(child("y", 2));
  p = loop.createTask(parent(wait([x, y], { timeout: 1.5 }), "w"));
  yield* sleep(0.5);
  console.log("cancel waiter", B(p.cancel("w1")), B(p.cancel("w2")), "cancelling", p.cancelling());
  try {
    yield* p;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("wait parent ->", fmt(e), T());
  }
  console.log("x done", B(x.done()), "y done", B(y.done()));
  yield* sleep(1.75);
  console.log("after:", fmt(x.result()), fmt(y.result()), T());

  x = loop.createTask(child("x2", 1));
  p = loop.createTask(parent(wait([x], { returnWhen: FIRST_COMPLETED }), "w2"));
  yield* sleep(0.5);
  x.cancel("x-cancel");
  console.log("x cancelled directly; cancel parent", B(p.cancel("late")));
  try {
    yield* p;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("w2 parent ->", fmt(e), "x cancelled", B(x.cancelled()), T());
  }
}

loop.runUntilCompleteSync(main());
loop.close();
