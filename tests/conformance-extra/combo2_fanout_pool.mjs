// a bounded fan-out without a queue: at most `limit` workers, refilled with
// wait(FIRST_COMPLETED); each worker retries with its own waitFor timeout; failures are
// collected, not raised; a total deadline (waitFor around the whole pool) cancels the
// workers still running through the pool's finally; a batch step with gather.
import { EventLoop, sleep, gather, wait, waitFor, FIRST_COMPLETED, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* fetch(url, d, fail) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("    fetch", url, "cancelled", T());
    throw e;
  }
  if (fail) throw new ValueError(url);
  return url.toUpperCase();
}

function* fetchWithRetry(url, timeout, plan) {
  for (const [i, [d, fail]] of plan.entries()) {
    try {
      return yield* waitFor(fetch(url, d, fail), timeout);
    } catch (e) {
      if (e instanceof TimeoutError) console.log("  ", url, "attempt", i, "timed out", T());
      else if (e instanceof ValueError) console.log("  ", url, "attempt", i, "failed", T());
      else throw e;
    }
  }
  throw new ValueError(url + " exhausted");
}

function* pool(jobs, limit) {
  let running = new Set();
  const results = {};
  const todo = [...jobs];
  try {
    while (todo.length > 0 || running.size > 0) {
      while (todo.length > 0 && running.size < limit) {
        const [url, timeout, plan] = todo.shift();
        console.log("  start", url, T());
        running.add(loop.createTask(fetchWithRetry(url, timeout, plan), { name: url }));
      }
      let done;
      [done, running] = yield* wait(running, { returnWhen: FIRST_COMPLETED });
      for (const t of [...done].sort((x, y) => (x.getName() < y.getName() ? -1 : 1))) {
        const e = t.exception();
        results[t.getName()] = e !== null ? fmt(e) : t.result();
        console.log("  finished", t.getName(), T());
      }
    }
    return results;
  } finally {
    for (const t of running) t.cancel();
    if (running.size > 0) {
      yield* wait(running);
      console.log("  pool cleaned up", running.size, "workers", T());
    }
  }
}

const JOBS = [
  ["a", 0.5, [[0.2, false]]],
  ["b", 0.45, [[1, false], [0.3, false]]],
  ["c", 0.6, [[0.1, true], [0.12, true], [0.25, true]]],
  ["d", 0.7, [[0.35, false]]],
  ["e", 0.8, [[2, false], [0.05, false]]],
];

function* main() {
  const res = yield* pool(JOBS, 2);
  console.log("results", fmt(Object.entries(res).sort()), T());

  const start = loop.time();
  try {
    yield* waitFor(pool(JOBS, 2), 1.1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("deadline hit after", (loop.time() - start).toFixed(3));
  }
  yield* sleep(5);

  const batch = yield* gather(...JOBS.slice(0, 4).map(([u, t, p]) => fetchWithRetry(u, t, p)), { returnExceptions: true });
  console.log("batch", fmt(batch), T());
}

loop.runUntilCompleteSync(main());
loop.close();
