// Condition.wait() cancelled: while waiting for a notification (it re-acquires the lock, then
// raises CancelledError, so the lock is held when the error arrives); after being notified but
// while waiting for the lock (bpo-32841: cancelled, lock taken and released); notified and
// cancelled in the same iteration as the lock is released (CPython's
// test_wait_cancel_contested: no cancellation point is left, so wait() returns normally).
import { EventLoop, sleep, gather, asyncWith, Condition, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* case1() {
  const cond = new Condition();
  function* w() {
    return yield* asyncWith(cond, function* () {
      try {
        return yield* cond.wait();
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        console.log("case1 waiter cancelled, holds the lock:", B(cond.locked()));
        throw e;
      }
    });
  }
  const t = loop.createTask(w());
  yield* sleep(0);
  console.log("case1 waiting", state(cond));
  yield* cond.acquire();
  t.cancel();
  yield* sleep(0);
  console.log("case1 cancel delivered, waiter wants the lock", state(cond));
  cond.release();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("case1 done", B(t.cancelled()), state(cond));
  }
}

function* case2() {
  const cond = new Condition();
  const waited = [];
  function* waitOnCond() {
    yield* asyncWith(cond, function* () {
      waited.push(true);
      yield* cond.wait();
    });
  }
  const waiter = loop.createTask(waitOnCond());
  yield* sleep(0);
  yield* cond.acquire();
  cond.notify();
  yield* sleep(0);
  console.log("case2 notified, waiter in acquire", state(cond));
  waiter.cancel();
  yield* sleep(0);
  console.log("case2 cancel delivered", state(cond));
  cond.release();
  yield* sleep(0);
  console.log("case2", B(waiter.cancelled()), fmt(waited), state(cond));
}

function* case3() {
  const cond = new Condition();
  yield* cond.acquire();
  const waitTask = loop.createTask(cond.wait());
  yield* sleep(0);
  console.log("case3 waiting", state(cond));
  yield* cond.acquire();
  cond.notify();
  loop.callSoon(() => waitTask.cancel());
  loop.callSoon(() => cond.release());
  try {
    console.log("case3 wait returned", B(yield* waitTask));
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("case3 cancelled");
  }
  console.log("case3", B(cond.locked()), state(cond));
}

function* main() {
  yield* case1();
  yield* case2();
  yield* case3();
}

loop.runUntilCompleteSync(main());
loop.close();
