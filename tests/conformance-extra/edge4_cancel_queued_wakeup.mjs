// cancel() that lands after the awaited thing is complete but before the waiting task's
// wake-up runs, for each task function: the gather's children are done (gather.cancel() is
// false, the task's cancel() true: the task gets CancelledError, the gather keeps its
// list); the shield's inner is done but the outer is not yet (the outer cancel() is true,
// the inner keeps its result); wait()'s internal waiter is done; an asCompleted item's
// wake-up is queued (the CancelledError wins, and the completion stays for the next item);
// waitFor on a task whose done callback cancels the waiter before its wake-up. Each line
// shows the loop iteration, counted by a ticking callback.
import { EventLoop, sleep, gather, shield, wait, waitFor, asCompleted, CancelledError } from "wasmloop";
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

function* waiter(label, aw) {
  try {
    const r = yield* aw;
    say(label, "got", fmt(r));
  } catch (e) {
    if (e instanceof CancelledError) say(label, "cancelled", fmt(e));
    throw e;
  }
}

function* settle(t) {
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
  }
}

function* main() {
  startTicks();
  const a = loop.createFuture(), b = loop.createFuture();
  const g = gather(a, b);
  let w = loop.createTask(waiter("gather waiter", g));
  yield* sleep(0);
  loop.callSoon(() => {
    a.setResult(1);
    b.setResult(2);
    say("gather.cancel()", B(g.cancel("g")), "waiter.cancel()", B(w.cancel("w")));
  });
  yield* settle(w);
  say("gather done", B(g.done()), "result", fmt(g.result()), "waiter cancelled", B(w.cancelled()));

  const inner = loop.createFuture();
  const outer = shield(inner);
  w = loop.createTask(waiter("shield waiter", outer));
  yield* sleep(0);
  loop.callSoon(() => {
    inner.setResult("in");
    say("outer.cancel()", B(outer.cancel("o")));
  });
  yield* settle(w);
  say("outer cancelled", B(outer.cancelled()), "inner result", fmt(inner.result()));

  const c = loop.createFuture();
  w = loop.createTask(waiter("wait waiter", wait([c])));
  yield* sleep(0);
  loop.callSoon(() => {
    c.setResult("c");
    loop.callSoon(() => say("wait waiter.cancel()", B(w.cancel("ww"))));
  });
  yield* settle(w);
  say("wait waiter cancelled", B(w.cancelled()));

  const f1 = loop.createFuture(), f2 = loop.createFuture();
  const items = [...asCompleted([f1, f2])];
  w = loop.createTask(waiter("item waiter", items[0]));
  yield* sleep(0);
  loop.callSoon(() => {
    f1.setResult("f1");
    loop.callSoon(() => say("item waiter.cancel()", B(w.cancel("iw"))));
  });
  yield* settle(w);
  say("next item gets", fmt(yield* items[1]));
  f2.setResult("f2");

  const src = loop.createFuture();
  function* relay() {
    return "relay " + (yield* src);
  }
  const t = loop.createTask(relay());
  let w2;
  t.addDoneCallback(() => say("t's callback: cancel", B(w2.cancel("wf"))));
  w2 = loop.createTask(waiter("wait_for waiter", waitFor(t, 10)));
  yield* sleep(0);
  loop.callSoon((v) => src.setResult(v), "s");
  yield* settle(w2);
  say("wait_for waiter cancelled", B(w2.cancelled()), "t result", fmt(t.result()));
  stopTicks();
  console.log("end", T());
}

loop.runUntilCompleteSync(main());
loop.close();
