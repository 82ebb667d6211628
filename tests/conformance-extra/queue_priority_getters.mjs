// Getters waiting on a PriorityQueue and a LifoQueue: each put wakes the oldest getter, which
// takes the smallest (or newest) item present when it runs, not necessarily the one whose
// put woke it; put_nowait of several items before the getters run hands them out in order.
import { EventLoop, sleep, gather, PriorityQueue, LifoQueue } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const info = (q) => String(q).slice(q.constructor.name.length + 2, -1);

function* getter(q, name, log) {
  const item = yield* q.get();
  log.push(`${name}<-${fmt(item)}`);
  return item;
}

function* main() {
  for (const cls of [PriorityQueue, LifoQueue]) {
    const q = new cls();
    const log = [];
    const ts = [0, 1, 2, 3].map((i) => loop.createTask(getter(q, `g${i}`, log)));
    yield* sleep(0);
    console.log(cls.name, "waiting", info(q));
    q.putNowait([5, "e"]);
    q.putNowait([1, "a"]);
    console.log(cls.name, "two put", info(q));
    yield* sleep(0);
    console.log(cls.name, fmt(log));
    q.putNowait([3, "c"]);
    yield* q.put([2, "b"]);
    yield* gather(...ts);
    console.log(cls.name, fmt(log), info(q));
  }
}

loop.runUntilCompleteSync(main());
loop.close();
