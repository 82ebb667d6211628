// a timeout budget shared across steps: deadline = loop.time() + budget, each step gets
// waitFor(step(), deadline - loop.time()); the remaining budget shrinks with every step;
// the step that overruns gets TimeoutError and its cleanup runs; a step reached with the
// budget already spent (remaining <= 0) is started as a Task and cancelled before it ever
// runs; a callAt() watchdog near the deadline reports (a past one fires at once); a step
// that catches its cancellation and returns a fallback value makes waitFor return it.
import { EventLoop, sleep, waitFor, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class BudgetExceeded extends Error { constructor(m) { super(m); this.name = "BudgetExceeded"; } }

function* step(name, d, fallback = null) {
  console.log("    step", name, "starts", T());
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("    step", name, "interrupted", T());
    if (fallback !== null) {
      yield* sleep(0.05);
      return fallback;
    }
    throw e;
  }
  return name + " ok";
}

function* pipeline(label, budget, steps, watchdogSlack) {
  const deadline = loop.time() + budget;
  const wd = loop.callAt(deadline + watchdogSlack, console.log, "  watchdog", label, "fired");
  const out = [];
  try {
    for (const spec of steps) {
      const remaining = deadline - loop.time();
      console.log(`  ${label}: ${remaining.toFixed(3)} left before ${spec[0]}`);
      try {
        out.push(yield* waitFor(step(...spec), remaining));
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        throw new BudgetExceeded(`${label}: budget ${budget.toFixed(2)} spent at ${spec[0]}`);
      }
    }
    return out;
  } finally {
    console.log(`  ${label}: watchdog cancelled=${B(wd.cancelled())}`, T());
    wd.cancel();
  }
}

function* main() {
  for (const [label, budget, steps, slack] of [
    ["fits", 1.0, [["a", 0.21], ["b", 0.33], ["c", 0.12]], 0.01],
    ["overrun", 0.6, [["a", 0.25], ["b", 0.5], ["c", 0.1]], 0.03],
    ["spent", 0, [["a", 0.4], ["b", 0.01]], -0.1],
    ["fallback", 0.5, [["a", 0.3], ["b", 0.4, "b cached"], ["c", 0.05]], 0.03],
    ["fallback-last", 0.5, [["a", 0.3], ["b", 0.4, "b cached"]], 0.09],
  ]) {
    try {
      console.log(label, "->", fmt(yield* pipeline(label, budget, steps, slack)), T());
    } catch (e) {
      if (!(e instanceof BudgetExceeded)) throw e;
      console.log(label, "->", fmt(e), T());
    }
    yield* sleep(0.2);
  }
  console.log("end", T());
}

loop.runUntilCompleteSync(main());
loop.close();
