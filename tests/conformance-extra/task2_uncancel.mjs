// cancelling() counts cancel requests and uncancel() takes one back (never below 0); a task
// that catches CancelledError and returns a value is not cancelled; a task that swallows the
// cancellation goes on sleeping and can be cancelled again; cancel() of a task that waits on
// a future that is already done (its wake-up pending) still cancels it.
import { EventLoop, sleep, currentTask, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* returner() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    const me = currentTask();
    console.log("returner caught", fmt(e), "cancelling", me.cancelling(), T());
    return "recovered";
  }
}

function* stubborn() {
  let n = 0;
  while (true) {
    try {
      yield* sleep(1);
      n += 1;
      console.log("stubborn tick", n, T());
      if (n === 3) return n;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      const me = currentTask();
      console.log("stubborn ignores cancel; cancelling", me.cancelling(), "uncancel ->", me.uncancel(), T());
    }
  }
}

function* counter() {
  const me = currentTask();
  console.log("counter start cancelling", me.cancelling());
  try {
    yield* sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("counter caught; cancelling", me.cancelling(), T());
  }
  console.log("uncancel", me.uncancel(), "uncancel", me.uncancel(), "uncancel", me.uncancel());
  yield* sleep(0.5);
  console.log("counter sleeps on", T());
  return me.cancelling();
}

function* main() {
  const t = loop.createTask(returner());
  yield* sleep(1);
  console.log("cancel", B(t.cancel()), "cancelling", t.cancelling());
  let r = yield* t;
  console.log("returner result", fmt(r), "cancelled", B(t.cancelled()), "cancelling", t.cancelling(), T());
  console.log("uncancel on done task", t.uncancel(), "again", t.uncancel());

  const s = loop.createTask(stubborn());
  yield* sleep(1.5);
  console.log("cancel stubborn", B(s.cancel()));
  yield* sleep(0.25);
  console.log("cancel stubborn again", B(s.cancel()));
  r = yield* s;
  console.log("stubborn result", r, "cancelled", B(s.cancelled()), "cancelling", s.cancelling(), T());

  const c = loop.createTask(counter());
  yield* sleep(0.25);
  console.log("3 cancels", B(c.cancel()), B(c.cancel()), B(c.cancel()), "cancelling", c.cancelling());
  r = yield* c;
  console.log("counter returned cancelling", r, "cancelled", B(c.cancelled()), T());

  const fut = loop.createFuture();
  function* waitFut() {
    try {
      const v = yield* fut;
      console.log("wait_fut got", fmt(v));
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("wait_fut cancelled although fut has", fmt(fut.result()), T());
      throw e;
    }
  }
  const w = loop.createTask(waitFut());
  yield* sleep(0.5);
  fut.setResult("value");
  console.log("cancel waiter of a done future", B(w.cancel("late")), "fut cancelled", B(fut.cancelled()));
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("main got", fmt(e), T());
  }
}

await loop.runUntilComplete(main());
loop.close();
