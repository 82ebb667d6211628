// shields combined with gather, waitFor and other shields: two waiters each with their own
// shield of one job (cancelling one leaves the other waiting); shield(shield(job)); the
// shield future itself cancelled; gather(shield(a), b) cancelled (a goes on, b is cancelled,
// the gather raises once b is done); waitFor(gather(shield(a), shield(b)), t) timing out
// leaves both jobs running; a task awaiting waitFor(shield(job), null) cancelled from
// outside gets CancelledError (not TimeoutError) and then collects the job's result.
import { EventLoop, sleep, shield, gather, waitFor, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* job(name, d) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  job", name, "cancelled", fmt(e), T());
    throw e;
  }
  console.log("  job", name, "done", T());
  return name;
}

function* waiter(name, aw) {
  try {
    const r = yield* aw;
    console.log("  waiter", name, "->", fmt(r), T());
    return r;
  } catch (e) {
    console.log("  waiter", name, "raised", fmt(e), T());
    throw e;
  }
}

function* settle(t) {
  try {
    return fmt(yield* t);
  } catch (e) {
    return "raised " + fmt(e);
  }
}

function* main() {
  let j = loop.createTask(job("j", 1));
  let w1 = loop.createTask(waiter("w1", shield(j)));
  let w2 = loop.createTask(waiter("w2", shield(j)));
  let w3 = loop.createTask(waiter("w3", shield(shield(j))));
  yield* sleep(0.25);
  console.log("cancel w1", B(w1.cancel("w1 off")), "cancel w3", B(w3.cancel("w3 off")));
  console.log("w1:", yield* settle(w1), "w3:", yield* settle(w3), T());
  console.log("w2:", yield* settle(w2), "j:", yield* settle(j), T());

  j = loop.createTask(job("k", 1));
  const s = shield(j);
  let w = loop.createTask(waiter("ws", s));
  yield* sleep(0.25);
  console.log("cancel the shield itself", B(s.cancel("shield off")), "job cancelled", B(j.cancelled()));
  console.log("ws:", yield* settle(w), "k:", yield* settle(j), T());

  let a = loop.createTask(job("a", 1));
  let b = loop.createTask(job("b", 2));
  const g = gather(shield(a), b);
  w = loop.createTask(waiter("wg", g));
  yield* sleep(0.5);
  console.log("cancel gather waiter", B(w.cancel("g off")));
  console.log("wg:", yield* settle(w), "a done", B(a.done()), "b cancelled", B(b.cancelled()), T());
  console.log("a:", yield* settle(a), T());

  a = loop.createTask(job("a2", 1));
  b = loop.createTask(job("b2", 1.5));
  w = loop.createTask(waiter("wfg", waitFor(gather(shield(a), shield(b)), 0.5)));
  console.log("wfg:", yield* settle(w), "a2 done", B(a.done()), "b2 done", B(b.done()), T());
  console.log("a2:", yield* settle(a), "b2:", yield* settle(b), T());

  j = loop.createTask(job("m", 1));
  function* collector() {
    try {
      return yield* waitFor(shield(j), null);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("  collector cancelled", fmt(e), "job done", B(j.done()), T());
      const r = yield* j;
      console.log("  collector collected", fmt(r), T());
      return "late " + r;
    }
  }
  const c = loop.createTask(collector());
  yield* sleep(0.5);
  console.log("cancel collector", B(c.cancel("c off")));
  console.log("collector:", yield* settle(c), "cancelled", B(c.cancelled()), T());
}

await loop.runUntilComplete(main());
loop.close();
