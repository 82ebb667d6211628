// Condition (3.12): notify() wakes waiters that are not done yet, skipping cancelled ones;
// a waiter notified and then cancelled before it ran does not pass the notification on (3.12
// has no re-notify), so the next waiter stays asleep until another notify; wait_for cancelled
// while waiting still re-acquires the lock before CancelledError leaves it.
import { EventLoop, sleep, gather, asyncWith, Condition, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* waiter(cond, name, log) {
  yield* asyncWith(cond, function* () {
    try {
      yield* cond.wait();
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      log.push(name + ":cancelled:" + B(cond.locked()));
      throw e;
    }
    log.push(name);
  });
  return name;
}

function* main() {
  const cond = new Condition();
  const log = [];
  const ts = ["w1", "w2", "w3", "w4"].map((n) => loop.createTask(waiter(cond, n, log)));
  yield* sleep(0);
  ts[0].cancel();
  yield* sleep(0);
  console.log("w1 cancelled", fmt(log), state(cond));
  yield* asyncWith(cond, function* () {
    cond.notify();
    console.log("notify skips w1's gone waiter", state(cond));
  });
  yield* sleep(0);
  console.log("after one step", fmt(log), state(cond));
  yield* asyncWith(cond, function* () {
    cond.notify();
    ts[2].cancel();
  });
  yield* sleep(0.1);
  console.log("w3 notified then cancelled", fmt(log), state(cond), B(ts[3].done()));
  yield* asyncWith(cond, function* () {
    cond.notify();
  });
  yield* sleep(0.1);
  console.log("another notify", fmt(log), state(cond));
  const res = yield* gather(...ts, { returnExceptions: true });
  console.log("results", fmt(res));
  const flag = [];
  function* wf() {
    return yield* asyncWith(cond, function* () {
      try {
        return yield* cond.waitFor(() => flag.length > 0 && flag);
      } finally {
        console.log("wait_for leaving, lock held:", B(cond.locked()));
      }
    });
  }
  const t = loop.createTask(wf());
  yield* sleep(0);
  yield* asyncWith(cond, function* () {
    cond.notify();
    t.cancel();
  });
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("wait_for cancelled", state(cond));
  }
}

loop.runUntilCompleteSync(main());
loop.close();
