// runCoroutineThreadsafe as far as one thread can show it, on virtual time: the docs' usage
// (sleep(1, 3) submitted to the loop; the returned future is done with 3 after the loop ran
// past 1.0), a coroutine submitted from a loop callback, one that raises, cancel() of the
// returned future while the task sleeps (the task is cancelled on the loop), cancel() before
// the loop ran the submission (the task still starts, then is cancelled at its first await),
// and cancel() of a done one (false).
import { EventLoop, sleep, runCoroutineThreadsafe, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* job(tag, d, fail = false) {
  console.log(tag, "starts", T());
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log(tag, "cancelled", T());
    throw e;
  }
  if (fail) {
    console.log(tag, "fails", T());
    throw new ValueError(tag);
  }
  console.log(tag, "done", T());
  return tag;
}

function show(tag, cf) {
  if (!cf.done()) console.log(tag, "pending", "cancelled:", B(cf.cancelled()));
  else if (cf.cancelled()) console.log(tag, "cancelled");
  else if (cf.exception() !== null) console.log(tag, "failed:", fmt(cf.exception()));
  else console.log(tag, "result:", fmt(cf.result()));
}

console.log("-- the docs' usage: sleep(1, result=3)");
const coro = sleep(1, 3);
const future = runCoroutineThreadsafe(coro, loop);
show("future", future);
loop.runUntilCompleteSync(sleep(0.5));
show("at 0.5", future);
loop.runUntilCompleteSync(sleep(1));
show("at 1.5", future);
console.log(T());

console.log("-- submitted from a loop callback");
const box = [];
loop.callLater(0.25, () => box.push(runCoroutineThreadsafe(job("cb", 0.5), loop)));
loop.runUntilCompleteSync(sleep(1));
show("from callback", box[0]);
console.log(T());

console.log("-- a coroutine that raises");
let cf = runCoroutineThreadsafe(job("bad", 0.25, true), loop);
loop.runUntilCompleteSync(sleep(0.5));
show("bad", cf);
try {
  cf.result();
} catch (e) {
  if (!(e instanceof ValueError)) throw e;
  console.log("result() raises", fmt(e));
}

console.log("-- cancel() while the task sleeps");
cf = runCoroutineThreadsafe(job("long", 10), loop);
loop.runUntilCompleteSync(sleep(0.5));
console.log("cancel:", B(cf.cancel()), T());
show("long", cf);
loop.runUntilCompleteSync(sleep(0.5));
console.log("cancel again:", B(cf.cancel()), T());

console.log("-- cancel() of a done one");
cf = runCoroutineThreadsafe(job("quick", 0.125), loop);
loop.runUntilCompleteSync(sleep(0.5));
show("quick", cf);
console.log("cancel:", B(cf.cancel()), "cancelled:", B(cf.cancelled()));

console.log("-- cancel() before the loop ran the submission");
cf = runCoroutineThreadsafe(job("early", 1), loop);
console.log("cancel:", B(cf.cancel()), T());
show("early", cf);
loop.runUntilCompleteSync(sleep(0.5));
console.log("after the run", T());
loop.close();
