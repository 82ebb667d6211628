// awaitables made before they are awaited, with cancellation and timeouts: a waitFor made
// early arms its timeout only when awaited; a sleep made early and awaited through
// waitFor counts from the await (so it times out); shield, gather and ensureFuture of a
// sleep start it at the call (it is wrapped in a Task), so cancelling the waiter leaves it
// running on its original schedule; a premade waitFor awaited by a task cancelled with a
// message gives that message; a premade sleep(0) still gives way for exactly one iteration.
import { EventLoop, sleep, shield, gather, ensureFuture, waitFor, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* reporter(label, n) {
  for (let i = 0; i < n; i++) {
    console.log("   ", label, i, T());
    yield* sleep(0);
  }
}

function* waiter(name, aw) {
  try {
    return yield* aw;
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", name, "cancelled", fmt(e), T());
    throw e;
  }
}

function* main() {
  const w = waitFor(sleep(5, "never"), 1);
  const s = sleep(1, "s");
  yield* sleep(2);
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("premade wait_for timed out at", T());
  }
  try {
    console.log("premade sleep under wait_for ->", fmt(yield* waitFor(s, 0.75)), T());
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("premade sleep(1) under wait_for(0.75) timed out at", T());
  }

  function* noisy(aw) {
    const r = yield* aw;
    console.log("   shielded work finished", fmt(r), T());
    return r;
  }
  const sh = shield(noisy(sleep(1, "shielded")));
  const ga = gather(sleep(1.5, "gathered"));
  const ef = ensureFuture(sleep(0.5, "ensured"));
  yield* sleep(0.25);
  const ws = [["sh", sh], ["ga", ga], ["ef", ef]].map(([n, a]) => loop.createTask(waiter(n, a)));
  yield* sleep(0.125);
  ws.forEach((t, i) => t.cancel(["x1", "x2", "x3"][i]));
  const r = yield* gather(...ws, { returnExceptions: true });
  console.log("waiters:", fmt(r), T());
  console.log("ensured task cancelled with its waiter:", B(ef.cancelled()), "gather:", B(ga.cancelled()), B(ga.done()));
  try {
    yield* ga;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("gather ->", fmt(e));
  }
  console.log("the shield itself is cancelled:", B(sh.cancelled()), T());
  yield* sleep(1);
  console.log("after", T());

  const pw = waitFor(sleep(2, "pw"), 1.5);
  const t = loop.createTask(waiter("pw", pw));
  yield* sleep(0.5);
  console.log("cancel pw waiter", B(t.cancel("stop pw")));
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("pw ->", fmt(e), T());
  }

  const z = sleep(0, "zero");
  loop.createTask(reporter("rep", 3));
  yield* sleep(0);
  console.log("premade sleep(0) awaited", T());
  console.log("->", fmt(yield* z));
  console.log("after", T());
  yield* sleep(0);
  console.log("end", T());
}

loop.runUntilCompleteSync(main());
loop.close();
