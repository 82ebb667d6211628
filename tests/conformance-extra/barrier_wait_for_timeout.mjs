// Barrier with wait_for: a party that times out while the barrier fills leaves it (n_waiting
// drops by one) and the barrier still needs the full count; a timeout that fires after the
// barrier tripped does not undo the pass. The docs' example is repeated with a timer.
import { EventLoop, sleep, gather, waitFor, Barrier, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* party(b, name, delay, timeout) {
  yield* sleep(delay);
  let i;
  try {
    i = yield* waitFor(b.wait(), timeout);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log(name, "timed out", T(), state(b));
    return null;
  }
  console.log(name, "passed as", i, T(), state(b));
  return i;
}

function* main() {
  const b = new Barrier(3);
  const ts = [loop.createTask(party(b, "a", 0.0, 0.5)), loop.createTask(party(b, "b", 0.125, 2)),
    loop.createTask(party(b, "c", 0.75, 2)), loop.createTask(party(b, "d", 1.25, 0.3))];
  const res = yield* gather(...ts);
  console.log("results", fmt(res), T(), state(b));
}

loop.runUntilCompleteSync(main());
loop.close();
