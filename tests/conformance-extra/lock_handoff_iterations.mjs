// Lock hand-off counted in loop iterations (a ticking callback): an uncontended acquire and
// async with complete without an iteration; release() wakes the first waiter, which takes
// the lock at its next step; a task that acquires after the release but before the woken
// waiter ran queues behind it (FIFO, no barging).
import { EventLoop, sleep, gather, asyncWith, Lock } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

let it = 0;
function tick() {
  it += 1;
  loop.callSoon(tick);
}

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* user(name, lock) {
  console.log(name, "wants the lock at", it, state(lock));
  yield* lock.acquire();
  console.log(name, "got it at", it, state(lock));
  yield* sleep(0);
  console.log(name, "releases at", it);
  lock.release();
  console.log(name, "after release", state(lock));
  return name;
}

function* main() {
  loop.callSoon(tick);
  yield* sleep(0);
  const lock = new Lock();
  console.log("fast acquire:", B(yield* lock.acquire()), "at", it, state(lock));
  lock.release();
  console.log("released:", state(lock));
  yield* asyncWith(lock, function* () {
    console.log("async with at", it, state(lock));
  });
  console.log("after async with at", it, state(lock));
  yield* lock.acquire();
  const tasks = ["a", "b"].map((n) => loop.createTask(user(n, lock)));
  yield* sleep(0);
  console.log("main releases at", it, state(lock));
  lock.release();
  console.log("main released:", B(lock.locked()), state(lock));
  yield* lock.acquire();
  console.log("main got it back at", it, state(lock));
  lock.release();
  console.log("results", fmt(yield* gather(...tasks)), "at", it, state(lock));
}

loop.runUntilCompleteSync(main());
loop.close();
