// Queue.shutdown() (3.13): put() and put_nowait() raise QueueShutDown at once; consumers keep
// getting the items left and get QueueShutDown once the queue is empty; a getter blocked on
// an empty queue is woken to raise it; join() still waits for task_done() of every item.
import { EventLoop, sleep, gather, Queue, QueueShutDown } from "wasmloop";
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
  for (let i = 0; i < 4; i++) q.putNowait(i);
  function* consumer(name, pace) {
    const got = [];
    while (true) {
      let item;
      try {
        item = yield* q.get();
      } catch (e) {
        if (!(e instanceof QueueShutDown)) throw e;
        console.log(name, "sees shutdown", T(), info(q));
        return got;
      }
      got.push(item);
      yield* sleep(pace);
      q.taskDone();
    }
  }
  const cs = [loop.createTask(consumer("c1", 0.3)), loop.createTask(consumer("c2", 0.7))];
  const idle = loop.createTask(new Queue().get());
  yield* sleep(0.1);
  q.shutdown();
  console.log("shut down", T(), info(q));
  try {
    q.putNowait(9);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    console.log("put_nowait:", fmt(e));
  }
  try {
    yield* q.put(9);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    console.log("put:", fmt(e));
  }
  const j = loop.createTask(q.join());
  const res = yield* gather(...cs);
  console.log("consumers", fmt(res), T(), info(q));
  yield* j;
  console.log("joined", T(), info(q));
  const e = new Queue();
  const g = loop.createTask(e.get());
  yield* sleep(0);
  console.log("blocked getter", info(e));
  e.shutdown();
  console.log("after shutdown", info(e));
  try {
    yield* g;
  } catch (err) {
    if (!(err instanceof QueueShutDown)) throw err;
    console.log("blocked getter raised QueueShutDown", T(), info(e));
  }
  try {
    e.getNowait();
  } catch (err) {
    if (!(err instanceof QueueShutDown)) throw err;
    console.log("get_nowait on an empty shut-down queue: QueueShutDown");
  }
  idle.cancel();
}

loop.runUntilCompleteSync(main());
loop.close();
