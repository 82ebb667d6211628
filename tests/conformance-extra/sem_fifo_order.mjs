// Semaphore FIFO order (CPython's test_acquire_fifo_order, _2 and _3): tasks that release and
// re-acquire go to the back of the line; a task that re-acquires right after releasing does
// not jump the queue; a waiter cancelled before any release is skipped.
import { EventLoop, sleep, gather, Semaphore } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* order1() {
  const sem = new Semaphore(1);
  const result = [];
  function* coro(tag) {
    yield* sem.acquire();
    result.push(`${tag}_1`);
    yield* sleep(0.01);
    sem.release();
    yield* sem.acquire();
    result.push(`${tag}_2`);
    yield* sleep(0.01);
    sem.release();
  }
  yield* gather(coro("c1"), coro("c2"), coro("c3"));
  console.log("order1", fmt(result), T());
}

function* order2() {
  const sem = new Semaphore(1);
  const result = [];
  function* c1() {
    yield* sem.acquire();
    result.push(1);
    return true;
  }
  function* c2() {
    yield* sem.acquire();
    result.push(2);
    sem.release();
    yield* sem.acquire();
    result.push(4);
    return true;
  }
  function* c3() {
    yield* sem.acquire();
    result.push(3);
    return true;
  }
  const tasks = [c1, c2, c3].map((c) => loop.createTask(c()));
  yield* sleep(0);
  sem.release();
  sem.release();
  console.log("order2", fmt(yield* gather(...tasks)), fmt(result));
}

function* order3() {
  const sem = new Semaphore(0);
  const result = [];
  function* c(n) {
    yield* sem.acquire();
    result.push(n);
    return n;
  }
  const tasks = [1, 2, 3].map((n) => loop.createTask(c(n)));
  yield* sleep(0);
  tasks[0].cancel();
  yield* sleep(0);
  sem.release();
  sem.release();
  console.log("order3", fmt(yield* gather(...tasks, { returnExceptions: true })), fmt(result));
}

function* main() {
  yield* order1();
  yield* order2();
  yield* order3();
}

loop.runUntilCompleteSync(main());
loop.close();
