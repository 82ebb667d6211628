// Lock errors leave it usable: release() of an unlocked lock is a RuntimeError; an exception in
// an async with body releases the lock and propagates; a Lock is not awaitable itself
// (TypeError). A lock that made a task wait on one loop is bound to it: a task that has to
// wait on it from another loop gets RuntimeError (the fast path never looks at the loop).
import { EventLoop, sleep, gather, asyncWith, Lock, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

const lock = new Lock();

function* bodyFails() {
  yield* asyncWith(lock, function* () {
    console.log("in body", state(lock));
    throw new ValueError("boom");
  });
}

function* main() {
  try {
    lock.release();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("release unlocked:", fmt(e));
  }
  try {
    yield* bodyFails();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("body raised", fmt(e), state(lock));
  }
  try {
    yield* lock;
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    console.log("await lock:", ename(e), state(lock));
  }
  yield* lock.acquire();
  const t = loop.createTask(lock.acquire());
  yield* sleep(0);
  console.log("bound by a wait", state(lock));
  lock.release();
  console.log("waiter got it:", B(yield* t), state(lock));
  lock.release();
}

function* otherLoop() {
  console.log("other loop fast path:", B(yield* lock.acquire()), state(lock));
  try {
    yield* lock.acquire();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("other loop must wait:", ename(e), B(e.message.includes("bound to a different event loop")), state(lock));
  }
  lock.release();
  console.log("other loop released", state(lock));
}

loop.runUntilCompleteSync(main());
const loop2 = new EventLoop({ clock: "virtual" });
loop2.runUntilCompleteSync(otherLoop());
loop2.close();

function* again() {
  yield* lock.acquire();
  const t = loop.createTask(lock.acquire());
  yield* sleep(0);
  lock.release();
  console.log("first loop still works:", B(yield* t), state(lock));
}

loop.runUntilCompleteSync(again());
loop.close();
