// asyncio-sync.rst's examples run together: the Event waiter, a Lock shared by workers with
// `async with lock`, a Condition's producer/consumer with notify() and wait(), a
// Semaphore(2) limiting concurrent users, BoundedSemaphore refusing an extra release, and
// the acquire()/release() spelling of the Lock example.
import { EventLoop, sleep, gather, createTask, asyncWith, Event, Lock, Condition, Semaphore, BoundedSemaphore } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
function* waiter(event) {
  console.log("waiting for it ...", T());
  yield* event.wait();
  console.log("... got it!", T());
}

function* lockedWorker(lock, name, d) {
  yield* asyncWith(lock, function* () {
    console.log(name, "has the lock", T());
    yield* sleep(d);
  });
  console.log(name, "released it", T());
}

function* consumer(cond, box, name) {
  yield* asyncWith(cond, function* () {
    while (!box.length) yield* cond.wait();
    console.log(name, "consumed", box.shift(), T());
  });
}

function* user(sem, name, d) {
  yield* asyncWith(sem, function* () {
    console.log(name, "in, locked now", B(sem.locked()), T());
    yield* sleep(d);
  });
  console.log(name, "out", T());
}

function* main() {
  const event = new Event();
  const waiterTask = createTask(waiter(event));
  yield* sleep(1);
  event.set();
  yield* waiterTask;

  let lock = new Lock();
  yield* gather(...[["w1", 0.5], ["w2", 0.25], ["w3", 0.125]].map(([n, d]) => lockedWorker(lock, n, d)));

  lock = new Lock();
  yield* lock.acquire();
  try {
    console.log("acquire/release spelling: locked", B(lock.locked()));
  } finally {
    lock.release();
  }
  console.log("locked after release", B(lock.locked()));

  const cond = new Condition();
  const box = [];
  const cs = [0, 1, 2].map((i) => createTask(consumer(cond, box, `c${i}`)));
  yield* sleep(0.5);
  for (const item of ["a", "b", "c"]) {
    yield* asyncWith(cond, function* () {
      box.push(item);
      cond.notify();
    });
    yield* sleep(0.25);
  }
  yield* gather(...cs);

  const sem = new Semaphore(2);
  yield* gather(...[0, 1, 2, 3].map((i) => user(sem, `u${i}`, 0.3 + 0.1 * i)));

  const bsem = new BoundedSemaphore(1);
  yield* asyncWith(bsem, function* () {});
  try {
    bsem.release();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("BoundedSemaphore:", "ValueError", e.message);
  }
}

loop.runUntilCompleteSync(main());
loop.close();
