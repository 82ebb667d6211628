// Semaphore cancellation corners from CPython's test_locks: waiters cancelled before the
// release is handed out (the unit goes to the next live waiter: test_acquire_cancel_before_awoken,
// test_acquire_hang), a waiter woken and then cancelled gives its unit back to the next
// (test_acquire_no_hang), and a cancelled create_task(sem.acquire()) leaves no live waiter.
import { EventLoop, sleep, gather, waitFor, asyncWith, Semaphore, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* beforeAwoken() {
  const sem = new Semaphore(0);
  const ts = [0, 1, 2, 3].map(() => loop.createTask(sem.acquire()));
  yield* sleep(0);
  ts[0].cancel();
  ts[1].cancel();
  sem.release();
  console.log("before_awoken released", state(sem), sem._value);
  yield* sleep(0);
  yield* sleep(0);
  console.log("before_awoken", fmt(ts.map((t) => t.done())), state(sem));
  ts[2].cancel();
  ts[3].cancel();
  yield* sleep(0);
  console.log("before_awoken end", fmt(ts.map((t) => t.cancelled())), state(sem), sem._value);
}

function* hang() {
  const sem = new Semaphore(0);
  const t1 = loop.createTask(sem.acquire());
  const t2 = loop.createTask(sem.acquire());
  yield* sleep(0);
  t1.cancel();
  sem.release();
  yield* sleep(0);
  yield* sleep(0);
  console.log("hang", B(sem.locked()), B(t1.cancelled()), B(t2.done()), state(sem));
}

function* noHang() {
  const sem = new Semaphore(1);
  function* c1() {
    yield* asyncWith(sem, function* () {
      yield* sleep(0);
      console.log("c1 leaving", state(sem));
    });
    console.log("c1 left, c2 woken", state(sem), sem._value);
    t2.cancel();
  }
  function* c2() {
    yield* asyncWith(sem, function* () {
      console.log("c2 must not get here");
    });
  }
  const t1 = loop.createTask(c1());
  const t2 = loop.createTask(c2());
  const [r1, r2] = yield* gather(t1, t2, { returnExceptions: true });
  console.log("no_hang", fmt(r1), fmt(r2), state(sem), sem._value);
  console.log("acquire after:", B(yield* waitFor(sem.acquire(), 1.0)), state(sem));
}

function* taskCancel() {
  const sem = new Semaphore();
  yield* sem.acquire();
  const acquire = loop.createTask(sem.acquire());
  loop.callSoon(() => acquire.cancel());
  try {
    yield* acquire;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("task_cancel", B(acquire.cancelled()), B(sem.locked()), state(sem));
  }
}

function* main() {
  yield* beforeAwoken();
  yield* hang();
  yield* noHang();
  yield* taskCancel();
}

loop.runUntilCompleteSync(main());
loop.close();
