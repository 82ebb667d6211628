// run_until_complete(coro) whose coroutine raises: the exception comes out of
// run_until_complete one iteration later (callbacks ready by then run first); the loop is
// not running afterwards and can be run again; CancelledError raised by the coroutine
// itself cancels its task; an exception caught inside the coroutine does not escape.
import { EventLoop, sleep, CancelledError } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class AppError extends Error {}

function cb(name, ...more) {
  console.log("run", name, "t=" + T());
  for (const m of more) loop.callSoon(cb, m);
}

function* inner(d, exc) {
  yield* sleep(d);
  throw exc;
}

function* failsLater() {
  loop.callSoon(cb, "scheduled at start");
  yield* sleep(1);
  loop.callSoon(cb, "scheduled right before raise", "its child");
  yield* inner(0.5, new AppError("deep failure"));
  console.log("never printed");
}

function* failsAtOnce() {
  loop.callSoon(cb, "scheduled by fails_at_once");
  throw new ValueError("immediately");
}

function* cancelsItself() {
  yield* sleep(0.25);
  throw new CancelledError();
}

function* recovers() {
  try {
    yield* inner(0.25, new ValueError("caught"));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("recovers caught", fmt(e), "t=" + T());
  }
  const fut = loop.createFuture();
  loop.callLater(0.5, (e) => fut.setException(e), new AppError("from future"));
  try {
    yield* fut;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    console.log("recovers caught", fmt(e), "t=" + T());
  }
  return "recovered";
}

async function attempt(label, aw) {
  try {
    const r = await loop.runUntilComplete(aw);
    console.log(label, "->", fmt(r), "t=" + T());
  } catch (e) {
    if (e instanceof CancelledError) console.log(label, "raised CancelledError t=" + T());
    else console.log(label, "raised", fmt(e), "t=" + T());
  }
  console.log("  running:", B(loop.isRunning()), "closed:", B(loop.isClosed()));
}

await attempt("fails_later", failsLater());
await attempt("fails_at_once", failsAtOnce());
const t = loop.createTask(cancelsItself());
t.addDoneCallback((f) => console.log("done cb: cancelled", B(f.cancelled()), "t=" + T()));
await attempt("cancels_itself", t);
console.log("task cancelled:", B(t.cancelled()), "done:", B(t.done()));
await attempt("recovers", recovers());
const t2 = loop.createTask(inner(0.5, new AppError("task failure")));
await attempt("task", t2);
console.log("task exception:", fmt(t2.exception()));
await attempt("task again", t2);
loop.close();
