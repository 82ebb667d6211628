// The seed's cl.loop.Loop on asyncio: one awaitable gives its value, several a list in input
// order; returnExceptions puts failures (and cancelled children) in the list; cancel()
// before, during or from inside the run makes it return None; cancel() of done futures is
// false; leaving the with block closes the loop unless stopWhenDone: false; without a loop
// option it takes the current event loop. `with Loop(...) as l:` is written out as
// try/finally around l[Symbol.dispose]() (what `using` compiles to), since Node 20 has no `using`.
import { EventLoop, Loop, RuntimeError, getRunningLoop, setEventLoop, sleep, CancelledError } from "wasmloop";
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

/** The same with a body that awaits: the block ends when the body has finished. */
async function withLoopAsync(cm, body) {
  try {
    return await body(cm);
  } finally {
    cm[Symbol.dispose]();
  }
}

function* waitForIt(timeout) {
  yield* sleep(timeout);
  return `success sleep for ${timeout} seconds`;
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

let vl, result, loop, child;

console.log("-- seed: two coroutines, return_exceptions");
vl = VirtualLoop();
result = withLoop(new Loop(waitForIt(5), waitForIt(3), { loop: vl, returnExceptions: true }), (l) => l.runUntilCompleteSync());
console.log(fmt(result), vl.time().toFixed(3), "closed:", B(vl.isClosed()));

console.log("-- seed: one coroutine");
result = withLoop(new Loop(waitForIt(4), { loop: VirtualLoop() }), (l) => l.runUntilCompleteSync());
console.log(fmt(result));

console.log("-- seed: gather, then with");
function* doSomething() {
  return "something";
}
function* doSomethingElse() {
  return "something_else";
}
loop = new Loop({ loop: VirtualLoop(), returnExceptions: true });
loop.gather(doSomething(), doSomethingElse());
result = withLoop(loop, (l) => l.runUntilCompleteSync());
console.log(fmt(result));

console.log("-- started in input order, results in input order");
vl = VirtualLoop();
await withLoopAsync(new Loop(job("a", 3), job("b", 1), job("c", 2), { loop: vl }), async (l) => {
  console.log(fmt(await l.runUntilComplete()), vl.time().toFixed(3));
});

console.log("-- return_exceptions: the failure is a value");
withLoop(new Loop(job("a", 2), job("b", 1, true), { loop: VirtualLoop(), returnExceptions: true }), (l) => {
  console.log(fmt(l.runUntilCompleteSync()));
});

console.log("-- without return_exceptions: the first failure is raised");
vl = VirtualLoop();
withLoop(new Loop(job("a", 2), job("b", 1, true), { loop: vl, stopWhenDone: false }), (l) => {
  try {
    l.runUntilCompleteSync();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("raised", fmt(e), vl.time().toFixed(3));
  }
  console.log("gather done:", B(l.futures.done()));
  withLoop(new Loop(job("c", 0.5), { loop: vl }), (again) => {
    console.log("the loop still works:", fmt(again.runUntilCompleteSync()), vl.time().toFixed(3));
  });
});
console.log("closed:", B(vl.isClosed()));

console.log("-- cancel before the run");
withLoop(new Loop(job("a", 1), job("b", 2), { loop: VirtualLoop() }), (l) => {
  console.log("cancel:", B(l.cancel()));
  console.log("result:", fmt(l.runUntilCompleteSync()));
});

console.log("-- cancel during the run");
vl = VirtualLoop();
await withLoopAsync(new Loop(job("a", 3), job("b", 2), { loop: vl }), async (l) => {
  vl.callLater(1, () => console.log("cancel:", B(l.cancel())));
  console.log("result:", fmt(await l.runUntilComplete()), vl.time().toFixed(3));
});

console.log("-- cancel from the gathered coroutine itself");
loop = new Loop({ loop: VirtualLoop() });
function* nukeLoop() {
  console.log("nuke:", B(loop.cancel()));
  return "never seen";
}
loop.gather(nukeLoop());
withLoop(loop, (lo) => console.log("result:", fmt(lo.runUntilCompleteSync())));

console.log("-- cancel when done, and running again");
vl = VirtualLoop();
loop = new Loop(job("a", 1), { loop: vl });
withLoop(loop, (l) => {
  console.log("result:", fmt(l.runUntilCompleteSync()));
  console.log("cancel:", B(l.cancel()));
  console.log("again:", fmt(l.runUntilCompleteSync()), vl.time().toFixed(3));
});
try {
  loop.runUntilCompleteSync();
} catch (e) {
  if (!(e instanceof RuntimeError)) throw e;
  console.log("after the with block:", ename(e));
}

console.log("-- a child cancelled on its own");
vl = VirtualLoop();
child = vl.createTask(job("a", 3));
withLoop(new Loop(child, job("b", 2), { loop: vl, stopWhenDone: false }), (l) => {
  vl.callLater(1, () => child.cancel());
  console.log("result:", fmt(l.runUntilCompleteSync()), vl.time().toFixed(3));
});
child = vl.createTask(job("c", 3));
withLoop(new Loop(child, job("d", 2), { loop: vl, returnExceptions: true }), (l) => {
  vl.callLater(0.5, () => child.cancel());
  console.log("result:", fmt(l.runUntilCompleteSync()), vl.time().toFixed(3));
});

console.log("-- a Future and the current event loop");
vl = VirtualLoop();
setEventLoop(vl);
const fut = vl.createFuture();
withLoop(new Loop(fut), (l) => {
  console.log("current loop:", B(Loop.getEventLoop() === vl), "futures is fut:", B(l.futures === fut));
  vl.callLater(2, () => fut.setResult("set"));
  console.log("result:", fmt(l.runUntilCompleteSync()), vl.time().toFixed(3));
});
console.log("closed:", B(vl.isClosed()));
setEventLoop(null);
