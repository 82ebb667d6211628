// Queue.get()/put()/join() are coroutines: calling get() without awaiting takes no item;
// create_task(q.get()) takes one at the task's first step; gather(q.get(), q.get()) wraps each
// in a task; put() into a queue with room and get() from a non-empty one take no iteration;
// float maxsize (1.3 holds two items), QueueEmpty and QueueFull.
import { EventLoop, sleep, gather, Queue, QueueEmpty, QueueFull } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const info = (q) => String(q).slice(q.constructor.name.length + 2, -1);

let it = 0;
function tick() {
  it += 1;
  loop.callSoon(tick);
}

function* main() {
  loop.callSoon(tick);
  const q = new Queue();
  q.putNowait("a");
  const c = q.get();
  console.log("get() called, not awaited:", info(q));
  c.cancel();
  const t = loop.createTask(q.get());
  console.log("task made:", info(q));
  yield* sleep(0);
  console.log("task ran:", fmt(t.result()), info(q));
  const g = gather(q.get(), q.get());
  yield* sleep(0);
  console.log("gather waiting", info(q));
  let start = it;
  yield* q.put("x");
  yield* q.put("y");
  console.log("two puts took", it - start, "iterations", info(q));
  console.log("gather", fmt(yield* g), info(q));
  yield* q.put("z");
  start = it;
  console.log("get", fmt(yield* q.get()), "took", it - start, "iterations");
  start = it;
  for (let i = 0; i < 4; i++) q.taskDone();
  yield* q.join();
  console.log("join took", it - start, "iterations", info(q));
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof QueueEmpty)) throw e;
    console.log("get_nowait:", fmt(e));
  }
  const f = new Queue(1.3);
  f.putNowait(1);
  f.putNowait(2);
  console.log("maxsize 1.3", B(f.full()), info(f));
  try {
    f.putNowait(3);
  } catch (e) {
    if (!(e instanceof QueueFull)) throw e;
    console.log("put_nowait:", fmt(e), info(f));
  }
  const neg = new Queue(-1);
  for (let i = 0; i < 5; i++) neg.putNowait(i);
  console.log("maxsize -1 is unbounded", B(neg.full()), neg.qsize());
}

loop.runUntilCompleteSync(main());
loop.close();
