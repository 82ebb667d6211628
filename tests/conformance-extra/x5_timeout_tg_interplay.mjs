// timeout() and TaskGroup together. (1) The timeout expires while the group's body waits:
// children are cancelled and TimeoutError comes out. (2) A child fails first and its
// sibling's cleanup outlasts the deadline: the group's ExceptionGroup comes out, not
// TimeoutError, and the timeout still counts as expired. (3) The deadline cancels the
// children and one of them raises from its cleanup: that error comes out in an
// ExceptionGroup. (4) A timeout inside a child only ends that child. cancelling() is 0
// after each case.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, timeout, currentTask, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m); this.name = "KeyError"; } }

function* child(name, d, fail = false, cleanup = 0, cleanupError = false) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  ", name, "cancelled", T());
    if (cleanup) {
      yield* sleep(cleanup);
      console.log("  ", name, "cleaned up", T());
    }
    if (cleanupError) throw new KeyError(name);
    throw e;
  }
  if (fail) {
    console.log("  ", name, "raises", T());
    throw new ValueError(name);
  }
  console.log("  ", name, "done", T());
  return name;
}

function* timedChild(name, limit, d) {
  try {
    yield* asyncWith(timeout(limit), function* () {
      yield* sleep(d);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  ", name, "timed out inside", T());
    return "timed out";
  }
  return "in time";
}

function* plain(title, limit, make) {
  const me = currentTask();
  console.log(title);
  let cm;
  try {
    yield* asyncWith(timeout(limit), function* (c) {
      cm = c;
      yield* asyncWith(new TaskGroup(), function* (tg) {
        make(tg);
        yield* sleep(10);
      });
    });
  } catch (e) {
    if (e instanceof TimeoutError) console.log("  TimeoutError", T());
    else if (e instanceof ExceptionGroup) {
      console.log("  ExceptionGroup", fmt(e.exceptions.map((x) => (x instanceof KeyError ? `KeyError: '${x.message}'` : fmt(x))))
        .replace(/'(KeyError: '[^']*')'/g, '"$1"'), T());
    } else throw e;
  }
  console.log("  expired", B(cm.expired()), "cancelling", me.cancelling());
}

function* main() {
  yield* plain("case 1", 1, (tg) => { tg.createTask(child("a", 5)); tg.createTask(child("b", 0.5)); });
  yield* plain("case 2", 1, (tg) => { tg.createTask(child("c", 0.25, true)); tg.createTask(child("d", 5, false, 1.5)); });
  yield* plain("case 3", 1, (tg) => { tg.createTask(child("e", 5, false, 0.5, true)); tg.createTask(child("f", 0.5)); });
  console.log("case 4");
  let x, y;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    x = tg.createTask(timedChild("x", 0.5, 2));
    y = tg.createTask(timedChild("y", 2, 0.75));
  });
  console.log("  ", x.result(), y.result(), T(), "cancelling", currentTask().cancelling());
}

loop.runUntilCompleteSync(main());
loop.close();
