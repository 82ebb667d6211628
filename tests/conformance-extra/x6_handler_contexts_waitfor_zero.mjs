// The exception handler's contexts (message and sorted keys only) for a callback that raises
// and a direct call_exception_handler (a Task's retrieved exception reports nothing);
// wait_for with timeout 0 on an already-done future and on a pending one; Event.wait and
// Condition.wait inside asyncio.timeout(); Queue.join with task_done from several workers,
// one of them cancelled mid-item.
import { EventLoop, sleep, waitFor, timeout, asyncWith, createTask, Event, Condition, Queue, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function handler(lp, ctx) {
  console.log("  handler:", ctx.message.split(" at ")[0], fmt(Object.keys(ctx).sort()),
    "exception" in ctx ? ename(ctx.exception) : "-");
}
loop.setExceptionHandler(handler);

function bad() {
  throw new ValueError("cb");
}

function* failing() {
  throw new ValueError("t");
}

function* main() {
  console.log("case 1: handler contexts");
  loop.callSoon(bad);
  yield* sleep(0);
  const t = createTask(failing());
  yield* sleep(0);
  console.log("  task failed:", fmt(t.exception()));
  loop.callExceptionHandler({ message: "custom", extra: 1 });
  yield* sleep(0);

  console.log("case 2: wait_for with timeout 0");
  const done = loop.createFuture();
  done.setResult("ready");
  console.log("  done future:", fmt(yield* waitFor(done, 0)), T());
  const pending = loop.createFuture();
  try {
    yield* waitFor(pending, 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  pending future:", ename(e), "cancelled", B(pending.cancelled()), T());
  }
  function* instant() {
    return "coro";
  }
  try {
    console.log("  coroutine:", fmt(yield* waitFor(instant(), 0)));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  coroutine:", ename(e), T());
  }

  console.log("case 3: Event and Condition inside timeout()");
  const ev = new Event();
  try {
    yield* asyncWith(timeout(0.5), function* () {
      yield* ev.wait();
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  event wait timed out", T());
  }
  loop.callLater(0.25, () => ev.set());
  yield* asyncWith(timeout(1), function* () {
    console.log("  event wait", fmt(yield* ev.wait()), T());
  });
  const cond = new Condition();
  yield* asyncWith(cond, function* () {
    try {
      yield* asyncWith(timeout(0.3), function* () {
        yield* cond.wait();
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("  cond wait timed out, locked", B(cond.locked()), T());
    }
  });
  function* notifier() {
    yield* sleep(0.1);
    yield* asyncWith(cond, function* () {
      cond.notifyAll();
    });
  }
  const nt = createTask(notifier());
  yield* asyncWith(cond, function* () {
    yield* asyncWith(timeout(2), function* () {
      console.log("  cond wait", fmt(yield* cond.wait()), "locked", B(cond.locked()), T());
    });
  });
  yield* nt;

  console.log("case 4: Queue.join with several workers, one cancelled");
  const q = new Queue();
  for (let i = 0; i < 6; i++) q.putNowait(i);
  function* worker(name, d) {
    while (true) {
      const item = yield* q.get();
      try {
        yield* sleep(d);
        console.log("  ", name, "did", item, T());
      } finally {
        q.taskDone();
      }
    }
  }
  const w1 = createTask(worker("w1", 0.3));
  const w2 = createTask(worker("w2", 0.7));
  loop.callLater(0.5, () => w2.cancel());
  yield* q.join();
  console.log("  joined", T(), "empty", B(q.empty()), "w2 cancelled", B(w2.cancelled()));
  w1.cancel();
  yield* sleep(0);
}

loop.runUntilCompleteSync(main());
loop.close();
