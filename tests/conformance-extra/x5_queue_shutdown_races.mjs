// Queue.shutdown (3.13) racing other operations in one iteration: a getter woken by
// put_nowait() and then shutdown(immediate=True) before it ran finds the queue drained and
// raises QueueShutDown; woken by put_nowait() and then a graceful shutdown() it still gets
// the item; a putter woken by get_nowait() and then shutdown() raises QueueShutDown; join()
// with items taken but not done survives an immediate shutdown of an empty queue until the
// task_done() calls; a getter cancelled in the same iteration as shutdown() is cancelled.
import { EventLoop, sleep, createTask, Queue, QueueShutDown, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
function* outcome(aw) {
  try {
    const v = yield* aw;
    return `result ${typeof v === "string" ? `'${v}'` : fmt(v)}`;
  } catch (e) {
    if (e instanceof QueueShutDown) return "QueueShutDown";
    if (e instanceof CancelledError) return "cancelled";
    throw e;
  }
}

function* main() {
  let q = new Queue();
  let g = createTask(outcome(q.get()));
  yield* sleep(0);
  q.putNowait("x");
  q.shutdown(true);
  console.log("woken getter, then immediate:", yield* g, "qsize", q.qsize());

  q = new Queue();
  g = createTask(outcome(q.get()));
  yield* sleep(0);
  q.putNowait("y");
  q.shutdown();
  console.log("woken getter, then graceful:", yield* g, "qsize", q.qsize());

  q = new Queue(1);
  q.putNowait("full");
  const p = createTask(outcome(q.put("z")));
  yield* sleep(0);
  console.log("get_nowait", q.getNowait());
  q.shutdown();
  console.log("woken putter, then graceful:", yield* p, "qsize", q.qsize());

  q = new Queue();
  for (let i = 0; i < 3; i++) q.putNowait(i);
  const taken = [q.getNowait(), q.getNowait(), q.getNowait()];
  const j = createTask(outcome(q.join()));
  yield* sleep(0);
  q.shutdown(true);
  yield* sleep(0);
  console.log("join after immediate shutdown of an empty queue: done", B(j.done()));
  for (const _ of taken) q.taskDone();
  console.log("join after task_done x3:", yield* j);

  q = new Queue();
  const gs = [0, 1, 2].map(() => createTask(outcome(q.get())));
  yield* sleep(0);
  gs[1].cancel();
  q.shutdown();
  const res = [];
  for (const t of gs) res.push(yield* t);
  console.log("getters:", fmt(res));
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    console.log("get_nowait:", ename(e));
  }
}

loop.runUntilCompleteSync(main());
loop.close();
