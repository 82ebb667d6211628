// Timeouts and TaskGroups combined. (1) A child fails while the body waits inside a nested
// timeout: the timeout sees a cancellation that is not its own, stays unexpired and lets it
// through; the group raises the ExceptionGroup. (2) A timeout inside the body expires: the body
// catches TimeoutError and the group goes on with its children. (3) A group inside a timeout
// that expires while the body runs: children and body cancelled, TimeoutError outside. (4) The
// same while the group waits in its exit. (5) A child that fails while being cancelled by the
// timeout: the ExceptionGroup wins over TimeoutError. (6) A timeout inside a child.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, currentTask, timeout, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const strs = (xs) => `[${xs.map((x) => `'${x}'`).join(", ")}]`;

function* work(name, d, fail = false) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  ", name, "cancelled", T());
    throw e;
  }
  if (fail) {
    console.log("  ", name, "raises", T());
    throw new ValueError(name);
  }
  console.log("  ", name, "done", T());
  return name;
}

function* failsInFinally(name) {
  try {
    yield* sleep(10);
  } finally {
    console.log("  ", name, "raises in finally", T());
    throw new ValueError(name); // eslint-disable-line no-unsafe-finally
  }
}

function* timedChild(name, limit, d) {
  try {
    yield* asyncWith(timeout(limit), function* () {
      yield* sleep(d);
    });
    console.log("  ", name, "in time", T());
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  ", name, "timed out", T());
    throw e;
  }
}

function* attempt(label, coro) {
  console.log(label);
  const me = currentTask();
  try {
    const r = yield* coro;
    console.log("  ->", fmt(r), T());
  } catch (e) {
    if (e instanceof ExceptionGroup) console.log("  -> ExceptionGroup", strs(e.exceptions.map(fmt)), T());
    else if (e instanceof TimeoutError) console.log("  -> TimeoutError", T());
    else throw e;
  }
  console.log("  cancelling", me.cancelling());
}

function* one() {
  const cm = timeout(10);
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(work("child", 1, true));
      yield* asyncWith(cm, function* () {
        yield* sleep(5);
      });
    });
  } finally {
    console.log("  timeout expired", B(cm.expired()), String(cm));
  }
}

function* two() {
  let t;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    t = tg.createTask(work("child", 2));
    try {
      yield* asyncWith(timeout(1), function* () {
        yield* sleep(5);
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("  body timed out", T());
    }
  });
  return t.result();
}

function* three(bodyWaits) {
  yield* asyncWith(timeout(1), function* () {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(work("child", 5));
      if (bodyWaits) yield* work("body", 3);
    });
  });
  return "never";
}

function* five() {
  yield* asyncWith(timeout(1), function* () {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(failsInFinally("child"));
      yield* sleep(3);
    });
  });
}

function* six() {
  yield* asyncWith(new TaskGroup(), function* (tg) {
    tg.createTask(timedChild("fast", 1, 0.5));
    tg.createTask(timedChild("slow", 1, 3));
    tg.createTask(work("other", 2));
  });
}

function* main() {
  yield* attempt("(1) child fails inside a nested timeout", one());
  yield* attempt("(2) timeout inside the body", two());
  yield* attempt("(3) group inside a timeout, body waiting", three(true));
  yield* attempt("(4) group inside a timeout, exit waiting", three(false));
  yield* attempt("(5) child fails while the timeout cancels it", five());
  yield* attempt("(6) timeout inside a child", six());
}

loop.runUntilCompleteSync(main());
loop.close();
