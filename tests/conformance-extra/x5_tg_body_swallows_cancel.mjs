// A child fails while the group's body awaits a plain Future. The body catches the
// CancelledError the group sends it and returns normally: the group still raises its
// ExceptionGroup, the parent's cancel request is withdrawn, and a second group in the same
// task works normally afterwards. A body that swallows the cancel and then awaits again
// sleeps on until it finishes by itself (the group cancels only once).
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, currentTask, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* child(name, d, fail = false) {
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

function* main() {
  const me = currentTask();
  const fut = loop.createFuture();
  console.log("case 1: body swallows and returns");
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(child("a", 1, true));
      tg.createTask(child("b", 5));
      try {
        yield* fut;
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        console.log("  body swallowed cancel", T(), "cancelling", me.cancelling());
      }
      console.log("  body returns", T());
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("  caught", ename(eg), String(eg), fmt(eg.exceptions.map(fmt)), T());
  }
  console.log("  fut cancelled:", B(fut.cancelled()), "cancelling", me.cancelling());

  console.log("case 2: body swallows and sleeps again");
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(child("c", 1, true));
      try {
        yield* sleep(3);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        console.log("  body swallowed cancel", T());
      }
      yield* sleep(2);
      console.log("  body slept again", T());
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("  caught", String(eg), fmt(eg.exceptions.map(fmt)), T());
  }
  console.log("  cancelling", me.cancelling());

  console.log("case 3: a fresh group afterwards");
  let t;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    t = tg.createTask(child("d", 0.5));
  });
  console.log("  result", fmt(t.result()), T());
}

loop.runUntilCompleteSync(main());
loop.close();
