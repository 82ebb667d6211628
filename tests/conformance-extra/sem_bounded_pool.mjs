// A connection pool on BoundedSemaphore(2): at most two workers hold a unit at a time, the
// others wait in arrival order; workers time out waiting with wait_for; releasing past the
// initial value raises ValueError and changes nothing; async with releases on error.
import { EventLoop, sleep, gather, waitFor, asyncWith, BoundedSemaphore, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* worker(sem, name, work, patience, active, peak) {
  try {
    yield* waitFor(sem.acquire(), patience);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log(name, "gave up", T(), state(sem));
    return name + ":gave up";
  }
  try {
    active[0] += 1;
    peak[0] = Math.max(peak[0], active[0]);
    console.log(name, "working", T(), "active", active[0]);
    yield* sleep(work);
    if (name === "e") throw new ValueError("bad job");
    return name + ":done";
  } finally {
    active[0] -= 1;
    sem.release();
  }
}

function* main() {
  const sem = new BoundedSemaphore(2);
  try {
    sem.release();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("release past the bound:", `ValueError: ${e.message}`, state(sem));
  }
  const active = [0];
  const peak = [0];
  const jobs = [["a", 1.0, 5], ["b", 0.5, 5], ["c", 0.75, 5], ["d", 0.25, 0.6], ["e", 0.125, 5], ["f", 0.3, 1.1]];
  const ts = [];
  for (const [name, work, patience] of jobs) {
    ts.push(loop.createTask(worker(sem, name, work, patience, active, peak)));
    yield* sleep(0.01);
  }
  const res = yield* gather(...ts, { returnExceptions: true });
  console.log("results", fmt(res), T(), "peak", peak[0], state(sem));
  yield* asyncWith(sem, function* () {
    yield* asyncWith(sem, function* () {
      console.log("both units held", state(sem));
    });
  });
  try {
    sem.release();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("still bounded", state(sem));
  }
}

loop.runUntilCompleteSync(main());
loop.close();
