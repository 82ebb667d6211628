// Semaphore(3): acquires take units until none is left, then queue; release() hands a unit
// straight to the first waiter (the value stays 0); a newcomer queues behind waiters even
// when a unit is free (3.12's fairness); repr shows value and waiters. CPython's test_acquire.
import { EventLoop, sleep, gather, Semaphore } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* main() {
  const sem = new Semaphore(3);
  console.log("new", state(sem), B(sem.locked()));
  const result = [];
  console.log(B(yield* sem.acquire()), B(yield* sem.acquire()), state(sem), B(sem.locked()));
  function* c(n) {
    yield* sem.acquire();
    result.push(n);
    return n;
  }
  const [t1, t2, t3] = [1, 2, 3].map((n) => loop.createTask(c(n)));
  yield* sleep(0);
  console.log("step", fmt(result), state(sem), B(sem.locked()));
  const t4 = loop.createTask(c(4));
  sem.release();
  sem.release();
  console.log("released twice", state(sem), sem._value);
  yield* sleep(0);
  console.log("step", fmt(result), state(sem), sem._value);
  sem.release();
  console.log(fmt(yield* gather(t1, t2, t3, t4)), state(sem));
  const sem2 = new Semaphore(1);
  yield* sem2.acquire();
  const w = loop.createTask(sem2.acquire());
  yield* sleep(0);
  sem2.release();
  console.log("unit handed to the waiter", state(sem2), sem2._value);
  console.log("waiter", B(yield* w), state(sem2));
  sem2.release();
  console.log("released", state(sem2));
}

loop.runUntilCompleteSync(main());
loop.close();
