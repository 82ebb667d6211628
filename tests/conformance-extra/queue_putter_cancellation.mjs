// Queue putters cancelled (CPython's test_put_cancel_drop, test_put_cancelled_race,
// test_cancelled_puts_not_being_held_in_self_putters, test_cancelled_put_silence_value_error_exception):
// a putter cancelled while queued is skipped and never puts; one woken by get_nowait() and
// cancelled before it ran wakes the next putter; cancelled putters leave no trace in _putters.
import { EventLoop, sleep, gather, Queue, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const info = (q) => String(q).slice(q.constructor.name.length + 2, -1);

function* drop() {
  const q = new Queue(1);
  q.putNowait(1);
  let writer = loop.createTask(q.put(2));
  yield* sleep(0);
  console.log("drop: writer waiting", info(q));
  console.log("drop: get_nowait", q.getNowait(), info(q));
  writer.cancel();
  try {
    yield* writer;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("drop: writer cancelled", info(q));
    writer = loop.createTask(q.put(2));
    yield* writer;
  }
  console.log("drop: then", q.getNowait(), q.qsize(), info(q));
}

function* race() {
  const q = new Queue(1);
  const putA = loop.createTask(q.put("a"));
  const putB = loop.createTask(q.put("b"));
  const putC = loop.createTask(q.put("X"));
  yield* sleep(0);
  console.log("race:", B(putA.done()), B(putB.done()), B(putC.done()), info(q));
  putC.cancel();
  yield* sleep(0);
  console.log("race: c cancelled", B(putC.cancelled()), info(q));
  console.log("race: got", fmt(q.getNowait()), info(q));
  yield* sleep(0);
  console.log("race: got", fmt(q.getNowait()), info(q));
  yield* putB;
  console.log("race: end", info(q));
}

function* wokenThenCancelled() {
  const q = new Queue(1);
  q.putNowait(0);
  const p1 = loop.createTask(q.put(1));
  const p2 = loop.createTask(q.put(2));
  yield* sleep(0);
  console.log("woken: two putters", info(q));
  q.getNowait();
  p1.cancel();
  yield* sleep(0);
  console.log("woken: p1 cancelled", B(p1.cancelled()), "p2 done", B(p2.done()), info(q));
  yield* sleep(0);
  console.log("woken: p2 done", B(p2.done()), "queue holds", q.getNowait(), info(q));
}

function* main() {
  yield* drop();
  yield* race();
  yield* wokenThenCancelled();
}

loop.runUntilCompleteSync(main());
loop.close();
