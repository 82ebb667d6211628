// The seed's cl.loop.Loop with Futures completed by loop callbacks next to coroutines,
// returnExceptions with a failed and a cancelled Future, gather() called later and called
// again (the earlier task still runs), cancel() from a timer and before any gather, stop()
// from inside a coroutine (the run throws RuntimeError; a second run finishes), running
// twice, and Loops nested in `using` blocks (written out as try/finally around
// [Symbol.dispose](), as Node 20 has no `using`) on one loop: the outer Loop's tasks run
// during the inner run; an inner Loop that closes the loop leaves the outer one unable to run.
import { EventLoop, Loop, RuntimeError, getRunningLoop, sleep, CancelledError } from "wasmloop";
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
  console.log(name, "starts", T());
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log(name, "cancelled", T());
    throw e;
  }
  if (fail) {
    console.log(name, "fails", T());
    throw new ValueError(name);
  }
  console.log(name, "done", T());
  return name;
}

let vl, loop;

console.log("-- Futures set by callbacks, next to coroutines");
vl = VirtualLoop();
const [f1, f2] = [vl.createFuture(), vl.createFuture()];
vl.callLater(2, (v) => f1.setResult(v), "f1");
vl.callLater(0.5, (v) => f2.setResult(v), "f2");
withLoop(new Loop(f1, job("a", 1), f2, { loop: vl }), (l) => {
  console.log("running:", B(l.isRunning()), "closed:", B(l.isClosed()));
  console.log("result:", fmt(l.runUntilCompleteSync()), vl.time().toFixed(3));
});
console.log("closed:", B(vl.isClosed()));

console.log("-- return_exceptions with a failed and a cancelled Future");
vl = VirtualLoop();
const [bad, gone] = [vl.createFuture(), vl.createFuture()];
vl.callLater(0.25, (e) => bad.setException(e), new ValueError("bad"));
vl.callLater(0.75, () => gone.cancel());
withLoop(new Loop(job("a", 1), bad, gone, { loop: vl, returnExceptions: true }), (l) => {
  console.log("result:", fmt(l.runUntilCompleteSync()), vl.time().toFixed(3));
});

console.log("-- gather() later, and again");
vl = VirtualLoop();
loop = new Loop({ loop: vl, stopWhenDone: false });
console.log("cancel before any gather:", B(loop.cancel()), "futures:", fmt(loop.futures));
loop.gather(job("first", 3));
const first = loop.futures;
loop.gather(job("b", 1), job("c", 2));
withLoop(loop, (l) => {
  console.log("result:", fmt(l.runUntilCompleteSync()), vl.time().toFixed(3), "first done:", B(first.done()));
  console.log("the first task:", fmt(vl.runUntilCompleteSync(first)), vl.time().toFixed(3));
});

console.log("-- cancel() from a timer");
withLoop(new Loop(job("a", 2), job("b", 4), { loop: vl, stopWhenDone: false }), (l) => {
  vl.callLater(2.5, () => console.log("cancel:", B(l.cancel()), vl.time().toFixed(3)));
  console.log("result:", fmt(l.runUntilCompleteSync()), vl.time().toFixed(3));
  console.log("cancelled:", B(l.futures.cancelled()), "cancel again:", B(l.cancel()));
});

console.log("-- stop() from inside a coroutine, then run again");
function* stopper(loop) {
  yield* sleep(0.5);
  console.log("stopping, running:", B(loop.isRunning()), T());
  loop.stop();
  yield* sleep(0.25);
  return "stopper";
}
loop = new Loop({ loop: vl, stopWhenDone: false });
loop.gather(stopper(loop), job("s", 1));
withLoop(loop, (l) => {
  try {
    l.runUntilCompleteSync();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("first run:", ename(e), vl.time().toFixed(3));
  }
  console.log("second run:", fmt(l.runUntilCompleteSync()), vl.time().toFixed(3));
  console.log("third run:", fmt(l.runUntilCompleteSync()), vl.time().toFixed(3));
});

console.log("-- nested with blocks on one loop");
withLoop(new Loop(job("outer", 1.5), { loop: vl, stopWhenDone: false }), (outer) => {
  withLoop(new Loop(job("inner", 0.5), { loop: vl, stopWhenDone: false }), (inner) => {
    console.log("inner:", fmt(inner.runUntilCompleteSync()), vl.time().toFixed(3), "outer done:", B(outer.futures.done()));
  });
  console.log("outer:", fmt(outer.runUntilCompleteSync()), vl.time().toFixed(3));
  withLoop(new Loop(job("inner2", 0.25), { loop: vl }), (inner) => {
    console.log("inner2:", fmt(inner.runUntilCompleteSync()), vl.time().toFixed(3));
  });
  console.log("after inner2: closed:", B(outer.isClosed()));
  try {
    outer.runUntilCompleteSync();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("outer again:", ename(e));
  }
});
console.log("closed:", B(vl.isClosed()));
