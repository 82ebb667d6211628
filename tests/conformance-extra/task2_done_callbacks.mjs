// Future done callbacks: they run through callSoon in registration order (never at once),
// removeDoneCallback removes every registration of a function and returns the count, a
// callback added to a done future is scheduled at once, a failing callback does not stop the
// others, and callbacks interleave with the wake-ups of tasks awaiting the same future.
import { EventLoop, sleep } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

loop.setExceptionHandler((lp, ctx) => console.log("handler:", fmt(ctx.exception)));

function cb(tag) {
  return (fut) => {
    if (fut.cancelled()) console.log("cb", tag, "cancelled", T());
    else if (fut.exception() !== null) console.log("cb", tag, "exception", fmt(fut.exception()), T());
    else console.log("cb", tag, "result", fmt(fut.result()), T());
  };
}

function boom(fut) {
  throw new ValueError("boom in callback");
}

function* main() {
  const f = loop.createFuture();
  const a = cb("a"), b = cb("b"), c = cb("c");
  f.addDoneCallback(a);
  f.addDoneCallback(b);
  f.addDoneCallback(a);
  f.addDoneCallback(boom);
  f.addDoneCallback(c);
  f.addDoneCallback(b);
  console.log("removed b:", f.removeDoneCallback(b));
  console.log("removed b again:", f.removeDoneCallback(b));
  loop.callSoon(console.log, "soon before set_result");
  f.setResult(42);
  console.log("set_result returned; done", B(f.done()));
  loop.callSoon(console.log, "soon after set_result");
  console.log("remove a after done:", f.removeDoneCallback(a));
  f.addDoneCallback(cb("late"));
  console.log("late added");
  yield* sleep(0);
  console.log("after one sleep(0)");

  const g = loop.createFuture();
  function* waiter() {
    const v = yield* g;
    console.log("waiter got", fmt(v), T());
    return v;
  }
  const w = loop.createTask(waiter());
  yield* sleep(0);
  g.addDoneCallback(cb("g1"));
  loop.callLater(0.5, (v) => g.setResult(v), "gee");
  g.addDoneCallback(cb("g2"));
  console.log("main awaits waiter");
  yield* w;
  console.log("after waiter", T());

  const h = loop.createFuture();
  const adder = (fut) => {
    console.log("adder runs; adding inner");
    fut.addDoneCallback(cb("inner"));
  };
  h.addDoneCallback(adder);
  h.addDoneCallback(cb("h2"));
  console.log("cancel h", B(h.cancel("no")));
  yield* sleep(0);
  console.log("after cancel sleep(0)");
  yield* sleep(0);
  console.log("after second sleep(0)");

  const e = loop.createFuture();
  e.addDoneCallback(cb("e"));
  loop.callLater(0.25, (x) => e.setException(x), new ValueError("bad e"));
  try {
    yield* e;
  } catch (exc) {
    if (!(exc instanceof ValueError)) throw exc;
    console.log("main caught", fmt(exc), T());
  }

  function* ret() {
    yield* sleep(1);
    return "val";
  }
  const t = loop.createTask(ret());
  t.addDoneCallback(cb("task"));
  t.addDoneCallback(cb("task2"));
  console.log("removed task2:", t.removeDoneCallback(cb("task2")));
  const r = yield* t;
  console.log("awaited task", fmt(r), T());
}

await loop.runUntilComplete(main());
loop.close();
