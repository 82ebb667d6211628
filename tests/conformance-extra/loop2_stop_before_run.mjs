// stop() before a run makes the next run do exactly one iteration (the clock does not jump
// to a pending timer, but timers already due run); run_until_complete stopped early raises
// RuntimeError and leaves the task pending, and a later run_until_complete finishes it;
// stop() in the iteration that completes the future leaves run_until_complete's callback queued.
import { EventLoop, sleep, allTasks } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function cb(name, ...more) {
  console.log("run", name, "t=" + T());
  for (const m of more) loop.callSoon(cb, m);
}

function* worker() {
  console.log("worker start t=" + T());
  yield* sleep(2);
  console.log("worker woke t=" + T());
  yield* sleep(1);
  return "worker result";
}

async function attempt(label, aw) {
  try {
    const r = await loop.runUntilComplete(aw);
    console.log(label, "->", fmt(r), "t=" + T());
  } catch (e) {
    console.log(label, "raised", fmt(e), "t=" + T());
  }
}

// 1. stop() before run_forever: one iteration, pending timer not reached
loop.callLater(1, cb, "timer@1");
loop.callSoon(cb, "s1", "s1-child");
loop.callLater(0, cb, "zero timer (due)");
loop.stop();
loop.stop();
await loop.runForever();
console.log("1: returned t=" + T(), "running:", B(loop.isRunning()));

// 2. the flag was consumed: a normal run continues where we left off
loop.callLater(1.5, () => loop.stop());
await loop.runForever();
console.log("2: returned t=" + T());

// 3. stop() before run_until_complete(task): one iteration, then RuntimeError
const task = loop.createTask(worker());
loop.stop();
await attempt("3: run_until_complete", task);
console.log("3: task done:", B(task.done()));

// 4. stop() from a timer while the task sleeps: RuntimeError again
loop.callLater(1, () => { console.log("stopper t=" + T()); loop.stop(); });
await attempt("4: run_until_complete", task);
console.log("4: task done:", B(task.done()));

// 5. running again finishes it; then an already-finished task returns at once
await attempt("5: run_until_complete", task);
await attempt("5b: run_until_complete (done task)", task);

// 6. stop() before running a coroutine that would need a timer
loop.stop();
function* nap() {
  return yield* sleep(0.5, "slept");
}
await attempt("6: run_until_complete", nap());
console.log("6: tasks left:", allTasks(loop).size);
loop.callLater(1, () => loop.stop());
await loop.runForever();
console.log("6: after another run t=" + T(), "tasks left:", allTasks(loop).size);

// 7. stop() in the iteration that completes the future: the result is returned, and
// run_until_complete's own done callback, already queued, stops the next run after one iteration
const fut7 = loop.createFuture();
function stopAndResolve() {
  console.log("stop_and_resolve t=" + T());
  loop.stop();
  fut7.setResult("resolved");
  loop.callSoon(cb, "queued after set_result");
}
loop.callLater(1, stopAndResolve);
await attempt("7: run_until_complete", fut7);
loop.callLater(5, cb, "timer@+5");
await loop.runForever();
console.log("7: run_forever returned at once t=" + T());
loop.callLater(6, () => loop.stop());
await loop.runForever();
console.log("7: next run t=" + T());
loop.close();
