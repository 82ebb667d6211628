// run_until_complete(future): the loop stops one iteration after the future is done (its
// done callbacks, run_until_complete's own included, are scheduled with call_soon), so
// callbacks already ready by then still run and what they schedule waits for the next run.
// An already-done future runs exactly one iteration; a cancelled or failed future raises.
import { EventLoop, sleep } from "wasmloop";

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

async function attempt(label, aw) {
  try {
    const r = await loop.runUntilComplete(aw);
    console.log(label, "->", fmt(r), "t=" + T(), "running:", B(loop.isRunning()));
  } catch (e) {
    console.log(label, "raised", ename(e), "t=" + T());
  }
}

// 1. resolved by a timer callback, with callbacks around the set_result
const fut = loop.createFuture();
fut.addDoneCallback((f) => console.log("user done cb (added before run):", fmt(f.result()), "t=" + T()));
function resolver() {
  console.log("resolver t=" + T());
  loop.callSoon(cb, "x (before set_result)", "x-child");
  fut.setResult(42);
  loop.callSoon(cb, "y (after set_result)", "y-child");
  fut.addDoneCallback((f) => console.log("user done cb (added after done) t=" + T()));
}
loop.callLater(1, resolver);
loop.callLater(2, cb, "timer@2");
await attempt("1", fut);
loop.callLater(0.5, () => loop.stop());
await loop.runForever();
console.log("1: next run t=" + T());

// 2. an already-done future: exactly one iteration, no jump in time
loop.callSoon(cb, "ready before", "its child");
loop.callLater(0, cb, "zero timer");
await attempt("2", fut);
await attempt("2b", fut);

// 3. a future cancelled by a callback, a future failed by another
const fut3 = loop.createFuture();
loop.callLater(0.25, () => fut3.cancel());
await attempt("3 cancelled", fut3);
const fut4 = loop.createFuture();
loop.callLater(0.3, (e) => fut4.setException(e), new ValueError("boom"));
await attempt("4 failed", fut4);
try {
  await loop.runUntilComplete(fut4);
} catch (e) {
  if (!(e instanceof ValueError)) throw e;
  console.log("4 again:", fmt(e));
}

// 5. resolved by a task running in the loop
const fut5 = loop.createFuture();
function* producer() {
  yield* sleep(0.5);
  fut5.setResult("from task");
  console.log("producer after set_result t=" + T());
  yield* sleep(0);
  console.log("producer next step t=" + T());
  yield* sleep(0);
  console.log("producer third step t=" + T());
}
const t5 = loop.createTask(producer());
await attempt("5", fut5);
console.log("5: producer done:", B(t5.done()));
await attempt("5 rest", t5);
loop.callLater(10, cb, "leftover timer");
loop.close();
