// shield and cancellation, iteration by iteration: a task cancelled while it awaits
// shield(job) gets CancelledError (with the first message) in the next iteration while the
// job goes on; it can then await the job itself and gets its result; a shield whose inner
// task is cancelled directly ends the waiter's await with an empty CancelledError, and the
// waiter is not "cancelling" and may go on; a shielded coroutine outlives its waiter.
import { EventLoop, sleep, shield, currentTask, CancelledError } from "wasmloop";
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

function* job(name, d) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  job", name, "cancelled", fmt(e), T());
    throw e;
  }
  console.log("  job", name, "done", T());
  return name.toUpperCase();
}

function* guarded(t) {
  const me = currentTask();
  try {
    return yield* shield(t);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  guarded caught", fmt(e), "cancelling", me.cancelling(), "job done", B(t.done()), T());
    const r = yield* t;
    console.log("  guarded then awaited job ->", fmt(r), "cancelling", me.cancelling(), T());
    throw e;
  }
}

function* waiter2(j) {
  const me = currentTask();
  try {
    return yield* shield(j);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  waiter2 caught", fmt(e), "cancelling", me.cancelling(), T());
  }
  yield* sleep(0.125);
  return "recovered";
}

function* waiter3() {
  try {
    return yield* shield(job("c", 0.5));
  } catch (e) {
    if (e instanceof CancelledError) console.log("  waiter3 caught", fmt(e), T());
    throw e;
  }
}

function* main() {
  let j = loop.createTask(job("a", 1));
  const g = loop.createTask(guarded(j));
  yield* sleep(0.5);
  loop.createTask(reporter("r1", 3));
  console.log("cancel guarded", B(g.cancel("stop")), "again", B(g.cancel("other")), "cancelling", g.cancelling());
  yield* sleep(0);
  console.log("main after one step: guarded done", B(g.done()), "job done", B(j.done()));
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("main: guarded ->", fmt(e), "cancelled", B(g.cancelled()), T());
  }
  console.log("job a result", fmt(j.result()));

  j = loop.createTask(job("b", 1));
  let w = loop.createTask(waiter2(j));
  yield* sleep(0.25);
  loop.createTask(reporter("r2", 5));
  console.log("cancel job b", B(j.cancel("direct")));
  const r = yield* w;
  console.log("waiter2 ->", fmt(r), "cancelled", B(w.cancelled()), "job cancelled", B(j.cancelled()), T());

  w = loop.createTask(waiter3());
  yield* sleep(0);
  loop.createTask(reporter("r3", 3));
  console.log("cancel waiter3", B(w.cancel("bye")));
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("waiter3 ->", fmt(e), T());
  }
  yield* sleep(1);
  console.log("end", T());
}

loop.runUntilCompleteSync(main());
loop.close();
