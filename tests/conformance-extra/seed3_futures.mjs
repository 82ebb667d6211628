// The seed's Future examples on virtual time: new Future() on the current loop completed
// by a coroutine (runUntilComplete(future)), the runForever variant whose done callback
// stops the loop, setResult / setException / cancel called from callLater callbacks with
// done callbacks and an awaiting task, the InvalidStateError cases, and removeDoneCallback.
import { EventLoop, Future, setEventLoop, sleep, ensureFuture, CancelledError, InvalidStateError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
setEventLoop(loop);

const state = (f) => `done=${B(f.done())} cancelled=${B(f.cancelled())}`;

function* slowOperation(future, d, value) {
  yield* sleep(d);
  console.log("slow_operation sets", fmt(value), T());
  future.setResult(value);
  console.log("  right after set_result:", state(future));
}

console.log("-- Future with run_until_complete");
let future = new Future();
console.log("on the current loop:", B(future.getLoop() === loop), state(future));
ensureFuture(slowOperation(future, 1, "Future is done!"));
console.log("returned:", fmt(loop.runUntilCompleteSync(future)), T());
console.log(future.result(), state(future));

console.log("-- Future with run_forever and a done callback");
function gotResult(future) {
  console.log("got_result:", fmt(future.result()), T());
  loop.stop();
}
future = new Future();
ensureFuture(slowOperation(future, 2, "second"));
future.addDoneCallback(gotResult);
await loop.runForever();
console.log("after run_forever", state(future), T());

console.log("-- set_result / set_exception / cancel from call_later callbacks");
const [f1, f2, f3] = [loop.createFuture(), loop.createFuture(), loop.createFuture()];
const named = [["f1", f1], ["f2", f2], ["f3", f3]];
for (const [name, f] of named) f.addDoneCallback((f) => console.log("callback", name, state(f), T()));
loop.callLater(0.5, (v) => f1.setResult(v), 42);
loop.callLater(1.5, (e) => f2.setException(e), new ValueError("boom"));
loop.callLater(1.0, () => f3.cancel());
function* watch() {
  for (const [name, f] of named) {
    try {
      console.log(name, "->", fmt(yield* f), T());
    } catch (e) {
      if (e instanceof ValueError) console.log(name, "raised", fmt(e), T());
      else if (e instanceof CancelledError) console.log(name, "cancelled", T());
      else throw e;
    }
  }
}
loop.runUntilCompleteSync(watch());
console.log("f1", fmt(f1.result()), "f2 exc", fmt(f2.exception()));
for (const what of ["result", "exception"]) {
  try {
    f3[what]();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log(`f3.${what}():`, ename(e));
  }
}

console.log("-- result() and exception() while pending, and setting twice");
let f = loop.createFuture();
for (const what of ["result", "exception"]) {
  try {
    f[what]();
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    console.log(what, "pending:", ename(e));
  }
}
f.setResult("once");
for (const [what, m, arg] of [["set_result", "setResult", "twice"], ["set_exception", "setException", new ValueError("x")]]) {
  try {
    f[m](arg);
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    console.log(what, "when done:", ename(e));
  }
}
console.log("cancel a done future:", B(f.cancel()), "result still", fmt(f.result()), "exception", fmt(f.exception()));
f = loop.createFuture();
console.log("cancel pending:", B(f.cancel()), "again:", B(f.cancel()));
try {
  f.setResult(1);
} catch (e) {
  if (!(e instanceof InvalidStateError)) throw e;
  console.log("set_result when cancelled:", ename(e));
}

console.log("-- remove_done_callback");
f = loop.createFuture();
const cb = (f) => console.log("cb ran", T());
const other = (f) => console.log("other ran", fmt(f.result()), T());
f.addDoneCallback(cb);
f.addDoneCallback(other);
f.addDoneCallback(cb);
console.log("removed:", f.removeDoneCallback(cb), "again:", f.removeDoneCallback(cb));
loop.callLater(0.25, (v) => f.setResult(v), "v");
loop.runUntilCompleteSync(f);
f.addDoneCallback(other);
console.log("added to a done future: runs later", T());
loop.runUntilCompleteSync(sleep(0));
console.log("end", T());
