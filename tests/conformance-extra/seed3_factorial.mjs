// The seed's parallel factorials on virtual time, with distinct steps so no two timers share
// a deadline: through gather (results in argument order, whatever the finishing order),
// through ensureFuture + wait (done/pending sets), wait FIRST_COMPLETED with a timeout,
// gather with returnExceptions (a failing factorial is a value), gather without it (the
// first failure is raised while the others go on; cancel() of the done gather is false), and
// cancelling a gather (every child that is not done is cancelled).
import { EventLoop, setEventLoop, sleep, ensureFuture, gather, wait, FIRST_COMPLETED, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
setEventLoop(loop);

function* factorial(name, number, step) {
  let f = 1;
  for (let i = 2; i <= number; i++) {
    console.log(`Task ${name}: Compute factorial(${i})... ${T()}`);
    yield* sleep(step);
    f *= i;
  }
  if (number < 0) {
    yield* sleep(step);
    console.log(`Task ${name}: negative ${T()}`);
    throw new ValueError(`factorial(${number})`);
  }
  console.log(`Task ${name}: factorial(${number}) = ${f} ${T()}`);
  return f;
}

console.log("-- gather");
let g = gather(factorial("A", 2, 1), factorial("B", 3, 0.75), factorial("C", 4, 0.625));
console.log("gather done before the run:", B(g.done()));
console.log("results:", fmt(loop.runUntilCompleteSync(g)), T());

console.log("-- ensure_future + wait");
let tasks = [ensureFuture(factorial("A", 2, 1)), ensureFuture(factorial("B", 3, 0.75)), ensureFuture(factorial("C", 4, 0.625))];
let [done, pending] = loop.runUntilCompleteSync(wait(tasks));
console.log("done:", done.size, "pending:", pending.size, "results:", fmt(tasks.map((t) => t.result())), T());

console.log("-- wait FIRST_COMPLETED, then a timeout");
function* firstCompleted() {
  const tasks = [["A", 3, 1], ["B", 2, 1.25], ["C", 5, 0.375]].map(([n, k, s]) => ensureFuture(factorial(n, k, s)));
  let [done, pending] = yield* wait(tasks, { returnWhen: FIRST_COMPLETED });
  console.log("first:", fmt([...done].map((t) => t.result())), "pending:", pending.size, T());
  [done, pending] = yield* wait(pending, { timeout: 0.625 });
  console.log("after timeout: done", done.size, "pending", pending.size, T());
  [done, pending] = yield* wait(pending);
  console.log("all:", fmt(tasks.map((t) => t.result())), T());
}
loop.runUntilCompleteSync(firstCompleted());

console.log("-- gather with return_exceptions");
const res = loop.runUntilCompleteSync(
  gather(factorial("A", 3, 0.5), factorial("N", -1, 0.75), factorial("B", 2, 1.25), { returnExceptions: true }),
);
console.log("results:", fmt(res), T());

console.log("-- gather without return_exceptions");
function* noReturnExceptions() {
  const a = ensureFuture(factorial("A", 4, 0.5));
  const g = gather(a, factorial("N", -1, 0.25));
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("raised", fmt(e), T(), "a done:", B(a.done()), "gather done:", B(g.done()));
  }
  console.log("cancel the done gather:", B(g.cancel()), "a cancelled:", B(a.cancelled()));
  console.log("a still finishes:", yield* a, T());
}
loop.runUntilCompleteSync(noReturnExceptions());

console.log("-- cancelling the gather cancels its children");
function* cancelGather() {
  const a = ensureFuture(factorial("A", 2, 0.25));
  const b = ensureFuture(factorial("B", 5, 0.5));
  const g = gather(a, b);
  yield* sleep(0.75);
  console.log("cancel:", B(g.cancel()), "a done:", B(a.done()), "b cancelled:", B(b.cancelled()), T());
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("gather raised", ename(e), "cancelled:", B(g.cancelled()), "b cancelled:", B(b.cancelled()), T());
  }
  console.log("a result:", a.result(), "cancel again:", B(g.cancel()));
}
loop.runUntilCompleteSync(cancelGather());
console.log("end", T());
