// Queue getters cancelled (CPython's test_get_cancelled_race, test_get_cancel_drop_one_pending_reader
// and _many_pending_readers): a getter cancelled while waiting is skipped; one woken by
// put_nowait() and cancelled before it ran wakes the next getter, so no item is lost and each
// item goes to exactly one getter; a wait_for(get) that times out leaves no getter behind.
import { EventLoop, sleep, gather, waitFor, Queue, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const info = (q) => String(q).slice(q.constructor.name.length + 2, -1);

function* race() {
  const q = new Queue();
  const t1 = loop.createTask(q.get());
  const t2 = loop.createTask(q.get());
  yield* sleep(0);
  t1.cancel();
  yield* sleep(0);
  console.log("race: t1 done", B(t1.done()), info(q));
  yield* q.put("a");
  yield* sleep(0);
  console.log("race: t2 got", fmt(yield* t2), info(q));
}

function* dropOne() {
  const q = new Queue();
  let reader = loop.createTask(q.get());
  yield* sleep(0);
  q.putNowait(1);
  q.putNowait(2);
  reader.cancel();
  try {
    yield* reader;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("drop_one: reader cancelled", info(q));
    reader = loop.createTask(q.get());
    yield* reader;
  }
  console.log("drop_one: got", reader.result(), info(q));
}

function* dropMany() {
  const q = new Queue();
  const readers = [0, 1, 2].map(() => loop.createTask(q.get()));
  yield* sleep(0);
  q.putNowait(1);
  q.putNowait(2);
  console.log("drop_many: two put", info(q));
  readers[0].cancel();
  try {
    yield* readers[0];
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("drop_many: reader0 cancelled", info(q));
  }
  const res = yield* gather(readers[1], readers[2]);
  console.log("drop_many:", fmt(res), info(q));
}

function* timeouts() {
  const q = new Queue(5);
  try {
    yield* waitFor(q.get(), 0.1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("timeouts: get timed out", T(), q._getters.length);
  }
  function* latePut() {
    yield* sleep(0.25);
    q.putNowait("late");
  }
  const p = loop.createTask(latePut());
  console.log("timeouts: waited get", fmt(yield* waitFor(q.get(), 1)), T(), info(q));
  yield* p;
}

function* main() {
  yield* race();
  yield* dropOne();
  yield* dropMany();
  yield* timeouts();
}

loop.runUntilCompleteSync(main());
loop.close();
