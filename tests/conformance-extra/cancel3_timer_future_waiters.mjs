// a Future set from a timer while several tasks await it: they wake in the order they began
// awaiting (not the order they were created), interleaved with done callbacks in
// registration order, in the iteration after the timer; a waiter cancelled by a done
// callback registered before it gets CancelledError although the future has a result, while
// the others get the value; a gather over the same future completes one iteration later; a
// waiter that re-awaits the done future does not give way; a reporter shows the iterations.
import { EventLoop, sleep, gather, waitFor, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* reporter(label, n) {
  for (let i = 0; i < n; i++) {
    console.log("   ", label, i, T());
    yield* sleep(0);
  }
}

function* waiter(name, fut, delay) {
  yield* sleep(delay);
  console.log("  ", name, "awaits", T());
  let v;
  try {
    v = yield* fut;
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", name, "cancelled", fmt(e), "future has", fmt(fut.result()), T());
    throw e;
  }
  console.log("  ", name, "got", fmt(v), T());
  const v2 = yield* fut;
  console.log("  ", name, "re-awaited without a pause", fmt(v2));
  return v;
}

function* gatherer(fut) {
  const r = yield* gather(fut, fut);
  console.log("   gatherer got", fmt(r), T());
  return r;
}

function* main() {
  const f = loop.createFuture();
  const ws = {};
  f.addDoneCallback(() => console.log("  cb1 cancels w-b:", B(ws.b.cancel("cb1"))));
  ws.a = loop.createTask(waiter("w-a", f, 0.3));
  ws.b = loop.createTask(waiter("w-b", f, 0.1));
  ws.c = loop.createTask(waiter("w-c", f, 0.2));
  const g = loop.createTask(gatherer(f));
  yield* sleep(0.25);
  f.addDoneCallback((fut) => console.log("  cb2 sees", fmt(fut.result()), T()));
  loop.callLater(0.5, () => {
    console.log("  timer starts a reporter and sets the result", T());
    loop.createTask(reporter("rep", 4));
    f.setResult("ring");
  });
  yield* sleep(0.55);
  console.log("main sleeps past the timer", T());
  for (const k of "abc") {
    try {
      console.log("w-" + k, "->", fmt(yield* ws[k]), T());
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("w-" + k, "-> cancelled", fmt(e), T());
    }
  }
  console.log("gatherer ->", fmt(yield* g), T());

  const h = loop.createFuture();
  loop.callLater(1.0, (v) => h.setResult(v), "h");
  function* late() {
    try {
      return yield* waitFor(h, 0.75);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("   late: TimeoutError; h cancelled", B(h.cancelled()), T());
      return "timeout";
    }
  }
  function* patient() {
    try {
      return yield* h;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("   patient: h was cancelled by the other waiter's timeout", T());
      return "lost";
    }
  }
  const p1 = loop.createTask(late());
  const p2 = loop.createTask(patient());
  console.log("late ->", fmt(yield* p1), "patient ->", fmt(yield* p2), T());
}

loop.runUntilCompleteSync(main());
loop.close();
