// Condition: wait() releases the lock and blocks; notify(n) wakes up to n waiters in FIFO
// order (skipping those already woken); a woken waiter returns only once it holds the lock
// again, so the notifier's release decides when (CPython's test_wait, test_notify,
// test_notify_all). wait() returns True.
import { EventLoop, sleep, gather, asyncWith, Condition } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* c(cond, n, result, release) {
  yield* cond.acquire();
  if (yield* cond.wait()) {
    result.push(n);
    if (release) cond.release();
  }
  return n;
}

function* main() {
  const cond = new Condition();
  const result = [];
  let ts = [1, 2, 3].map((n) => loop.createTask(c(cond, n, result, false)));
  yield* sleep(0);
  console.log("all waiting", state(cond), fmt(result));
  console.log("acquire", B(yield* cond.acquire()));
  cond.notify();
  yield* sleep(0);
  console.log("notified 1, lock held", fmt(result), state(cond));
  cond.release();
  yield* sleep(0);
  console.log("released", fmt(result), state(cond));
  cond.notify(2);
  yield* sleep(0);
  console.log("notified 2, lock held by 1", fmt(result), state(cond));
  cond.release();
  yield* sleep(0);
  console.log("released", fmt(result), state(cond));
  cond.release();
  yield* sleep(0);
  console.log("released", fmt(result), state(cond));
  cond.release();
  console.log("tasks", fmt(yield* gather(...ts)), state(cond));
  result.length = 0;
  ts = [4, 5, 6, 7].map((n) => loop.createTask(c(cond, n, result, true)));
  yield* sleep(0);
  yield* cond.acquire();
  cond.notify(1);
  cond.notify(2048);
  cond.release();
  yield* sleep(0);
  console.log("notify(1) then notify(2048)", fmt(result), state(cond));
  yield* gather(...ts);
  ts = [8, 9].map((n) => loop.createTask(c(cond, n, result, true)));
  yield* sleep(0);
  yield* asyncWith(cond, function* () {
    cond.notifyAll();
    console.log("notify_all", state(cond));
  });
  yield* sleep(0);
  console.log("after notify_all", fmt(result), state(cond));
  yield* gather(...ts);
}

loop.runUntilCompleteSync(main());
loop.close();
