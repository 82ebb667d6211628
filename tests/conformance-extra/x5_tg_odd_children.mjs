// Children that end in unusual ways: one raises CancelledError by itself, one is cancelled
// by a sibling, one swallows the group's cancellation and returns a value, one raises from
// its cleanup. A cancelled child never counts as an error; a child that swallows the cancel
// keeps its result; the error from cleanup joins the ExceptionGroup after the trigger. A
// finished group refuses new tasks and cannot be entered again.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, CancelledError, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m); this.name = "KeyError"; } }
const kfmt = (e) => (e instanceof KeyError ? `KeyError: '${e.message}'` : fmt(e));   // str(KeyError('x')) is "'x'"
const st = (t) => t.cancelled() ? "cancelled" : t.exception() != null ? "error " + kfmt(t.exception()) : "result " + fmt(t.result());

function* selfCancel() {
  yield* sleep(0.5);
  console.log("  self_cancel raises CancelledError", T());
  throw new CancelledError("by itself");
}

function* victim() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  victim cancelled", T());
    throw e;
  }
}

function* killer(t) {
  yield* sleep(1);
  console.log("  killer cancels victim", B(t.cancel()), T());
  return "killed";
}

function* stubborn() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  stubborn swallows", T());
  }
  yield* sleep(0.25);
  return "stubborn result";
}

function* messy() {
  try {
    yield* sleep(10);
  } finally {
    yield* sleep(0.5);
    console.log("  messy raises in cleanup", T());
    throw new KeyError("cleanup");
  }
}

function* trigger() {
  yield* sleep(2);
  console.log("  trigger raises", T());
  throw new ValueError("trigger");
}

function* main() {
  let a, v, k, s, m, t;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    a = tg.createTask(selfCancel());
    v = tg.createTask(victim());
    k = tg.createTask(killer(v));
  });
  console.log("round 1 ok", T(), st(a), "|", st(v), "|", st(k));

  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      s = tg.createTask(stubborn());
      m = tg.createTask(messy());
      t = tg.createTask(trigger());
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("round 2", String(eg), `[${eg.exceptions.map((e) => kfmt(e).includes("'") ? `"${kfmt(e)}"` : `'${kfmt(e)}'`).join(", ")}]`, T());
  }
  console.log("  ", st(s), "|", st(m), "|", st(t));

  const tg = new TaskGroup();
  yield* asyncWith(tg, function* () {});
  const coro = victim();
  try {
    tg.createTask(coro);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("after exit:", ename(e), B(e.message.includes("finished")));
  }
  try {
    yield* asyncWith(tg, function* () {});
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("re-enter:", ename(e), B(e.message.includes("already been entered")));
  }
}

loop.runUntilCompleteSync(main());
loop.close();
