// gather and cancellation: a child cancelled on its own fails the gather with CancelledError
// (the gather itself is not cancelled) or, with returnExceptions, lands in the list; the
// cancel message reaches the children; a task cancelled while awaiting a returnExceptions
// gather gets CancelledError once every child is done; a gather whose children are all done
// refuses cancel(); nested gathers; children that are Futures already done.
import { EventLoop, sleep, gather, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* work(name, d, fail = false) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log(name, "cancelled", fmt(e), T());
    throw e;
  }
  if (fail) throw new ValueError(name);
  console.log(name, "done", T());
  return name;
}

function* stubborn(name, d) {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log(name, "ignores the cancel", T());
  }
  yield* sleep(d);
  console.log(name, "done", T());
  return name;
}

function* main() {
  const a = loop.createTask(work("a", 1));
  const b = loop.createTask(work("b", 2));
  let g = gather(a, b);
  yield* sleep(0.5);
  a.cancel("only a");
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("gather failed", fmt(e), "cancelled", B(g.cancelled()), "b done", B(b.done()), T());
  }
  console.log("b result", fmt(yield* b), T());

  const c = loop.createTask(work("c", 1));
  const d = loop.createTask(work("d", 0.5, true));
  g = gather(c, d, { returnExceptions: true });
  yield* sleep(0.2);
  c.cancel();
  console.log("list", fmt(yield* g), T());

  g = gather(work("e", 1), work("f", 2));
  yield* sleep(0.1);
  console.log("cancel with message", B(g.cancel("stop")), T());
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("gather raised", fmt(e), T());
  }

  function* waiter() {
    return yield* gather(work("g", 1), stubborn("h", 0.5), { returnExceptions: true });
  }
  const w = loop.createTask(waiter());
  yield* sleep(0.1);
  w.cancel();
  try {
    console.log("waiter got", fmt(yield* w));
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("waiter cancelled", B(w.cancelled()), T());
  }

  const f1 = loop.createFuture();
  const f2 = loop.createFuture();
  f1.setResult(1);
  f2.setException(new ValueError("ready"));
  console.log("done children", fmt(yield* gather(f1, f2, { returnExceptions: true })), T());
  try {
    yield* gather(f1, f2);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("done children raise", fmt(e));
  }

  const fut = loop.createFuture();
  function* child() {
    return yield* fut;
  }
  g = gather(child());
  yield* sleep(0); // the child now waits on fut: it is woken before the callback below
  const refusal = [];
  fut.addDoneCallback(() => refusal.push(g.cancel()));
  loop.callLater(0.3, (v) => fut.setResult(v), 42);
  console.log("all done before cancel", fmt(yield* g), fmt(refusal), T());

  const inner1 = gather(work("i", 0.2), work("j", 0.4));
  const inner2 = gather(work("k", 0.3, true), work("l", 0.6));
  console.log("nested", fmt(yield* gather(inner1, inner2, { returnExceptions: true })), T());
  yield* sleep(1);
  console.log("end", T());
}

loop.runUntilCompleteSync(main());
loop.close();
