// The seed's coroutine examples on virtual time: hello world run by runUntilComplete (a
// coroutine does nothing until the loop runs it), displayDate looping on sleep() until an
// end time, compute/printSum chained with yield* (values, an exception propagating through
// the chain to the task and to runUntilComplete), two chains as interleaving tasks, and a
// closed loop refusing to run.
import { EventLoop, RuntimeError, setEventLoop, sleep, ensureFuture, isCoroutine, isFuture } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
setEventLoop(loop);

function* helloWorld() {
  console.log("Hello World!", T(), "running:", B(loop.isRunning()));
  return "hw";
}

console.log("-- hello world coroutine");
let c = helloWorld();
console.log("iscoroutine:", B(isCoroutine(c)), "isfuture:", B(isFuture(c)), "nothing printed yet");
console.log("result:", fmt(loop.runUntilCompleteSync(c)), T(), "running:", B(loop.isRunning()));

console.log("-- display the date every step seconds for 5 seconds");
function* displayDate(loop, step) {
  const endTime = loop.time() + 5.0;
  let n = 0;
  for (;;) {
    console.log("date", T());
    n += 1;
    if (loop.time() + step >= endTime) break;
    yield* sleep(step);
  }
  return n;
}
console.log("ticks:", loop.runUntilCompleteSync(displayDate(loop, 1)), T());
console.log("ticks:", loop.runUntilCompleteSync(displayDate(loop, 1.5)), T());

console.log("-- chain coroutines");
function* compute(x, y) {
  console.log(`Compute ${x} + ${y} ...`, T());
  yield* sleep(1.0);
  if (y < 0) throw new ValueError(`negative ${y}`);
  return x + y;
}

function* printSum(x, y) {
  const result = yield* compute(x, y);
  console.log(`${x} + ${y} = ${result}`, T());
  return result;
}

let t = loop.createTask(printSum(1, 2));
console.log("task done before the run:", B(t.done()));
console.log("value:", loop.runUntilCompleteSync(t), "done:", B(t.done()), fmt(t.result()), T());

console.log("-- an exception in the inner coroutine propagates");
t = loop.createTask(printSum(1, -2));
try {
  loop.runUntilCompleteSync(t);
} catch (e) {
  if (!(e instanceof ValueError)) throw e;
  console.log("raised", fmt(e), T());
}
console.log("task exception:", fmt(t.exception()), "cancelled:", B(t.cancelled()));

function* guarded(x, y) {
  try {
    return yield* printSum(x, y);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("caught in guarded:", fmt(e), T());
    return -1;
  }
}
console.log("guarded:", loop.runUntilCompleteSync(guarded(2, -5)), T());

console.log("-- two chains as tasks interleave");
function* main() {
  const a = ensureFuture(printSum(3, 4));
  yield* sleep(0.5);
  const b = ensureFuture(printSum(5, 6));
  console.log("a done:", B(a.done()), "b done:", B(b.done()), T());
  const ra = yield* a;
  console.log("a awaited", T(), "b done:", B(b.done()));
  return [ra, yield* b];
}
console.log("main:", fmt(loop.runUntilCompleteSync(main())), T());
loop.close();
c = helloWorld();
try {
  loop.runUntilCompleteSync(c);
} catch (e) {
  if (!(e instanceof RuntimeError)) throw e;
  console.log("run on a closed loop:", ename(e));
}
c.return();
