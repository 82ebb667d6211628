// Cancel messages: Future.cancel(msg) reaches the awaiting coroutine; Task.cancel(msg) travels
// down a chain of awaited tasks to the future at the bottom (at once); a coroutine may replace
// the CancelledError it re-raises; two cancels before a step keep the later message, while a
// cancel of an already-cancelled waiter keeps the first; a task that cancels itself and returns
// is cancelled with its message.
import { EventLoop, sleep, currentTask, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* bottom(fut) {
  try {
    return yield* fut;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("bottom got", fmt(e), T());
    throw e;
  }
}

function* middle(fut) {
  try {
    return yield* loop.createTask(bottom(fut));
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("middle got", fmt(e), T());
    throw e;
  }
}

function* replacer() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("replacer got", fmt(e), T());
    throw new CancelledError("replaced");
  }
}

function* show(name, d) {
  try {
    yield* sleep(d);
    console.log(name, "slept");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log(name, "got", fmt(e), T());
    throw e;
  }
}

function* selfCanceller() {
  currentTask().cancel("self");
  console.log("self_canceller goes on", T());
  return "ignored";
}

function* awaitAndShow(name, aw) {
  try {
    yield* aw;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log(name, "got", fmt(e), T());
  }
}

function* main() {
  const f = loop.createFuture();
  loop.callLater(0.5, (m) => f.cancel(m), "from timer");
  yield* awaitAndShow("main on f", f);

  const f2 = loop.createFuture();
  const top = loop.createTask(middle(f2));
  yield* sleep(1);
  console.log("cancel top", B(top.cancel("stop chain")));
  console.log("f2 cancelled at once", B(f2.cancelled()));
  yield* awaitAndShow("main on top", top);
  console.log("top cancelled", B(top.cancelled()));

  const r = loop.createTask(replacer());
  yield* sleep(0.5);
  r.cancel("orig");
  yield* awaitAndShow("main on replacer", r);

  let t = loop.createTask(show("twice-early", 1));
  console.log("cancel 1", B(t.cancel("first")), "cancel 2", B(t.cancel("second")));
  yield* awaitAndShow("main on twice-early", t);

  t = loop.createTask(show("twice-waiting", 1));
  yield* sleep(0.25);
  console.log("cancel 1", B(t.cancel("first")), "cancel 2", B(t.cancel("second")));
  yield* awaitAndShow("main on twice-waiting", t);

  t = loop.createTask(show("bare-yield", 0));
  yield* sleep(0);
  t.cancel("during sleep(0)");
  yield* awaitAndShow("main on bare-yield", t);

  const s = loop.createTask(selfCanceller());
  yield* awaitAndShow("main on self_canceller", s);
  console.log("self_canceller cancelled", B(s.cancelled()), T());
}

await loop.runUntilComplete(main());
loop.close();
