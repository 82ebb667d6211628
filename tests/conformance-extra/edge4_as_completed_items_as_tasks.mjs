// the items of asCompleted used as awaitables of other task functions: gather(...items)
// wraps each in a numbered Task, started in order, so the list comes out in completion
// order; ensureFuture(item) is a Task while a later item awaited inline gets the first
// result; shield(item) cancelled leaves the input running; waitFor(item, t) timing out
// does not cancel the input. Timeouts: 0 with an already-done input (it comes first), one
// whose setResult is already queued and one pending (both time out); a negative timeout;
// an item awaited long after its input completed in time still gives the result, one whose
// input completes after the timeout raises TimeoutError.
import { EventLoop, Task, sleep, asCompleted, gather, ensureFuture, shield, waitFor, allTasks, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* work(name, d) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", name, "cancelled", T());
    throw e;
  }
  return name;
}

const names = () => fmt([...allTasks()].map((t) => t.getName()).sort());

function* main() {
  let a = loop.createTask(work("slow", 0.3));
  let b = loop.createTask(work("fast", 0.1));
  let items = [...asCompleted([a, b])];
  const g = gather(...items);
  console.log("gather(*items) tasks", names());
  console.log("gather ->", fmt(yield* g), T());

  a = loop.createTask(work("slow", 0.3));
  b = loop.createTask(work("fast", 0.1));
  items = [...asCompleted([a, b])];
  const t1 = ensureFuture(items[1]);
  console.log("ensure_future(item)", t1.getName(), "is a task", B(t1 instanceof Task));
  console.log("inline item ->", fmt(yield* items[0]), T());
  console.log("task item ->", fmt(yield* t1), T());

  const c = loop.createTask(work("c", 0.2));
  items = [...asCompleted([c])];
  const s = shield(items[0]);
  yield* sleep(0.1);
  console.log("cancel shield", B(s.cancel()));
  yield* sleep(0.2);
  console.log("c", fmt(c.result()), T());

  const d = loop.createTask(work("d", 0.5));
  items = [...asCompleted([d])];
  try {
    yield* waitFor(items[0], 0.2);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("wait_for(item) timed out", T(), "d cancelled", B(d.cancelled()));
  }
  console.log("d ->", fmt(yield* d), T());

  const done = loop.createFuture(); done.setResult("done");
  const queued = loop.createFuture();
  const pending = loop.createFuture();
  loop.callSoon((v) => queued.setResult(v), "queued");
  for (const f of asCompleted([done, queued, pending], { timeout: 0 })) {
    try {
      console.log("timeout 0:", fmt(yield* f), T());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("timeout 0: TimeoutError", T());
    }
  }
  for (const f of asCompleted([pending], { timeout: -1 })) {
    try {
      console.log("timeout -1:", fmt(yield* f));
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("timeout -1: TimeoutError", T());
    }
  }

  const r = loop.createFuture();
  items = [...asCompleted([r], { timeout: 0.5 })];
  loop.callLater(0.2, (v) => r.setResult(v), "r");
  yield* sleep(1);
  console.log("awaited late:", fmt(yield* items[0]), T());
  const s2 = loop.createFuture();
  items = [...asCompleted([s2], { timeout: 0.5 })];
  yield* sleep(1);
  loop.callSoon((v) => s2.setResult(v), "s2");
  try {
    console.log("late input:", fmt(yield* items[0]));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("late input: TimeoutError", T(), "although s2 done", B(s2.done()));
  }
  pending.cancel();
}

loop.runUntilCompleteSync(main());
loop.close();
