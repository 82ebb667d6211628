// Semaphore bookkeeping when woken waiters are cancelled before they run (3.12.1): the unit
// set aside for a woken waiter goes back and wakes the next; a task arriving while woken
// waiters are on their way queues behind them; releases while a woken waiter is on its way
// are passed on when it runs (the value shown after each step).
import { EventLoop, sleep, gather, Semaphore } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* taker(sem, name, log) {
  yield* sem.acquire();
  log.push(name);
  return name;
}

function* main() {
  const sem = new Semaphore(0);
  const log = [];
  const ts = [0, 1, 2, 3].map((i) => loop.createTask(taker(sem, `t${i}`, log)));
  yield* sleep(0);
  sem.release();
  sem.release();
  console.log("two released", state(sem), sem._value);
  ts[0].cancel();
  const late = loop.createTask(taker(sem, "late", log));
  yield* sleep(0);
  console.log("after a step", fmt(log), state(sem), sem._value);
  sem.release();
  sem.release();
  sem.release();
  console.log("three more", state(sem), sem._value);
  yield* sleep(0);
  console.log("after a step", fmt(log), state(sem), sem._value);
  const res = yield* gather(...ts, late, { returnExceptions: true });
  console.log("results", fmt(res), state(sem), sem._value);
}

loop.runUntilCompleteSync(main());
loop.close();
