// Queue.shutdown() (3.13) with putters blocked on a full queue: each wakes and raises
// QueueShutDown (even when a get frees a slot in the same iteration); a putter woken by a
// get before the shutdown and not yet run also raises; the items already in the queue can
// still be got, then get raises.
import { EventLoop, sleep, gather, Queue, QueueShutDown } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const info = (q) => String(q).slice(q.constructor.name.length + 2, -1);

function* putter(q, item) {
  try {
    yield* q.put(item);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    console.log("putter", item, "QueueShutDown", T(), info(q));
    return "shutdown";
  }
  console.log("putter", item, "put", T(), info(q));
  return "put";
}

function* main() {
  const q = new Queue(1);
  q.putNowait("first");
  const ps = [0, 1, 2].map((i) => loop.createTask(putter(q, i)));
  yield* sleep(0.5);
  console.log("blocked", info(q));
  console.log("get", fmt(q.getNowait()), info(q));
  q.shutdown();
  console.log("shut down", info(q));
  console.log("putters", fmt(yield* gather(...ps)), T(), info(q));
  console.log("left:", !q.empty() ? fmt(yield* q.get()) : "nothing", info(q));
  try {
    yield* q.get();
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    console.log("then get raises", info(q));
  }
}

loop.runUntilCompleteSync(main());
loop.close();
