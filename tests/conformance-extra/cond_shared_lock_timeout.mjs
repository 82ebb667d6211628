// Conditions sharing one Lock: async with either holds the same lock; a notify on one wakes
// only its own waiters. wait_for(cond.wait(), t) that times out still returns with the lock
// held (CPython's test_timeout_in_block), and a later notify skips the timed-out waiter.
import { EventLoop, sleep, gather, waitFor, asyncWith, Lock, Condition, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* main() {
  const lock = new Lock();
  const a = new Condition(lock);
  const b = new Condition(lock);
  yield* asyncWith(a, function* () {
    console.log("a held:", B(lock.locked()), B(b.locked()), state(b));
  });
  console.log("released:", B(lock.locked()), state(a));
  function* waiter(cond, name) {
    yield* asyncWith(cond, function* () {
      yield* cond.wait();
      console.log(name, "woken", T());
    });
    return name;
  }
  const ta = loop.createTask(waiter(a, "on-a"));
  const tb = loop.createTask(waiter(b, "on-b"));
  yield* sleep(0);
  console.log("waiting", state(a), state(b));
  yield* asyncWith(b, function* () {
    b.notify();
  });
  yield* sleep(0.125);
  console.log("after notifying b", B(ta.done()), B(tb.done()), state(a), state(b));
  yield* asyncWith(a, function* () {
    a.notify();
  });
  console.log(fmt(yield* gather(ta, tb)), T());
  const cond = new Condition();
  yield* asyncWith(cond, function* () {
    try {
      yield* waitFor(cond.wait(), 0.5);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("timed out holding the lock:", B(cond.locked()), T(), state(cond));
    }
  });
  const t = loop.createTask(waiter(cond, "late"));
  yield* sleep(0);
  yield* asyncWith(cond, function* () {
    cond.notify();
    console.log("notify after timeout", state(cond));
  });
  console.log(yield* t, T(), state(cond));
}

loop.runUntilCompleteSync(main());
loop.close();
