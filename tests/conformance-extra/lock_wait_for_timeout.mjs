// Lock with wait_for: waiters that time out leave the queue with TimeoutError and never get
// the lock; the others still get it in FIFO order when the holder releases. A zero timeout
// cancels the acquire before it starts (3.12 wraps the coroutine in a task), even on a free lock.
import { EventLoop, sleep, gather, waitFor, Lock, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* main() {
  const lock = new Lock();
  yield* lock.acquire();
  function* waiter(name, timeout) {
    try {
      yield* waitFor(lock.acquire(), timeout);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log(name, "timed out", T(), state(lock));
      return name + ":timeout";
    }
    console.log(name, "got lock", T());
    yield* sleep(0.1);
    lock.release();
    return name + ":ok";
  }
  const ts = [loop.createTask(waiter("a", 0.5)), loop.createTask(waiter("b", 2.0)),
    loop.createTask(waiter("c", 0.75)), loop.createTask(waiter("d", 1.05))];
  yield* sleep(1);
  console.log("main releases", T(), state(lock));
  lock.release();
  console.log("results", fmt(yield* gather(...ts)), T(), state(lock));
  try {
    console.log("zero timeout, free lock:", B(yield* waitFor(lock.acquire(), 0)));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("zero timeout, free lock: TimeoutError", state(lock));
  }
  yield* lock.acquire();
  try {
    yield* waitFor(lock.acquire(), 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("zero timeout, held lock: TimeoutError", state(lock));
  }
  lock.release();
  console.log("end", state(lock), T());
}

loop.runUntilCompleteSync(main());
loop.close();
