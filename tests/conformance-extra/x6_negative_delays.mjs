// Negative and zero delays: call_later(-1) and call_at in the past run after what call_soon
// queued earlier and in deadline order among themselves; sleep(-1) yields once like sleep(0);
// wait_for with a negative timeout on a done future returns its result, on a failed task
// raises its exception, on a pending future raises TimeoutError; timeout(-1) expires at the
// first await; timeout_at(loop.time()) likewise.
import { EventLoop, sleep, waitFor, timeout, timeoutAt, asyncWith, createTask, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* fails() {
  throw new ValueError("inner");
}

function* main() {
  console.log("case 1: ordering");
  yield* sleep(0.5);
  const out = [];
  const push = (v) => out.push(v);
  loop.callSoon(push, "soon1");
  loop.callLater(-1, push, "later-1");
  loop.callAt(loop.time() - 2, push, "at-2");
  loop.callLater(0, push, "later0");
  loop.callSoon(push, "soon2");
  yield* sleep(0);
  console.log("  after one yield", fmt(out));
  yield* sleep(0);
  console.log("  after two", fmt(out), T());

  console.log("case 2: sleep(-1)");
  const r = yield* sleep(-1, "val");
  console.log("  sleep(-1) ->", fmt(r), T());

  console.log("case 3: wait_for negative timeout");
  const f = loop.createFuture(); f.setResult("done");
  console.log("  done future", fmt(yield* waitFor(f, -1)));
  const t = createTask(fails());
  yield* sleep(0);
  try {
    yield* waitFor(t, -1);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("  failed task", fmt(e));
  }
  const p = loop.createFuture();
  try {
    yield* waitFor(p, -1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  pending", ename(e), "cancelled", B(p.cancelled()), T());
  }

  console.log("case 4: timeout(-1) and timeout_at(now)");
  for (const make of [() => timeout(-1), () => timeoutAt(loop.time())]) {
    const cm = make();
    try {
      yield* asyncWith(cm, function* () {
        console.log("  inside, expired", B(cm.expired()));
        yield* sleep(0);
        console.log("  not reached");
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("  TimeoutError, expired", B(cm.expired()), T());
    }
  }
}

loop.runUntilCompleteSync(main());
loop.close();
