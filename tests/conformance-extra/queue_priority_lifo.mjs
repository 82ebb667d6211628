// PriorityQueue returns the smallest item first, comparing lists element by element as Python
// compares tuples (ties on the first element fall to the second; None equals None); ints,
// floats and strings order as in Python; an item that cannot be compared with the one it
// meets raises TypeError from put_nowait.
// LifoQueue returns the newest item first. The repr lists the heap as stored.
import { EventLoop, sleep, gather, Queue, PriorityQueue, LifoQueue } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const info = (q) => String(q).slice(q.constructor.name.length + 2, -1);

function* main() {
  let q = new PriorityQueue();
  for (const item of [[3, "c"], [1, "b"], [2, "x"], [1, "a"], [2.5, "y"], [0, "z", 1], [0, "z"]]) {
    yield* q.put(item);
  }
  console.log("heap", info(q));
  const order = [];
  for (let n = q.qsize(); n > 0; n--) order.push(yield* q.get());
  console.log("order", fmt(order));
  for (const s of ["banana", "apple", "Cherry", "apple pie", "", "\u00e9clair"]) q.putNowait(s);
  console.log("strings", fmt([...Array(q.qsize())].map(() => q.getNowait())));
  for (const n of [5, -1, 2.5, 10 ** 3, 0, -7.25]) q.putNowait(n);
  console.log("numbers", fmt([...Array(q.qsize())].map(() => q.getNowait())));
  q.putNowait(1);
  try {
    q.putNowait("one");
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    console.log("mixed:", fmt(e));
  }
  q = new PriorityQueue();
  class Job {}
  q.putNowait([2, new Job()]);
  try {
    q.putNowait([2, new Job()]);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    console.log("tie on a Job:", fmt(e));
  }
  q = new PriorityQueue();
  q.putNowait([1, null]);
  q.putNowait([1, undefined]);
  q.putNowait([0, new Job()]);
  q.putNowait([2, new Job()]);
  console.log("ties on None", fmt([...Array(q.qsize())].map(() => q.getNowait()[0])), info(q));
  const lq = new LifoQueue();
  for (const i of [1, 3, 2]) yield* lq.put(i);
  const before = info(lq);
  const got = [];
  for (let i = 0; i < 3; i++) got.push(yield* lq.get());
  console.log("lifo", before, fmt(got));
}

loop.runUntilCompleteSync(main());
loop.close();
