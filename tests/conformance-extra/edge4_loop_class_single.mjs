// The seed's cl.loop.Loop in its less-travelled corners: with ONE awaitable nothing is
// gathered, so returnExceptions does not apply (a failing coroutine or Future raises out of
// runUntilComplete) and futures is that very Task / Future; a coroutine raising
// CancelledError itself makes the run return null, or with returnExceptions (several) lands
// in the list; cancel() of a single task that swallows the cancellation returns true, yet
// the run gives the task's value; cancel() of a returnExceptions gather whose pending child
// swallows it still returns null; an already-failed Future next to a coroutine; a run
// repeated on a failed gather raises again. `with` is written out as try/finally around
// l[Symbol.dispose]().
import { EventLoop, Loop, Task, getRunningLoop, sleep, CancelledError } from "wasmloop";
const T = () => getRunningLoop().time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const VirtualLoop = () => new EventLoop({ clock: "virtual" });

/** Python's `with cm as l: body(l)`. */
function withLoop(cm, body) {
  try {
    return body(cm);
  } finally {
    cm[Symbol.dispose]();
  }
}

function* job(name, d, fail = false) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", name, "cancelled", T());
    throw e;
  }
  if (fail) {
    console.log("  ", name, "fails", T());
    throw new ValueError(name);
  }
  console.log("  ", name, "done", T());
  return name;
}

function* selfCancel(name, d) {
  yield* sleep(d);
  console.log("  ", name, "raises CancelledError", T());
  throw new CancelledError("by itself");
}

function* swallow(name, d) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  ", name, "swallows", T());
  }
  return name + " kept going";
}

let vl;

console.log("-- one failing coroutine with return_exceptions");
vl = VirtualLoop();
withLoop(new Loop(job("a", 1, true), { loop: vl, returnExceptions: true }), (loop) => {
  console.log("futures is a Task:", B(loop.futures instanceof Task));
  try {
    console.log("result:", fmt(loop.runUntilCompleteSync()));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("raised:", fmt(e), vl.time().toFixed(3));
  }
});
console.log("closed:", B(vl.isClosed()));

console.log("-- one failed Future with return_exceptions");
vl = VirtualLoop();
const fut = vl.createFuture();
withLoop(new Loop(fut, { loop: vl, returnExceptions: true }), (loop) => {
  console.log("futures is fut:", B(loop.futures === fut));
  vl.callLater(0.5, (e) => fut.setException(e), new ValueError("fut"));
  try {
    console.log("result:", fmt(loop.runUntilCompleteSync()));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("raised:", fmt(e), vl.time().toFixed(3));
  }
});

console.log("-- one coroutine raising CancelledError itself");
vl = VirtualLoop();
withLoop(new Loop(selfCancel("s", 1), { loop: vl }), (loop) => {
  console.log("result:", fmt(loop.runUntilCompleteSync()), vl.time().toFixed(3), "task cancelled:", B(loop.futures.cancelled()));
});

console.log("-- CancelledError raised by a child, with and without return_exceptions");
vl = VirtualLoop();
withLoop(new Loop(job("a", 2), selfCancel("s", 1), { loop: vl, returnExceptions: true, stopWhenDone: false }), (loop) => {
  console.log("result:", fmt(loop.runUntilCompleteSync()), vl.time().toFixed(3));
});
withLoop(new Loop(job("b", 2), selfCancel("t", 1), { loop: vl, stopWhenDone: false }), (loop) => {
  console.log("result:", fmt(loop.runUntilCompleteSync()), vl.time().toFixed(3),
    "gather cancelled:", B(loop.futures.cancelled()), "done:", B(loop.futures.done()));
  console.log("b left running, then:", fmt(vl.runUntilCompleteSync(sleep(2, "slept"))), vl.time().toFixed(3));
});

console.log("-- cancel() of one task that swallows it");
withLoop(new Loop(swallow("w", 3), { loop: vl, stopWhenDone: false }), (loop) => {
  vl.callLater(1, () => console.log("cancel:", B(loop.cancel()), vl.time().toFixed(3)));
  console.log("result:", fmt(loop.runUntilCompleteSync()), vl.time().toFixed(3), "task cancelled:", B(loop.futures.cancelled()));
});

console.log("-- cancel() of a return_exceptions gather whose pending child swallows it");
withLoop(new Loop(job("c", 0.5), swallow("x", 3), { loop: vl, returnExceptions: true, stopWhenDone: false }), (loop) => {
  vl.callLater(1, () => console.log("cancel:", B(loop.cancel()), vl.time().toFixed(3)));
  console.log("result:", fmt(loop.runUntilCompleteSync()), vl.time().toFixed(3), "gather cancelled:", B(loop.futures.cancelled()));
});

console.log("-- an already-failed Future next to a coroutine");
const bad = vl.createFuture();
bad.setException(new ValueError("early"));
withLoop(new Loop(bad, job("d", 1), { loop: vl, returnExceptions: true, stopWhenDone: false }), (loop) => {
  console.log("gather done at once:", B(loop.futures.done()));
  console.log("result:", fmt(loop.runUntilCompleteSync()), vl.time().toFixed(3));
});
const bad2 = vl.createFuture();
bad2.setException(new ValueError("early2"));
withLoop(new Loop(job("e", 1), bad2, { loop: vl }), (loop) => {
  console.log("gather done at once:", B(loop.futures.done()));
  for (const i of [1, 2]) {
    try {
      loop.runUntilCompleteSync();
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      console.log("run", i, "raised:", fmt(e), vl.time().toFixed(3));
    }
  }
  console.log("e still finishes:", fmt(vl.runUntilCompleteSync(sleep(1.5, "slept"))), vl.time().toFixed(3));
});
console.log("closed:", B(vl.isClosed()));
