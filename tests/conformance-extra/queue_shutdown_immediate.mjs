// Queue.shutdown(immediate=True) (3.13): the items left are dropped and count as done, so a
// pending join() returns; getters raise QueueShutDown at once, blocked putters are woken to
// raise it; unfinished tasks of items already got still need task_done() (which then cannot
// go below zero). Shutting down twice is harmless.
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
  const q = new Queue(3);
  for (let i = 0; i < 3; i++) q.putNowait(i);
  const putters = [0, 1].map((i) => loop.createTask(q.put(10 + i)));
  yield* sleep(0);
  const item = yield* q.get();
  yield* sleep(0);
  console.log("got", item, info(q));
  const j = loop.createTask(q.join());
  yield* sleep(0);
  q.shutdown(true);
  console.log("shutdown(immediate)", info(q), q.qsize());
  yield* sleep(0);
  console.log("join done?", B(j.done()));
  const res = yield* gather(...putters, { returnExceptions: true });
  console.log("putters", fmt(res), info(q));
  try {
    yield* q.get();
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    console.log("get: QueueShutDown", info(q));
  }
  q.taskDone();
  yield* sleep(0);
  console.log("after task_done, join done?", B(j.done()), info(q));
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("task_done again:", `ValueError: ${e.message.replace("taskDone()", "task_done()")}`);
  }
  q.shutdown(true);
  q.shutdown();
  console.log("shut down twice", info(q));
}

loop.runUntilCompleteSync(main());
loop.close();
