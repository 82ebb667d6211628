// The docs' waitFor(eternity(), 1.0) and shield examples on virtual time: the timed-out
// coroutine sees CancelledError and the caller TimeoutError at 1.0; a Task given to waitFor
// ends cancelled; waitFor(shield(task)) times out but the task goes on; timeout null waits
// as long as needed; cancelling the waiter cancels the awaited task; a shielded caller
// cancelled gets CancelledError while something() completes, or res = null with try/catch;
// something() cancelled by other means cancels the shield.
import { EventLoop, setEventLoop, sleep, ensureFuture, waitFor, shield, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
setEventLoop(loop);

function* eternity(tag) {
  try {
    yield* sleep(3600);
  } catch (e) {
    if (e instanceof CancelledError) console.log(tag, "eternity cancelled", T());
    throw e;
  }
  console.log(tag, "yay!", T());
  return tag;
}

function* something(tag, d) {
  console.log(tag, "something starts", T());
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log(tag, "something cancelled", T());
    throw e;
  }
  console.log(tag, "something done", T());
  return tag + "!";
}

function* main() {
  console.log("-- wait_for(eternity(), 1.0)");
  try {
    yield* waitFor(eternity("e1"), 1.0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("timeout!", ename(e), T());
  }

  console.log("-- wait_for(task, 0.5): the task ends cancelled");
  let t = ensureFuture(eternity("e2"));
  try {
    yield* waitFor(t, 0.5);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("timeout!", ename(e), "task cancelled:", B(t.cancelled()), T());
  }

  console.log("-- wait_for(shield(task), 0.25): the task goes on");
  t = ensureFuture(something("s1", 1.5));
  try {
    yield* waitFor(shield(t), 0.25);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("timeout!", ename(e), "task done:", B(t.done()), T());
  }
  console.log("task result:", fmt(yield* t), T());

  console.log("-- timeout None, and a result in time");
  console.log("None:", fmt(yield* waitFor(something("s2", 100), null)), T());
  console.log("in time:", fmt(yield* waitFor(something("s3", 0.75), 2)), T());

  console.log("-- cancelling the waiter cancels the awaited task");
  let inner = ensureFuture(eternity("e3"));
  const waiter = ensureFuture(waitFor(inner, 10));
  yield* sleep(0.125);
  console.log("cancel waiter:", B(waiter.cancel()), T());
  try {
    yield* waiter;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("waiter", ename(e), "inner cancelled:", B(inner.cancelled()), T());
  }

  console.log("-- a shielded caller cancelled");
  inner = ensureFuture(something("s4", 1));
  function* caller() {
    return yield* shield(inner);
  }
  let c = ensureFuture(caller());
  yield* sleep(0.375);
  c.cancel();
  try {
    yield* c;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("caller", ename(e), "inner done:", B(inner.done()), T());
  }
  console.log("inner result:", fmt(yield* inner), T());

  console.log("-- try/except CancelledError: res = None");
  inner = ensureFuture(something("s5", 0.75));
  function* ignoring() {
    let res;
    try {
      res = yield* shield(inner);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      res = null;
    }
    console.log("ignoring got", fmt(res), T());
    return res;
  }
  c = ensureFuture(ignoring());
  loop.callLater(0.25, () => c.cancel());
  console.log("ignoring returned", fmt(yield* c), "cancelled:", B(c.cancelled()), T());
  console.log("inner result:", fmt(yield* inner), T());

  console.log("-- something() cancelled by other means cancels the shield");
  inner = ensureFuture(something("s6", 2));
  const s = shield(inner);
  loop.callLater(0.5, () => inner.cancel());
  try {
    yield* s;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("shield", ename(e), "shield cancelled:", B(s.cancelled()), "inner cancelled:", B(inner.cancelled()), T());
  }
}

loop.runUntilCompleteSync(main());
console.log("end", T());
