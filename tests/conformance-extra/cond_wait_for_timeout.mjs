// wait_for(cond.wait_for(predicate), t): the predicate is re-checked on each notification;
// on timeout the inner wait is cancelled, re-acquires the lock first, and TimeoutError
// reaches the caller holding the lock; a notification in the same iteration as the timeout
// loses to it (3.12's wait_for).
import { EventLoop, sleep, gather, waitFor, asyncWith, Condition, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* main() {
  const cond = new Condition();
  const value = [0];
  const checks = [];
  const pred = () => {
    checks.push(value[0]);
    return value[0] >= 3;
  };
  function* bump(times, pace) {
    for (let i = 0; i < times; i++) {
      yield* sleep(pace);
      yield* asyncWith(cond, function* () {
        value[0] += 1;
        cond.notifyAll();
      });
    }
  }
  let b = loop.createTask(bump(2, 0.3));
  yield* asyncWith(cond, function* () {
    try {
      yield* waitFor(cond.waitFor(pred), 1.0);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("timed out", T(), "lock held:", B(cond.locked()), "checks", fmt(checks), state(cond));
    }
  });
  yield* b;
  checks.length = 0;
  b = loop.createTask(bump(1, 0.5));
  yield* asyncWith(cond, function* () {
    console.log("met:", B(yield* waitFor(cond.waitFor(pred), 1.0)), T(), fmt(checks));
  });
  yield* b;
  value[0] = 0;
  checks.length = 0;
  const atDeadline = () => {
    value[0] = 5;
    cond._waiters.head.setResult(false);
  };
  yield* asyncWith(cond, function* () {
    loop.callAt(loop.time() + 0.5, atDeadline);
    try {
      yield* waitFor(cond.waitFor(pred), 0.5);
      console.log("predicate won", T());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("same-iteration notify lost to the timeout", T(), fmt(checks), state(cond));
    }
  });
}

loop.runUntilCompleteSync(main());
loop.close();
