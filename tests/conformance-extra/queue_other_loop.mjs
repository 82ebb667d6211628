// A Queue is bound to the loop of its first wait (a get or put that had to wait): on another
// loop, put_nowait/get_nowait and non-waiting get/put still work, a get that would wait is a
// RuntimeError, and the queue stays usable on its own loop.
import { EventLoop, sleep, gather, Queue, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const info = (q) => String(q).slice(q.constructor.name.length + 2, -1);

const q = new Queue(1);

function* first() {
  const g = loop.createTask(q.get());
  yield* sleep(0);
  yield* q.put("one");
  console.log("first loop got", fmt(yield* g), info(q));
}

function* second() {
  yield* q.put("two");
  console.log("second loop put", info(q));
  console.log("second loop get", fmt(yield* q.get()), info(q));
  try {
    yield* q.get();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("get that must wait:", ename(e), B(e.message.includes("bound to a different event loop")), info(q));
  }
  q.putNowait("three");
  try {
    yield* q.put("four");
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("put that must wait:", ename(e), info(q));
  }
}

loop.runUntilCompleteSync(first());
const loop2 = new EventLoop({ clock: "virtual" });
loop2.runUntilCompleteSync(second());
loop2.close();

function* again() {
  const p = loop.createTask(q.put("five"));
  yield* sleep(0);
  console.log("first loop", fmt(yield* q.get()), fmt(yield* q.get()), info(q));
  yield* p;
}

loop.runUntilCompleteSync(again());
loop.close();
