// Queue: a getter woken by put_nowait() finds the item gone when it runs (another task took it
// with get_nowait() first) and goes back to waiting at the end of the line; the same for a
// putter whose freed slot is refilled by put_nowait(). No item is lost or duplicated.
import { EventLoop, sleep, gather, Queue } from "wasmloop";
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

function* putter(q, item, log) {
  yield* q.put(item);
  log.push("put " + fmt(item));
}

function* main() {
  const q = new Queue();
  const log = [];
  const g1 = loop.createTask(getter(q, "g1", log));
  const g2 = loop.createTask(getter(q, "g2", log));
  yield* sleep(0);
  q.putNowait("x");
  console.log("woke g1, stolen:", fmt(q.getNowait()), info(q));
  yield* sleep(0);
  console.log("g1 waits again", fmt(log), info(q));
  q.putNowait("y");
  yield* sleep(0);
  console.log("after y", fmt(log), info(q));
  q.putNowait("z");
  yield* gather(g1, g2);
  console.log("getters", fmt(log), info(q));
  const f = new Queue(1);
  f.putNowait("full");
  log.length = 0;
  const p1 = loop.createTask(putter(f, "p1", log));
  const p2 = loop.createTask(putter(f, "p2", log));
  yield* sleep(0);
  f.getNowait();
  f.putNowait("refill");
  yield* sleep(0);
  console.log("p1 woken, slot refilled", fmt(log), info(f));
  console.log("drain", fmt(f.getNowait()), info(f));
  yield* sleep(0);
  console.log("drain", fmt(f.getNowait()), info(f));
  yield* sleep(0);
  console.log("drain", fmt(f.getNowait()), fmt(log), info(f));
  yield* gather(p1, p2);
}

loop.runUntilCompleteSync(main());
loop.close();
