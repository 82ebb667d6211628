// asCompleted and wait, the finer points: the i-th awaitable returned gives the i-th result
// whichever is awaited first; exceptions come in completion order; awaiting them from several
// tasks, one of them cancelled while it waits; a timeout leaves the originals running;
// duplicates count once; wait on already-done tasks, wait cancelled (the tasks go on),
// FIRST_EXCEPTION when a task has already failed, timeout 0.
import { EventLoop, sleep, wait, asCompleted, CancelledError, TimeoutError, FIRST_COMPLETED, FIRST_EXCEPTION } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* work(name, d, fail = false) {
  yield* sleep(d);
  if (fail) throw new ValueError(name);
  return name;
}

const task = (name, d, fail = false) => loop.createTask(work(name, d, fail), { name });
const names = (s) => fmt([...s].map((t) => t.getName()).sort());

function* main() {
  let futs = [...asCompleted([task("slow", 0.2), task("fast", 0.1)])];
  console.log("count", futs.length);
  console.log("second awaited first", fmt(yield* futs[1]), T());
  console.log("then the first", fmt(yield* futs[0]), T());

  for (const f of asCompleted([task("x", 0.3), task("y", 0.1, true), task("z", 0.2, true)])) {
    try {
      console.log("got", fmt(yield* f), T());
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      console.log("raised", fmt(e), T());
    }
  }

  futs = [...asCompleted([task("p", 0.5), task("q", 1.0)])];
  function* consumer(label, f) {
    try {
      console.log(label, "got", fmt(yield* f), T());
    } catch (e) {
      if (e instanceof CancelledError) console.log(label, "cancelled", T());
      throw e;
    }
  }
  const c1 = loop.createTask(consumer("c1", futs[0]));
  const c2 = loop.createTask(consumer("c2", futs[1]));
  yield* sleep(0.2);
  c1.cancel();
  yield* wait([c1, c2]);
  console.log("consumers done", T());

  const slow = task("late", 2);
  for (const f of asCompleted([task("early", 0.5), slow], { timeout: 1 })) {
    try {
      console.log("got", fmt(yield* f), T());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("timed out", T(), "late cancelled", B(slow.cancelled()));
    }
  }
  console.log("late still finishes", fmt(yield* slow), T());

  const t = task("dup", 0.1);
  const results = [];
  for (const f of asCompleted([t, t, task("other", 0.2)])) results.push(yield* f);
  console.log("duplicates", fmt(results), T());

  let [done, pending] = yield* wait([t, t]);
  console.log("already done", names(done), names(pending), T());

  const a = task("a", 1);
  const b = task("b", 3);
  function* waiter() {
    return yield* wait([a, b]);
  }
  const w = loop.createTask(waiter());
  yield* sleep(0.5);
  w.cancel();
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("wait cancelled", T(), "a cancelled", B(a.cancelled()), "b cancelled", B(b.cancelled()));
  }
  console.log("a", fmt(yield* a), T());

  const bad = task("bad", 0, true);
  yield* sleep(0);
  [done, pending] = yield* wait([b, bad], { returnWhen: FIRST_EXCEPTION });
  console.log("failed before", names(done), names(pending), T());

  [done, pending] = yield* wait([b], { timeout: 0 });
  console.log("timeout 0", names(done), names(pending), T());
  [done, pending] = yield* wait([b], { timeout: -1 });
  console.log("timeout -1", names(done), names(pending), T());

  const c = task("c", 0.1);
  const d = task("d", 0.1);
  [done, pending] = yield* wait([c, d], { returnWhen: FIRST_COMPLETED });
  console.log("same iteration", names(done), names(pending), T());
  console.log("b", fmt(yield* b), T());
}

loop.runUntilCompleteSync(main());
loop.close();
