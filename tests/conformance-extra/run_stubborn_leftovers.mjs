// run() waits for every leftover to really end: one that catches the cancellation and keeps
// working for a while (run() waits, time moves on), one blocked on a future nobody will
// complete, one awaiting another leftover; the exception handler hears only about real
// failures (not cancellations, not a swallowed cancel).
import { run, sleep, createTask, getRunningLoop, CancelledError } from "wasmloop";
const T = () => getRunningLoop().time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function handler(loop, context) {
  console.log("handler:", context.message, fmt(context.exception));
}

function* stubborn() {
  try {
    yield* sleep(100);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
  }
  yield* sleep(2);
  console.log("stubborn finishes its work", T());
  return "done anyway";
}

function* blocked(fut) {
  try {
    yield* fut;
  } finally {
    yield* sleep(0.3);
    console.log("blocked task sees future cancelled:", B(fut.cancelled()), T());
  }
}

function* dependent(other) {
  try {
    yield* other;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    yield* sleep(0.6);
    console.log("dependent saw its dependency end, done:", B(other.done()), T());
    throw e;
  }
}

let tasks;
function* main() {
  getRunningLoop().setExceptionHandler(handler);
  const fut = getRunningLoop().createFuture();
  const s = createTask(stubborn());
  const b = createTask(blocked(fut));
  const d = createTask(dependent(b));
  tasks = [s, b, d];
  yield* sleep(0.5);
  console.log("main returns", T());
  return 1;
}

console.log("run ->", await run(main(), { clock: "virtual" }));
console.log("outcomes:", fmt(tasks.map((t) => (t.cancelled() ? "cancelled" : t.result()))));
