// gather and cancellations that do not come from the gather: results keep argument order
// whatever the completion order; with returnExceptions a Task cancelled by someone else
// with a message is listed as a CancelledError with an empty message (the message lives in
// the error the task raised), a plain Future cancelled with a message keeps it, a task
// cancelled before its first step is empty too; without returnExceptions the gather fails
// with the task's own CancelledError (message kept) and is not cancelled itself; gather.cancel()
// with a child that swallows the cancellation: the gather raises the CancelledError of its
// LAST child in argument order (with or without the message), and is not "cancelled".
import { EventLoop, sleep, gather, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* work(name, d) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", name, "cancelled", fmt(e), T());
    throw e;
  }
  console.log("  ", name, "done", T());
  return name;
}

function* swallow(name, d) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  ", name, "swallows", fmt(e), T());
    return name + " swallowed";
  }
  return name;
}

function* main() {
  let a = loop.createTask(work("a", 0.3));
  let b = loop.createTask(work("b", 0.1));
  const c = loop.createTask(work("c", 0.2));
  console.log("order", fmt(yield* gather(a, b, c)), T());

  a = loop.createTask(work("a", 0.1));
  b = loop.createTask(work("b", 0.5));
  const f = loop.createFuture();
  const e = loop.createTask(work("e", 0.1));
  e.cancel("early");
  let g = gather(a, b, f, e, { returnExceptions: true });
  loop.callLater(0.2, (m) => b.cancel(m), "b msg");
  loop.callLater(0.3, (m) => f.cancel(m), "f msg");
  console.log("return_exceptions", fmt(yield* g), "gather cancelled", B(g.cancelled()), T());
  try {
    e.result();
  } catch (exc) {
    if (!(exc instanceof CancelledError)) throw exc;
    console.log("e.result() after the gather listed it:", fmt(exc));
  }

  a = loop.createTask(work("a", 0.3));
  b = loop.createTask(work("b", 0.5));
  g = gather(a, b);
  loop.callLater(0.1, (m) => b.cancel(m), "third party");
  try {
    yield* g;
  } catch (exc) {
    if (!(exc instanceof CancelledError)) throw exc;
    console.log("gather raised", fmt(exc), "cancelled", B(g.cancelled()), "done", B(g.done()), T());
  }
  console.log("a goes on", fmt(yield* a), T());
  try {
    b.result();
  } catch (exc) {
    if (!(exc instanceof CancelledError)) throw exc;
    console.log("b.result() afterwards:", fmt(exc));
  }

  for (const order of ["swallow last", "swallow first"]) {
    const s = loop.createTask(swallow("s", 1));
    const p = loop.createTask(work("p", 1));
    const kids = order === "swallow last" ? [p, s] : [s, p];
    g = gather(...kids, { returnExceptions: true });
    yield* sleep(0.1);
    console.log(order, "cancel", B(g.cancel("stop")), T());
    try {
      console.log("  gather ->", fmt(yield* g));
    } catch (exc) {
      if (!(exc instanceof CancelledError)) throw exc;
      console.log("  gather raised", fmt(exc), "cancelled", B(g.cancelled()), T());
    }
    console.log("  s", fmt(s.result()), "p cancelled", B(p.cancelled()));
  }

  const s = loop.createTask(swallow("s", 1));
  const p = loop.createTask(work("p", 0.05));
  g = gather(s, p);
  yield* sleep(0.1);
  console.log("only the swallower pending: cancel", B(g.cancel("stop")), T());
  try {
    console.log("  gather ->", fmt(yield* g));
  } catch (exc) {
    if (!(exc instanceof CancelledError)) throw exc;
    console.log("  gather raised", fmt(exc), "cancelled", B(g.cancelled()), T());
  }
}

loop.runUntilCompleteSync(main());
loop.close();
