// fan-out/fan-in with asCompleted() and a global timeout: results are handled in completion
// order as they arrive (a failure is logged, not fatal); when the global timeout hits, the
// handler stops, cancels the stragglers and collects their outcomes with gather; a second
// run where everything finishes in time; a consumer that is itself slow only sees the
// timeout after draining what had already arrived.
import { EventLoop, sleep, gather, asCompleted, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class LookupError extends Error { constructor(m) { super(m); this.name = "LookupError"; } }

function* fetch(url, d, fail = false) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("    fetch", url, "aborted", T());
    throw e;
  }
  if (fail) throw new LookupError("404 " + url);
  return url.length * 100;
}

function* fanOut(label, jobs, timeout, think = 0.0) {
  const tasks = jobs.map((j) => loop.createTask(fetch(...j), { name: j[0] }));
  let total = 0, handled = 0;
  try {
    for (const fut of asCompleted(tasks, { timeout })) {
      let size;
      try {
        size = yield* fut;
        total += size;
        console.log(`  ${label}: got ${size}`, T());
      } catch (e) {
        if (!(e instanceof LookupError)) throw e;
        console.log(`  ${label}: error ${fmt(e)}`, T());
      }
      handled += 1;
      if (think) yield* sleep(think);
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log(`  ${label}: global timeout after ${handled} results`, T());
  }
  const stragglers = tasks.filter((t) => !t.done());
  for (const t of stragglers) t.cancel();
  const outcomes = yield* gather(...tasks, { returnExceptions: true });
  console.log(`  ${label}: outcomes`, fmt(outcomes.map((o) => (typeof o === "number" ? o : ename(o)))), T());
  return [total, stragglers.length];
}

function* main() {
  const jobs = [["/a", 0.12], ["/bb", 0.5], ["/ccc", 0.31, true], ["/dddd", 0.95], ["/e", 0.07]];
  console.log("run1", fmt(yield* fanOut("run1", jobs, 0.6)), T());
  console.log("run2", fmt(yield* fanOut("run2", jobs.slice(0, 3), 2.0)), T());
  console.log("run3", fmt(yield* fanOut("run3", jobs, 0.6, 0.3)), T());
}

loop.runUntilCompleteSync(main());
loop.close();
