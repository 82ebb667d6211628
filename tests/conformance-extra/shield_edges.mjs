// shield, the finer points: a done awaitable comes back as it is; the inner's result and
// exception pass through; the inner cancelled by other means cancels the shield; cancelling
// the shield leaves the inner running; shield around gather and gather of shields; a shielded
// coroutine runs in its own task and finishes after the waiter is cancelled.
import { EventLoop, sleep, shield, gather, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* work(name, d, fail = false) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log(name, "cancelled", T());
    throw e;
  }
  if (fail) throw new ValueError(name);
  console.log(name, "finished", T());
  return name;
}

function* main() {
  const done = loop.createFuture();
  done.setResult("ready");
  console.log("done returned as is", B(shield(done) === done));

  console.log("result", fmt(yield* shield(work("r", 0.1))), T());
  try {
    yield* shield(work("e", 0.1, true));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("exception", fmt(e), T());
  }

  let inner = loop.createTask(work("inner", 1));
  let outer = shield(inner);
  yield* sleep(0.2);
  inner.cancel();
  try {
    yield* outer;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("outer cancelled", B(outer.cancelled()), T());
  }

  inner = loop.createTask(work("kept", 1));
  outer = shield(inner);
  yield* sleep(0.2);
  console.log("cancel shield", B(outer.cancel()), "inner done", B(inner.done()));
  console.log("kept", fmt(yield* inner), T(), "outer cancelled", B(outer.cancelled()));

  let parent = gather(work("g1", 0.3), work("g2", 0.5));
  outer = shield(parent);
  yield* sleep(0.1);
  outer.cancel();
  console.log("gather under shield", fmt(yield* parent), T());

  const c1 = loop.createTask(work("c1", 0.3));
  const c2 = loop.createTask(work("c2", 0.5));
  parent = gather(shield(c1), shield(c2));
  yield* sleep(0.1);
  parent.cancel();
  try {
    yield* parent;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("gather of shields cancelled", T(), "children cancelled", B(c1.cancelled()), B(c2.cancelled()));
  }
  console.log("shielded children", fmt([yield* c1, yield* c2]), T());

  function* waiter() {
    try {
      return yield* shield(work("bg", 1));
    } catch (e) {
      if (e instanceof CancelledError) console.log("waiter cancelled", T());
      throw e;
    }
  }
  const w = loop.createTask(waiter());
  yield* sleep(0.5);
  w.cancel();
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
  }
  yield* sleep(1);
  console.log("end", T());
}

loop.runUntilCompleteSync(main());
loop.close();
