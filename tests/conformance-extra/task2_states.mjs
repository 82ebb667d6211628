// result()/exception() of futures and tasks in every state; a task cancelled before its first
// step never runs its body; cancel() of a done task is False; a failed task hands out the very
// exception object; setResult on a done future and on a task fail; the CancelledError a
// coroutine raised is handed out once with its message, later calls make a plain one.
import { EventLoop, sleep, gather, CancelledError, InvalidStateError, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function probe(label, fut) {
  for (const meth of ["result", "exception"]) {
    try {
      const v = fut[meth]();
      console.log(label, meth, "->", fmt(v));
    } catch (e) {
      console.log(label, meth, "raised", fmt(e));
    }
  }
}

function* body(log) {
  log.push("body started");
  try {
    yield* sleep(1);
    return "body done";
  } finally {
    log.push("finally");
  }
}

const err = new ValueError("task failed");
function* failing() {
  yield* sleep(0.5);
  throw err;
}

function* catchReraise() {
  try {
    yield* sleep(5);
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    throw e;
  }
}

function* waiter(name, t) {
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log(name, "got", fmt(e), T());
  }
}

function* main() {
  const f = loop.createFuture();
  probe("pending future", f);
  f.setResult(null);
  probe("future with None", f);
  try {
    f.setResult(1);
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    console.log("set_result on done future raised", ename(e));
  }
  try {
    f.setException(new ValueError("x"));
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    console.log("set_exception on done future raised", ename(e));
  }

  const log = [];
  const t = loop.createTask(body(log));
  probe("new task", t);
  console.log("cancel before first step", B(t.cancel()), "done", B(t.done()));
  yield* sleep(0);
  console.log("after one iteration: done", B(t.done()), "cancelled", B(t.cancelled()), "log", fmt(log));
  probe("cancelled-early task", t);
  console.log("cancel after done", B(t.cancel()), "cancelling", t.cancelling());

  const log2 = [];
  const t2 = loop.createTask(body(log2));
  const r = yield* t2;
  console.log("t2 returned", fmt(r), "log", fmt(log2), T());
  console.log("cancel finished task", B(t2.cancel()), "cancelled", B(t2.cancelled()), "cancelling", t2.cancelling());
  probe("finished task", t2);

  const t3 = loop.createTask(failing());
  try {
    yield* t3;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("await t3 raised the same object", B(e === err), T());
  }
  console.log("t3.exception() is err", B(t3.exception() === err));
  try {
    t3.result();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("t3.result() raised the same object", B(e === err));
  }
  try {
    t3.setResult(1);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("set_result on a task raised", ename(e));
  }
  try {
    t3.setException(new ValueError("y"));
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("set_exception on a task raised", ename(e));
  }

  const t4 = loop.createTask(catchReraise());
  const w1 = loop.createTask(waiter("w1", t4));
  const w2 = loop.createTask(waiter("w2", t4));
  yield* sleep(0.25);
  console.log("cancel t4", B(t4.cancel("msg4")));
  yield* gather(w1, w2);
  probe("t4", t4);
  console.log("end", T());
}

await loop.runUntilComplete(main());
loop.close();
