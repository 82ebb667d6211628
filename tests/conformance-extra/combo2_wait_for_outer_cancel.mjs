// waitFor while the waiting task itself is cancelled: the message reaches the inline
// coroutine and comes back out; a cancel from outside that the inner ignores still wins over
// a later timeout (CancelledError, not TimeoutError); an inner Task cancelled by a third
// party gives CancelledError to the waiter; a retry loop where attempts time out or are
// cancelled, each with a fresh waitFor.
import { EventLoop, sleep, waitFor, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* op(name, d) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", name, "cancelled", fmt(e), T());
    throw e;
  }
  console.log("  ", name, "done", T());
  return name;
}

function* deaf(name, d1, d2) {
  // ignores the first cancellation, then sleeps again
  try {
    yield* sleep(d1);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  ", name, "ignores", fmt(e), T());
  }
  try {
    yield* sleep(d2);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", name, "gives up on", fmt(e), T());
    throw e;
  }
  return name;
}

function* guarded(label, aw, timeout) {
  try {
    const r = yield* waitFor(aw, timeout);
    console.log(label, "got", fmt(r), T());
    return r;
  } catch (e) {
    if (e instanceof TimeoutError) {
      console.log(label, "timed out", T());
      return null;
    }
    if (e instanceof CancelledError) console.log(label, "cancelled", fmt(e), T());
    throw e;
  }
}

function* cancelAfter(task, d, msg) {
  yield* sleep(d);
  console.log("cancelling", msg, T());
  task.cancel(msg);
}

function* expectCancel(t) {
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("task raised", fmt(e), "cancelled", B(t.cancelled()), T());
  }
}

function* main() {
  let t = loop.createTask(guarded("plain", op("a", 5), 2));
  loop.createTask(cancelAfter(t, 0.5, "quit"));
  yield* expectCancel(t);

  t = loop.createTask(guarded("deaf", deaf("b", 1, 2), 1.5));
  loop.createTask(cancelAfter(t, 0.3, "first"));
  yield* expectCancel(t);
  yield* sleep(1);

  const inner = loop.createTask(op("c", 5));
  t = loop.createTask(guarded("third party", inner, 3));
  loop.createTask(cancelAfter(inner, 0.4, "by someone else"));
  yield* expectCancel(t);
  console.log("waiter cancelled", B(t.cancelled()), "inner cancelled", B(inner.cancelled()));

  function* retrying() {
    for (let i = 0; i < 3; i++) {
      const job = loop.createTask(op(`try${i}`, 1 - i * 0.4));
      if (i === 1) job.getLoop().callLater(0.2, (m) => job.cancel(m), "flaky");
      try {
        return yield* waitFor(job, 0.7);
      } catch (e) {
        if (e instanceof TimeoutError) console.log("  attempt", i, "timed out", T());
        else if (e instanceof CancelledError) console.log("  attempt", i, "was cancelled", fmt(e), T());
        else throw e;
      }
    }
    return null;
  }
  console.log("retrying ->", fmt(yield* retrying()), T());
}

loop.runUntilCompleteSync(main());
loop.close();
