// Lock: a waiter cancelled while queued never takes the lock and release() skips it; a
// waiter woken by release() and cancelled before it ran hands the lock on to the next one;
// when every queued waiter is cancelled, a newcomer takes the lock without waiting.
import { EventLoop, sleep, gather, Lock, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* user(name, lock, hold) {
  try {
    yield* lock.acquire();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log(name, "cancelled while waiting", T(), "locked", B(lock.locked()));
    throw e;
  }
  console.log(name, "got lock", T());
  yield* sleep(hold);
  lock.release();
  console.log(name, "released", T());
  return name;
}

function* main() {
  const lock = new Lock();
  yield* lock.acquire();
  const a = loop.createTask(user("a", lock, 0.25));
  const b = loop.createTask(user("b", lock, 0.5));
  const c = loop.createTask(user("c", lock, 0.125));
  yield* sleep(0);
  console.log("queued", state(lock));
  b.cancel();
  yield* sleep(0);
  console.log("after b cancelled", state(lock));
  lock.release();
  console.log("released, a woken", state(lock));
  console.log("cancel a:", B(a.cancel()));
  const res = yield* gather(a, b, c, { returnExceptions: true });
  console.log("results", fmt(res), T(), state(lock));
  yield* lock.acquire();
  const w = [0, 1].map(() => loop.createTask(lock.acquire()));
  yield* sleep(0);
  for (const t of w) t.cancel();
  lock.release();
  console.log("released with cancelled waiters", state(lock));
  console.log("newcomer acquires", B(yield* lock.acquire()), T(), state(lock));
  yield* gather(...w, { returnExceptions: true });
  console.log("end", state(lock), fmt(w.map((t) => t.cancelled())));
}

loop.runUntilCompleteSync(main());
loop.close();
