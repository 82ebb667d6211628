// Small synchronisation corners: Barrier(1) passes at once with index 0 on every wait;
// Semaphore(0) blocks until released, and release() before any waiter lets the next acquire
// through without waiting; Queue(maxsize=-1) never fills; join() on a queue with nothing
// unfinished returns without waiting; Condition.wait_for whose predicate raises propagates
// the error with the lock held again; Event.set then clear in one iteration still wakes the
// waiter with True.
import { EventLoop, sleep, asyncWith, createTask, Barrier, Semaphore, Queue, Condition, Event } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* main() {
  const b = new Barrier(1);
  const i1 = yield* b.wait();
  const i2 = yield* b.wait();
  console.log("barrier(1):", i1, i2, "n_waiting", b.nWaiting, "broken", B(b.broken));

  const s = new Semaphore(0);
  console.log("sem(0) locked", B(s.locked()));
  loop.callLater(0.5, () => s.release());
  yield* s.acquire();
  console.log("  acquired after release", T());
  s.release();
  console.log("  released early, locked", B(s.locked()));
  yield* s.acquire();
  console.log("  acquired without waiting", T(), "locked", B(s.locked()));

  const q = new Queue(-1);
  for (let i = 0; i < 100; i++) q.putNowait(i);
  console.log("queue(-1): full", B(q.full()), "qsize", q.qsize(), "maxsize", q.maxsize);
  const q2 = new Queue();
  yield* q2.join();
  console.log("join on an idle queue returned", T());

  const cond = new Condition();
  let calls = 0;
  const pred = () => {
    calls += 1;
    if (calls === 2) throw new ValueError("pred");
    return false;
  };
  function* poke() {
    yield* sleep(0.25);
    yield* asyncWith(cond, function* () {
      cond.notify();
    });
  }
  const pt = createTask(poke());
  yield* asyncWith(cond, function* () {
    try {
      yield* cond.waitFor(pred);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      console.log("wait_for predicate raised", fmt(e), "locked", B(cond.locked()), "calls", calls, T());
    }
  });
  yield* pt;

  const ev = new Event();
  function* waiter() {
    const r = yield* ev.wait();
    console.log("  waiter woke", B(r), "is_set", B(ev.isSet()), T());
  }
  const wt = createTask(waiter());
  yield* sleep(0);
  ev.set();
  ev.clear();
  yield* wt;
}

loop.runUntilCompleteSync(main());
loop.close();
