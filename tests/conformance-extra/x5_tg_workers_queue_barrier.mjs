// Workers in a TaskGroup around shared primitives. One worker fails while the others are
// blocked in Queue.get(), Lock acquisition and Barrier.wait(): they are cancelled out of
// those waits, the lock held by a cancelled worker is released by its `async with`, and
// afterwards the queue, the lock and the barrier are usable with no stale waiters
// (the barrier's count went back down; a new round of parties fills it). Each cancelled
// worker sleeps a little before it reports, so the trace does not depend on the order of
// the group's set of tasks.
import { EventLoop, sleep, gather, TaskGroup, ExceptionGroup, asyncWith, Queue, Lock, Barrier, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
function* main() {
  const q = new Queue();
  const lock = new Lock();
  const barrier = new Barrier(3);

  function* getter() {
    try {
      return yield* q.get();
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      yield* sleep(0.01);
      console.log("  getter cancelled in get()", T());
      throw e;
    }
  }

  function* holder() {
    yield* asyncWith(lock, function* () {
      try {
        yield* sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        yield* sleep(0.02);
        console.log("  holder cancelled holding the lock", T());
        throw e;
      }
    });
  }

  function* locker() {
    yield* sleep(0.5);
    try {
      yield* asyncWith(lock, function* () {
        console.log("  locker got the lock (never)");
      });
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      yield* sleep(0.03);
      console.log("  locker cancelled waiting for the lock", T());
      throw e;
    }
  }

  function* party(n) {
    try {
      return yield* barrier.wait();
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      yield* sleep(0.03 + 0.01 * n);
      console.log("  party", n, "cancelled at the barrier", T(), "n_waiting", barrier.nWaiting);
      throw e;
    }
  }

  function* failer() {
    yield* sleep(1);
    console.log("  failer raises", T(), "barrier", barrier.nWaiting, "waiting; lock", B(lock.locked()));
    throw new ValueError("worker failed");
  }

  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(getter());
      tg.createTask(holder());
      tg.createTask(locker());
      tg.createTask(party(1));
      tg.createTask(party(2));
      tg.createTask(failer());
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("group:", fmt(eg.exceptions.map(fmt)), T());
  }

  console.log("after: lock", B(lock.locked()), "barrier", barrier.nWaiting, B(barrier.broken), "queue", q.qsize());
  q.putNowait("x");
  console.log("get_nowait", q.getNowait());
  yield* asyncWith(lock, function* () {
    console.log("lock acquired again", T());
  });
  const res = yield* gather(barrier.wait(), barrier.wait(), barrier.wait());
  console.log("barrier round", `[${res.sort().join(", ")}]`, T());
}

loop.runUntilCompleteSync(main());
loop.close();
