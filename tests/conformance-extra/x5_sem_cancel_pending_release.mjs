// Semaphore cancellation corners from CPython's test_locks: waiters cancelled in the same
// iteration as a release (the unit goes to the next live waiter), a waiter woken by release
// and cancelled before it ran (the unit is passed on, nothing hangs), cancelling a task that
// has just acquired (it keeps no unit it cannot release), and locked()/_value style state
// printed after every step.
import { EventLoop, sleep, Semaphore, createTask } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const state = (sem, ts) => `locked=${B(sem.locked())} ` + ts.map(([n, t]) => `${n}:${t.cancelled() ? "C" : t.done() ? "D" : "P"}`).join(" ");

function* main() {
  console.log("cancel before awoken:");
  let sem = new Semaphore(0);
  let ts = [1, 2, 3, 4].map((i) => [`t${i}`, loop.createTask(sem.acquire())]);
  yield* sleep(0);
  ts[0][1].cancel();
  ts[1][1].cancel();
  sem.release();
  console.log(" ", state(sem, ts));
  yield* sleep(0);
  console.log(" ", state(sem, ts));
  yield* sleep(0);
  console.log(" ", state(sem, ts));
  ts[2][1].cancel();
  ts[3][1].cancel();
  yield* sleep(0);
  console.log(" ", state(sem, ts));

  console.log("woken then cancelled:");
  sem = new Semaphore(0);
  ts = [["a", loop.createTask(sem.acquire())], ["b", loop.createTask(sem.acquire())]];
  yield* sleep(0);
  sem.release();
  ts[0][1].cancel();
  console.log(" ", state(sem, ts));
  yield* sleep(0);
  console.log(" ", state(sem, ts));
  yield* sleep(0);
  console.log(" ", state(sem, ts));
  sem.release();
  console.log("  after the holder's release:", B(sem.locked()));

  console.log("no hang:");
  sem = new Semaphore(1);
  const t1 = loop.createTask(sem.acquire());
  const t2 = loop.createTask(sem.acquire());
  yield* sleep(0);
  t1.cancel();
  console.log("  t1 cancel after acquire ran:", B(t1.done()), t1.done() && !t1.cancelled() ? fmt(t1.result()) : "");
  yield* sleep(0);
  console.log("  t2 done", B(t2.done()), "locked", B(sem.locked()));
  sem.release();
  yield* sleep(0);
  console.log("  t2 done", B(t2.done()), "locked", B(sem.locked()));

  console.log("release many, then waiters:");
  sem = new Semaphore(0);
  const order = [];
  function* user(n) {
    yield* sem.acquire();
    order.push(n);
  }
  const us = [0, 1, 2, 3].map((i) => loop.createTask(user(i)));
  yield* sleep(0);
  us[1].cancel();
  for (let i = 0; i < 3; i++) sem.release();
  yield* sleep(0);
  yield* sleep(0);
  console.log("  order", `[${order.join(", ")}]`, "locked", B(sem.locked()), "cancelled", `[${us.map((u) => B(u.cancelled())).join(", ")}]`);
}

loop.runUntilCompleteSync(main());
loop.close();
