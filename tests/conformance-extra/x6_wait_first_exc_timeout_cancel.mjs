// asyncio.wait with FIRST_EXCEPTION and a timeout, mixed with cancellation: the timeout ends the
// wait with nothing failed (pending tasks keep running); a failure before the timeout ends it at
// once; a task cancelled while waited on counts as done, not as an exception; cancelling the
// waiting task leaves the waited tasks running; as_completed with a timeout raises TimeoutError
// from the first unfinished item and leaves the rest running.
import { EventLoop, sleep, wait, asCompleted, createTask, FIRST_EXCEPTION, CancelledError, TimeoutError } from "wasmloop";
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
    if (e instanceof CancelledError) console.log("  ", name, "cancelled", T());
    throw e;
  }
  if (fail) throw new ValueError(name);
  return name;
}

const names = (s) => fmt([...s].map((t) => t.getName()).sort());

function* main() {
  console.log("case 1: timeout before any failure");
  const a = createTask(work("a", 0.5), { name: "a" });
  const b = createTask(work("b", 2, true), { name: "b" });
  let [done, pending] = yield* wait([a, b], { timeout: 1, returnWhen: FIRST_EXCEPTION });
  console.log("  done", names(done), "pending", names(pending), T());
  yield* sleep(1.25);
  console.log("  b after:", fmt(b.exception()), T());

  console.log("case 2: failure before the timeout");
  const c = createTask(work("c", 0.25, true), { name: "c" });
  const d = createTask(work("d", 3), { name: "d" });
  [done, pending] = yield* wait([c, d], { timeout: 1.5, returnWhen: FIRST_EXCEPTION });
  console.log("  done", names(done), "pending", names(pending), T());
  d.cancel();
  yield* sleep(0);

  console.log("case 3: a cancelled task is not an exception");
  const e = createTask(work("e", 0.75), { name: "e" });
  const f = createTask(work("f", 1.75), { name: "f" });
  loop.callLater(0.1, () => e.cancel());
  [done, pending] = yield* wait([e, f], { timeout: 1.1, returnWhen: FIRST_EXCEPTION });
  console.log("  done", names(done), "pending", names(pending), "e cancelled", B(e.cancelled()), T());
  yield* f;

  console.log("case 4: the waiter is cancelled");
  const g = createTask(work("g", 1.05), { name: "g" });
  function* waiter() {
    try {
      yield* wait([g], { timeout: 5, returnWhen: FIRST_EXCEPTION });
    } catch (e) {
      if (e instanceof CancelledError) console.log("  waiter cancelled", T());
      throw e;
    }
  }
  const w = createTask(waiter());
  yield* sleep(0.05);
  w.cancel();
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  w cancelled", B(w.cancelled()), "g done", B(g.done()), T());
  }
  console.log("  g result", fmt(yield* g), T());

  console.log("case 5: as_completed with a timeout");
  const h = createTask(work("h", 0.2), { name: "h" });
  const i = createTask(work("i", 2.5), { name: "i" });
  const got = [];
  try {
    for (const fut of asCompleted([h, i], { timeout: 0.8 })) {
      got.push(yield* fut);
      console.log("  got", got[got.length - 1], T());
    }
  } catch (ex) {
    if (!(ex instanceof TimeoutError)) throw ex;
    console.log("  as_completed:", ename(ex), T());
  }
  console.log("  i done", B(i.done()), T());
  i.cancel();
  yield* sleep(0);
  console.log("  i cancelled", B(i.cancelled()));

  console.log("case 6: as_completed timeout with nothing done");
  const j = createTask(work("j", 1.3), { name: "j" });
  try {
    for (const fut of asCompleted([j], { timeout: 0.3 })) {
      console.log("  awaiting first");
      yield* fut;
    }
  } catch (ex) {
    if (!(ex instanceof TimeoutError)) throw ex;
    console.log("  as_completed:", ename(ex), T());
  }
  console.log("  j result", fmt(yield* j), T());
}

loop.runUntilCompleteSync(main());
loop.close();
