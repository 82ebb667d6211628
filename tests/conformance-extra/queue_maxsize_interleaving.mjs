// Queue(maxsize=2), iteration by iteration (a ticking callback): put() completes without an
// iteration while there is room; a put() on a full queue waits and is woken by get_nowait()
// (CPython's test_maxsize); get() on a non-empty queue takes no iteration; the repr shows
// items, waiting putters/getters and unfinished tasks.
import { EventLoop, sleep, gather, Queue } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

let it = 0;
function tick() {
  it += 1;
  loop.callSoon(tick);
}

const info = (q) => String(q).slice(q.constructor.name.length + 2, -1);

function* main() {
  loop.callSoon(tick);
  yield* sleep(0);
  const q = new Queue(2);
  console.log("new", info(q), q.maxsize, B(q.empty()), B(q.full()));
  const haveBeenPut = [];
  function* putter() {
    for (let i = 0; i < 3; i++) {
      console.log("put", i, "at", it);
      yield* q.put(i);
      haveBeenPut.push(i);
      console.log("put", i, "done at", it, info(q));
    }
    return true;
  }
  const t = loop.createTask(putter());
  for (let i = 0; i < 2; i++) yield* sleep(0);
  console.log("putter blocked", fmt(haveBeenPut), info(q), B(q.full()));
  console.log("get", yield* q.get(), "at", it, info(q));
  yield* sleep(0);
  console.log("putter resumed", fmt(haveBeenPut), info(q));
  console.log("get", yield* q.get(), yield* q.get(), "at", it, info(q));
  console.log("putter", B(yield* t), info(q));
  const g = loop.createTask(q.get());
  yield* sleep(0);
  console.log("getter waiting", info(q));
  q.putNowait("x");
  console.log("put_nowait wakes it", info(q));
  console.log("getter got", fmt(yield* g), "at", it, info(q));
  for (let i = 0; i < 4; i++) q.taskDone();
  console.log("all done", info(q));
}

loop.runUntilCompleteSync(main());
loop.close();
