// Event: set() wakes every waiter; a task that waits on an event already set returns in the
// same step (CPython's test_wait order [3, 1, 2]); clear() right after set() still lets the
// woken waiters through; a cancelled waiter leaves the list; wait() returns True.
import { EventLoop, sleep, gather, Event } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* c(ev, n, result) {
  if (yield* ev.wait()) result.push(n);
  return n;
}

function* main() {
  const ev = new Event();
  console.log("new", state(ev), B(ev.isSet()));
  const result = [];
  const t1 = loop.createTask(c(ev, 1, result));
  const t2 = loop.createTask(c(ev, 2, result));
  yield* sleep(0);
  console.log("waiting", state(ev), fmt(result));
  const t3 = loop.createTask(c(ev, 3, result));
  ev.set();
  console.log("set", state(ev));
  yield* sleep(0);
  console.log("after a step", fmt(result), state(ev));
  yield* gather(t1, t2, t3);
  console.log("set again is a no-op", state(ev));
  ev.clear();
  const t4 = loop.createTask(c(ev, 4, result));
  yield* sleep(0);
  ev.set();
  ev.clear();
  console.log("set then clear", state(ev), B(ev.isSet()));
  yield* sleep(0);
  console.log("woken anyway", fmt(result), state(ev), B(t4.done()));
  const t5 = loop.createTask(ev.wait());
  const t6 = loop.createTask(ev.wait());
  yield* sleep(0);
  t5.cancel();
  yield* sleep(0);
  console.log("one cancelled", state(ev), B(t5.cancelled()));
  ev.set();
  console.log("t6", B(yield* t6), state(ev));
}

loop.runUntilCompleteSync(main());
loop.close();
