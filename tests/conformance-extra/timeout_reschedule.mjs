// Timeout.reschedule: later (the old deadline passes without effect), earlier, to null (never),
// from null back to a time, to a time already past (expires at the next iteration), and from
// another task. And the RuntimeErrors: before entering, while expiring (the body caught the
// cancellation), after expiry, after a normal exit.
import { EventLoop, sleep, timeout, timeoutAt, asyncWith, getRunningLoop, CancelledError, TimeoutError, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const W = (w) => (w == null ? "None" : w.toFixed(3));

function tryReschedule(tag, cm, when) {
  try {
    cm.reschedule(when);
    console.log("  ", tag, "-> ok, when", W(cm.when()));
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("  ", tag, "->", ename(e), e.message);
  }
}

function* timed(label, makeCm, body) {
  const cm = makeCm();
  try {
    yield* asyncWith(cm, function* () {
      yield* body(cm);
    });
    console.log("  ", label, "ended normally", T(), String(cm));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  ", label, "TimeoutError", T(), String(cm));
  }
  return cm;
}

function* main() {
  const loop = getRunningLoop();
  console.log("later:");
  function* later(cm) {
    cm.reschedule(loop.time() + 3);
    yield* sleep(2);
    console.log("  old deadline passed", T(), String(cm));
    yield* sleep(5);
  }
  yield* timed("later", () => timeout(1), later);
  console.log("earlier:");
  function* earlier(cm) {
    cm.reschedule(loop.time() + 0.5);
    yield* sleep(5);
  }
  yield* timed("earlier", () => timeout(10), earlier);
  console.log("off and on again:");
  function* offOn(cm) {
    cm.reschedule(null);
    console.log("  ", String(cm));
    yield* sleep(3);
    cm.reschedule(loop.time() + 0.25);
    yield* sleep(3);
  }
  yield* timed("off and on", () => timeout(1), offOn);
  console.log("into the past:");
  function* past(cm) {
    yield* sleep(0.5);
    cm.reschedule(loop.time() - 100);
    console.log("  rescheduled into the past", String(cm));
    yield* sleep(0);
    console.log("  never printed");
  }
  yield* timed("past", () => timeoutAt(null), past);
  console.log("from another task:");
  const box = [];
  function* waiting(cm) {
    box.push(cm);
    yield* sleep(10);
  }
  const t = loop.createTask(timed("other", () => timeout(1), waiting));
  yield* sleep(0.5);
  box[0].reschedule(loop.time() + 2);
  yield* t;
  console.log("errors:");
  let cm = timeout(1);
  tryReschedule("not entered", cm, 5);
  function* expiring(cm) {
    try {
      yield* sleep(5);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      tryReschedule("expiring", cm, loop.time() + 10);
      throw e;
    }
  }
  cm = yield* timed("expiring", () => timeout(1), expiring);
  tryReschedule("expired", cm, loop.time() + 10);
  function* quick(cm) {
    yield* sleep(0.1);
  }
  cm = yield* timed("quick", () => timeout(1), quick);
  tryReschedule("finished", cm, null);
}

loop.runUntilCompleteSync(main());
loop.close();
