// Lock races from CPython's test_locks: a queued waiter cancelled in the same iteration as the
// holder releases (the wake-up skips it), a cancel and a release from one callback (exactly
// one task takes the lock), and a waiter cancelled just before a release while a new task is
// about to acquire (the newcomer gets it; the cancelled one never does).
import { EventLoop, sleep, gather, Lock, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* lockit(name, lock, blocker, log) {
  yield* lock.acquire();
  log.push(name);
  try {
    if (blocker !== null) yield* blocker;
  } finally {
    lock.release();
  }
}

function* race1() {
  const lock = new Lock();
  const log = [];
  const fa = loop.createFuture();
  const ta = loop.createTask(lockit("A", lock, fa, log));
  yield* sleep(0);
  const tb = loop.createTask(lockit("B", lock, null, log));
  yield* sleep(0);
  const tc = loop.createTask(lockit("C", lock, null, log));
  yield* sleep(0);
  console.log("race1 waiters", state(lock));
  fa.setResult(null);
  tb.cancel();
  yield* sleep(0);
  console.log("race1 after one step", B(lock.locked()), B(ta.done()), B(tb.cancelled()), fmt(log));
  yield* tc;
  console.log("race1 end", fmt(log), state(lock));
}

function* race2() {
  const lock = new Lock();
  const counts = [0, 0];
  function* lockit2() {
    counts[0] += 1;
    yield* lock.acquire();
    counts[1] += 1;
  }
  const trigger = () => {
    t1.cancel();
    lock.release();
  };
  yield* lock.acquire();
  const t1 = loop.createTask(lockit2());
  const t2 = loop.createTask(lockit2());
  const t3 = loop.createTask(lockit2());
  yield* sleep(0);
  loop.callSoon(trigger);
  try {
    yield* t1;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("race2 t1 cancelled");
  }
  console.log("race2", counts[0], "calls", counts[1], "taken", B(t2.done()), B(t3.done()), state(lock));
  t3.cancel();
  yield* sleep(0);
  console.log("race2 t3 cancelled", B(t3.cancelled()), state(lock));
}

function* race3() {
  const lock = new Lock();
  yield* lock.acquire();
  const tb = loop.createTask(lock.acquire());
  yield* sleep(0);
  const tc = loop.createTask(lock.acquire());
  tb.cancel();
  lock.release();
  yield* sleep(0);
  console.log("race3", B(lock.locked()), B(tb.cancelled()), B(tc.done()), state(lock));
  console.log("race3 tc", B(yield* tc), state(lock));
}

function* main() {
  yield* race1();
  yield* race2();
  yield* race3();
}

loop.runUntilCompleteSync(main());
loop.close();
