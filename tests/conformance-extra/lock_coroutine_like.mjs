// Lock.acquire() is a coroutine: calling it without awaiting takes nothing; handed to
// create_task or gather it runs in a task of its own at that task's first step; awaited in a
// task it runs inline. The waiting task's repr shows the lock's waiter.
import { EventLoop, sleep, gather, Lock } from "wasmloop";
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
  const c = lock.acquire();
  console.log("called, not awaited:", state(lock));
  c.cancel();
  const t = loop.createTask(lock.acquire());
  console.log("task made:", state(lock), B(t.done()));
  yield* sleep(0);
  console.log("task ran:", state(lock), B(t.done()), B(t.result()));
  const g = gather(lock.acquire(), lock.acquire());
  yield* sleep(0);
  console.log("gather of two acquires:", state(lock), B(g.done()));
  lock.release();
  yield* sleep(0);
  console.log("one released:", state(lock), B(g.done()));
  lock.release();
  console.log("gather:", fmt(yield* g), state(lock));
  lock.release();
  console.log("end", state(lock));
}

loop.runUntilCompleteSync(main());
loop.close();
