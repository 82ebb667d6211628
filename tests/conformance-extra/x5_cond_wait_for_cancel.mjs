// Condition.wait_for with cancellation: a waiter cancelled while waiting re-acquires the
// lock before CancelledError reaches it (it sees locked() True in its handler and releases
// through `async with`); a waiter whose predicate is already true returns without waiting;
// notify() wakes waiters in FIFO order, each re-testing its predicate; a waiter cancelled
// while it waits to re-acquire the lock after notify still gets the lock back first.
import { EventLoop, sleep, Condition, asyncWith, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
function* main() {
  const cond = new Condition();
  const box = { n: 0, item: null };

  function* waiter(name, need) {
    try {
      yield* asyncWith(cond, function* () {
        const r = yield* cond.waitFor(() => box.n >= need);
        console.log("  ", name, "woke with", B(r), "n", box.n, T());
      });
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("  ", name, "cancelled; lock now", B(cond.locked()), T());
      throw e;
    }
  }

  const ws = {};
  for (const [n, k] of [["w1", 1], ["w2", 2], ["w3", 3]]) ws[n] = loop.createTask(waiter(n, k));
  yield* sleep(0.5);
  ws.w2.cancel();
  yield* sleep(0.25);
  yield* asyncWith(cond, function* () {
    box.n = 1;
    cond.notifyAll();
  });
  yield* sleep(0.25);
  console.log("already true:");
  yield* asyncWith(cond, function* () {
    console.log("  ", yield* cond.waitFor(() => box.n === 1 && "yes"));
  });

  console.log("cancelled while re-acquiring:");
  yield* asyncWith(cond, function* () {
    box.n = 3;
    cond.notifyAll();
    yield* sleep(0.125);
    ws.w3.cancel();
    console.log("  holder still holds", B(cond.locked()), T());
  });
  yield* sleep(0.125);
  console.log("  w3 cancelled", B(ws.w3.cancelled()), "locked", B(cond.locked()));

  console.log("wait_for returning a value, notify(1):");
  const results = [];
  function* taker(name) {
    yield* asyncWith(cond, function* () {
      const v = yield* cond.waitFor(() => box.item);
      results.push(`('${name}', '${v}')`);
      box.item = null;
    });
  }
  const ts = [0, 1, 2].map((i) => loop.createTask(taker(`t${i}`)));
  yield* sleep(0.5);
  for (const item of ["x", "y"]) {
    yield* asyncWith(cond, function* () {
      box.item = item;
      cond.notify(1);
    });
    yield* sleep(0.25);
  }
  console.log("  ", `[${results.join(", ")}]`, `[${ts.map((t) => B(t.done())).join(", ")}]`);
  ts[2].cancel();
  yield* sleep(0.25);
  console.log("  t2 cancelled", B(ts[2].cancelled()), "locked", B(cond.locked()));
}

loop.runUntilCompleteSync(main());
loop.close();
