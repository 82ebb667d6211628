// Queue.join() and task_done(): join() on a queue with no unfinished task returns at once;
// otherwise it waits until task_done() was called for every item put, even after the items
// were all got; task_done() once too often is a ValueError that changes nothing; two workers
// drain a queue of 10 items (CPython's test_task_done).
import { EventLoop, sleep, gather, Queue } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const info = (q) => String(q).slice(q.constructor.name.length + 2, -1);

function* main() {
  const q = new Queue();
  yield* q.join();
  yield* q.join();
  console.log("join on an empty queue returned", T());
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("task_done on nothing:", "ValueError: task_done() called too many times", info(q));
  }
  for (let i = 0; i < 10; i++) q.putNowait(i);
  const total = [0];
  function* worker(name, pace) {
    while (true) {
      const item = yield* q.get();
      yield* sleep(pace);
      total[0] += item;
      q.taskDone();
      console.log(name, "did", item, T(), info(q));
    }
  }
  function* joiner() {
    yield* q.join();
    console.log("joined", T(), "total", total[0], info(q));
  }
  const ws = [loop.createTask(worker("w1", 0.3)), loop.createTask(worker("w2", 0.47))];
  const j = loop.createTask(joiner());
  yield* j;
  for (const w of ws) w.cancel();
  yield* gather(...ws, { returnExceptions: true });
  q.putNowait("x");
  q.getNowait();
  const j2 = loop.createTask(q.join());
  yield* sleep(0.5);
  console.log("join waits for task_done, not for get", B(j2.done()), info(q));
  q.taskDone();
  yield* j2;
  console.log("joined again", T(), info(q));
}

loop.runUntilCompleteSync(main());
loop.close();
