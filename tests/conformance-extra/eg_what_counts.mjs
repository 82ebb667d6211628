// What goes into a TaskGroup's ExceptionGroup and what does not: a child cancelled directly
// (by its own task.cancel()) is not an error and the group goes on; a child that raises
// CancelledError by itself ends cancelled and is not an error either; a child that returns an
// error object instead of throwing it succeeds; a child's TimeoutError is an error like any
// other, and the group keeps the failures in the order the children failed.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, timeout, CancelledError, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const tree = (e, ind = "  ") => {
  if (e == null) console.log(ind + "None");
  else if (e instanceof ExceptionGroup) {
    console.log(ind + `${ename(e)}('${e.message}') [${e.exceptions.length}]`);
    for (const x of e.exceptions) tree(x, ind + "  ");
  } else console.log(ind + fmt(e));
};

function* sleeper(d) {
  yield* sleep(d);
  return `slept ${d}`;
}

function* raisesCancelled() {
  yield* sleep(0.25);
  throw new CancelledError("by itself");
}

function* returnsException() {
  yield* sleep(0.5);
  return new ValueError("returned, not raised");
}

function* timesOut() {
  yield* asyncWith(timeout(1), function* () {
    yield* sleep(5);
  });
}

function* failsLater() {
  try {
    yield* sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    throw new RuntimeError("while being cancelled");
  }
}

function* main() {
  let direct, itself, returned;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    direct = tg.createTask(sleeper(10));
    itself = tg.createTask(raisesCancelled());
    returned = tg.createTask(returnsException());
    yield* sleep(0.1);
    direct.cancel();
  });
  console.log("first group ended normally", T());
  console.log("  direct cancelled", B(direct.cancelled()), "| itself cancelled", B(itself.cancelled()), "| returned:", fmt(returned.result()));
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(timesOut());
      tg.createTask(failsLater());
      tg.createTask(sleeper(0.5));
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("second group", T());
    tree(eg);
    console.log("  timeout cause:", ename(eg.exceptions[0].cause));
  }
}

loop.runUntilCompleteSync(main());
loop.close();
