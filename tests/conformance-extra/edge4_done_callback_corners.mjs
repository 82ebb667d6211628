// done callbacks, the less-travelled corners, with the loop iteration of every event: a task
// is done (and shows its result, exception or cancellation) inside its own done callback,
// where currentTask() is null; one registered before a waiter started waiting runs before
// the waiter's wake-up, one registered after runs after it; the same function twice runs
// twice and removeDoneCallback of another counts 2; removeDoneCallback from inside a
// callback of the same, already done future returns 0 and the queued callback still runs;
// a callback adding callbacks to its own (done) future and to a pending one it then
// completes; failing callbacks (ValueError, CancelledError, the future's own exception
// re-raised) reach the handler with message/exception/handle, in place, while the later
// callbacks of the same future still run; a handler that completes another future.
import { EventLoop, Handle, sleep, currentTask, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const it = [0];
const gen = [0];
function tick(g) {
  if (g !== gen[0]) return;
  it[0] += 1;
  loop.callSoon(tick, g);
}
function startTicks() {
  it[0] = 0;
  gen[0] += 1;
  loop.callSoon(tick, gen[0]);
}
function stopTicks() {
  gen[0] += 1;
}
const say = (...a) => console.log(`[it ${it[0]}]`, ...a);

const side = {};
function handler(lp, ctx) {
  const exc = ctx.exception;
  say("handler keys", Object.keys(ctx).sort().join(","), "exc", fmt(exc), "same object", B(exc === side.exc),
    "handle", B(ctx.handle instanceof Handle), "msg", B(ctx.message.startsWith("Exception in callback")));
  if ("complete" in side) {
    const f = side.complete;
    delete side.complete;
    f.setResult("from handler");
  }
}
loop.setExceptionHandler(handler);

function state(t) {
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return "exception " + fmt(t.exception());
  return "result " + fmt(t.result());
}

function* ok(v) {
  yield* sleep(0);
  return v;
}
function* bad(v) {
  yield* sleep(0);
  throw new ValueError(v);
}

function* main() {
  startTicks();
  for (const coro of [ok("fine"), bad("broken")]) {
    const t = loop.createTask(coro);
    t.addDoneCallback((t) => say("own callback: done", B(t.done()), state(t), "current", fmt(currentTask())));
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
    }
  }
  let t = loop.createTask(ok("never"));
  t.addDoneCallback((t) => say("own callback: done", B(t.done()), state(t), "current", fmt(currentTask())));
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    say("main saw the cancel");
  }

  const src = loop.createFuture();
  src.addDoneCallback((f) => say("early callback"));
  function* waiter() {
    const v = yield* src;
    say("waiter woke with", fmt(v));
  }
  const w = loop.createTask(waiter());
  yield* sleep(0);
  src.addDoneCallback((f) => say("late callback"));
  loop.callSoon((v) => src.setResult(v), "s");
  yield* w;

  const f = loop.createFuture();
  const twice = (fut) => say("twice", fmt(fut.result()));
  const other = (fut) => say("other must not run");
  f.addDoneCallback(twice);
  f.addDoneCallback(other);
  f.addDoneCallback(twice);
  f.addDoneCallback(other);
  say("removed other", f.removeDoneCallback(other));
  const remover = (fut) => say("remover removes late:", fut.removeDoneCallback(late));
  const late = (fut) => say("late still runs");
  f.addDoneCallback(remover);
  f.addDoneCallback(late);
  f.setResult("F");
  yield* sleep(0);
  yield* sleep(0);

  const a = loop.createFuture();
  const b = loop.createFuture();
  function grow(fut) {
    say("grow: adding to a and b, then completing b");
    a.addDoneCallback(() => say("added to done a"));
    b.addDoneCallback(() => say("added to pending b"));
    b.setResult("b");
    a.addDoneCallback(() => say("added to done a after b completed"));
  }
  a.addDoneCallback(grow);
  a.addDoneCallback(() => say("a's second callback"));
  loop.callSoon((v) => a.setResult(v), "a");
  yield* b;
  say("main woke from b");
  yield* sleep(0);

  const e = loop.createFuture();
  const cbsDone = loop.createFuture();
  const err = new ValueError("cb one");
  function fail1(fut) {
    side.exc = err;
    say("fail1");
    throw err;
  }
  function fail2(fut) {
    side.exc = null;
    say("fail2");
    throw new CancelledError("cb two");
  }
  function reraise(fut) {
    side.exc = fut.exception();
    say("reraise");
    fut.result();
  }
  const fine = (fut) => say("fine");
  e.addDoneCallback(fine);
  e.addDoneCallback(fail1);
  e.addDoneCallback(fine);
  e.addDoneCallback(fail2);
  e.addDoneCallback(reraise);
  e.addDoneCallback(fine);
  e.addDoneCallback(() => cbsDone.setResult(null));
  const otherF = loop.createFuture();
  side.complete = otherF;
  otherF.addDoneCallback((f) => say("handler-completed future callback", fmt(f.result())));
  loop.callSoon((x) => e.setException(x), new ValueError("e itself"));
  yield* cbsDone;
  say("main after callbacks");
  yield* sleep(0);
  yield* sleep(0);
  stopTicks();
  console.log("end", T());
}

loop.runUntilCompleteSync(main());
loop.close();
