// Event with wait_for and timing: waiters with timeouts give up one by one (TimeoutError) and
// leave the waiter list; the event set by a timer wakes the rest at that time; wait() on a set
// event takes no loop iteration (counted by a ticking callback), even through wait_for.
import { EventLoop, sleep, gather, waitFor, Event, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

let it = 0;
function tick() {
  it += 1;
  loop.callSoon(tick);
}

function* waiter(ev, name, timeout) {
  try {
    yield* waitFor(ev.wait(), timeout);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log(name, "gave up", T(), state(ev));
    return false;
  }
  console.log(name, "saw the event", T());
  return true;
}

function* main() {
  const ev = new Event();
  const ts = [["a", 0.5], ["b", 3], ["c", 1.25], ["d", null]].map(([n, t]) => loop.createTask(waiter(ev, n, t)));
  loop.callLater(2, () => ev.set());
  console.log("results", fmt(yield* gather(...ts)), T(), state(ev));
  loop.callSoon(tick);
  yield* sleep(0);
  let start = it;
  yield* ev.wait();
  yield* ev.wait();
  console.log("waits on a set event took", it - start, "iterations");
  start = it;
  yield* waitFor(ev.wait(), 1);
  console.log("wait_for on a set event took", it - start, "iterations");
}

loop.runUntilCompleteSync(main());
loop.close();
