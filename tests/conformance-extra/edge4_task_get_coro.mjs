// Task.getCoro() is the very coroutine object the task wraps: for createTask, for the task
// runUntilComplete makes, for ensureFuture, for the tasks gather and shield make from
// coroutines (found among allTasks() by identity), before and after the task is done, also
// when it failed or was cancelled; a coroutine awaited inline runs in the awaiting task (its
// getCoro() is the outer coroutine). Last, the coroutines asyncio itself provides: the task
// ensureFuture / gather / shield make from sleep(...) or waitFor(...) returns that object
// from getCoro().
import { EventLoop, sleep, waitFor, gather, shield, ensureFuture, currentTask, allTasks, isCoroutine, CancelledError } from "wasmloop";
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

function taskOf(c) {
  const found = [...allTasks()].filter((t) => t.getCoro() === c);
  return found.length ? found[0] : null;
}

function* inlineProbe() {
  return currentTask().getCoro();
}

let mainCoro;
function* main() {
  const me = currentTask();
  console.log("run_until_complete's task wraps main:", B(me.getCoro() === mainCoro), me.getName());
  console.log("inline coroutine sees the outer coro:", B((yield* inlineProbe()) === mainCoro));

  let c = work("a", 0.1);
  let t = loop.createTask(c);
  console.log("create_task:", B(t.getCoro() === c), B(isCoroutine(t.getCoro())));
  yield* t;
  console.log("after done:", B(t.getCoro() === c), fmt(t.result()));

  c = work("b", 0.1, true);
  t = ensureFuture(c);
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("ensure_future, failed:", B(t.getCoro() === c), fmt(e));
  }

  c = work("c", 1);
  t = loop.createTask(c);
  yield* sleep(0);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("cancelled:", B(t.getCoro() === c), B(t.cancelled()));
  }

  const c1 = work("g1", 0.2), c2 = work("g2", 0.1);
  let g = gather(c1, c2);
  const t1 = taskOf(c1), t2 = taskOf(c2);
  console.log("gather made tasks:", B(t1 !== null), B(t2 !== null), B(t1 !== t2), t1.getName(), t2.getName());
  console.log("gather ->", fmt(yield* g), "children still wrap them:", B(t1.getCoro() === c1), B(t2.getCoro() === c2));

  c = work("s", 0.1);
  let s = shield(c);
  const inner = taskOf(c);
  console.log("shield made a task:", B(inner !== null), B(inner !== s), inner.getName());
  console.log("shield ->", fmt(yield* s), "inner done:", B(inner.done()));

  let sl = sleep(0.1, "slept");
  t = ensureFuture(sl);
  console.log("ensure_future(sleep):", t.getName(), "get_coro is the sleep:", B(t.getCoro() === sl));
  console.log("  ->", fmt(yield* t), T());

  const wf = waitFor(work("wf", 0.1), 1);
  g = gather(wf);
  t = taskOf(wf);
  console.log("gather(wait_for): task found by get_coro:", B(t !== null));
  console.log("  ->", fmt(yield* g), T());

  sl = sleep(0.1, "shielded sleep");
  s = shield(sl);
  t = taskOf(sl);
  console.log("shield(sleep): task found by get_coro:", B(t !== null));
  console.log("  ->", fmt(yield* s), T());
}

mainCoro = main();
loop.runUntilCompleteSync(mainCoro);
loop.close();
