// 3.13's Queue.shutdown as a way to end consumers: blocked getters on an empty queue raise
// QueueShutDown as soon as shutdown() is called; with items left, consumers drain them first
// and only then get QueueShutDown; a producer blocked in put() on a full queue raises at
// shutdown and its item is not added; join() returns once the drained items are task_done;
// with immediate=True the remaining items are dropped, join() returns, and consumers that
// still hold an item can call task_done() for it.
import { EventLoop, sleep, gather, Queue, QueueShutDown } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
function* consumer(name, q, d) {
  let n = 0;
  try {
    for (;;) {
      const item = yield* q.get();
      yield* sleep(d);
      console.log("  ", name, "handled", item, T());
      q.taskDone();
      n += 1;
    }
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    console.log("  ", name, "saw QueueShutDown after", n, "items", T());
  }
  return n;
}

function* producer(q, items) {
  let it;
  try {
    for (it of items) {
      yield* q.put(it);
      console.log("   put", it, T());
    }
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    console.log("   producer: QueueShutDown while putting", it, T());
  }
}

const list = (a) => `[${a.join(", ")}]`;

function* main() {
  console.log("empty queue, blocked getters:");
  let q = new Queue();
  let cs = [0, 1].map((i) => loop.createTask(consumer(`c${i}`, q, 0.1)));
  yield* sleep(1);
  q.shutdown();
  console.log("  ", list(yield* gather(...cs)));

  console.log("graceful with items and a blocked producer:");
  q = new Queue(2);
  const p = loop.createTask(producer(q, ["a", "b", "c", "d"]));
  yield* sleep(0.5);
  q.shutdown();
  console.log("   qsize", q.qsize(), "full", B(q.full()));
  let j = loop.createTask(q.join());
  cs = [0, 1].map((i) => loop.createTask(consumer(`d${i}`, q, 0.3 + 0.2 * i)));
  yield* p;
  console.log("  ", list(yield* gather(...cs)), "join done", B(j.done()), T());
  yield* j;

  console.log("immediate with items in hand:");
  q = new Queue();
  for (let i = 0; i < 5; i++) q.putNowait(i);
  cs = [0, 1].map((i) => loop.createTask(consumer(`e${i}`, q, 1 + 0.5 * i)));
  j = loop.createTask(q.join());
  yield* sleep(0.25);
  q.shutdown(true);
  console.log("   qsize", q.qsize(), "empty", B(q.empty()));
  yield* sleep(0);
  console.log("   join done", B(j.done()));
  console.log("  ", list(yield* gather(...cs)), T());
  yield* sleep(0);
  console.log("   join done", B(j.done()));
  try {
    q.putNowait(9);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    console.log("   put_nowait:", ename(e));
  }
}

loop.runUntilCompleteSync(main());
loop.close();
