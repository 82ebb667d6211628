// Barrier cancellation, reset and abort: a waiter cancelled while filling leaves (n_waiting
// drops) and the barrier still needs the full count; reset() while tasks wait gives them
// BrokenBarrierError and returns the barrier to filling; abort() breaks it for everyone,
// now and later, until reset().
import { EventLoop, sleep, gather, Barrier, BrokenBarrierError, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* waiter(b, name) {
  let i;
  try {
    i = yield* b.wait();
  } catch (e) {
    if (e instanceof BrokenBarrierError) {
      console.log(name, "broken:", fmt(e), state(b));
      return name + ":broken";
    }
    if (e instanceof CancelledError) console.log(name, "cancelled", state(b));
    throw e;
  }
  return i;
}

function* main() {
  const b = new Barrier(3);
  const t1 = loop.createTask(waiter(b, "t1"));
  const t2 = loop.createTask(waiter(b, "t2"));
  yield* sleep(0);
  console.log("two waiting", state(b));
  t1.cancel();
  yield* sleep(0);
  console.log("after cancel", state(b), b.nWaiting);
  const t3 = loop.createTask(waiter(b, "t3"));
  yield* sleep(0);
  console.log("two again", state(b));
  const t4 = loop.createTask(waiter(b, "t4"));
  console.log("passed", fmt(yield* gather(t1, t2, t3, t4, { returnExceptions: true })), state(b));
  let ws = [0, 1].map((i) => loop.createTask(waiter(b, `r${i}`)));
  yield* sleep(0);
  yield* b.reset();
  console.log("reset while two wait", state(b));
  console.log("reset results", fmt(yield* gather(...ws)), state(b));
  yield* b.reset();
  console.log("reset of an empty barrier", state(b));
  ws = [0, 1].map((i) => loop.createTask(waiter(b, `a${i}`)));
  yield* sleep(0);
  yield* b.abort();
  console.log("aborted", state(b), B(b.broken), b.nWaiting);
  console.log("abort results", fmt(yield* gather(...ws)), state(b));
  console.log("wait on a broken barrier:", yield* waiter(b, "late"));
  yield* b.reset();
  console.log("reset after abort", state(b), B(b.broken));
  console.log("passes again", fmt(yield* gather(...[0, 1, 2].map(() => b.wait()))), state(b));
}

loop.runUntilCompleteSync(main());
loop.close();
