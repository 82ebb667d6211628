// The parent is cancelled again and again while the group waits in its exit for children that
// clean up slowly: the first cancel aborts the group, the later ones only interrupt the wait,
// which resumes; the CancelledError comes out once every child is done, and cancelling()
// counts every request. A body that swallows an outside cancel (and takes it back with
// uncancel) leaves the group running: its children finish normally.
import { EventLoop, sleep, TaskGroup, asyncWith, currentTask, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* slowCleanup(name, cleanup) {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  ", name, "cancelled, cleaning up", T());
    yield* sleep(cleanup);
    console.log("  ", name, "cleaned up", T());
    throw e;
  }
}

function* work(name, d) {
  yield* sleep(d);
  console.log("  ", name, "done", T());
  return name;
}

function* runner() {
  yield* asyncWith(new TaskGroup(), function* (tg) {
    tg.createTask(slowCleanup("a", 2));
    console.log("  body done", T());
  });
  console.log("never printed");
}

function* swallower() {
  const me = currentTask();
  let t;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    t = tg.createTask(work("child", 2));
    try {
      yield* sleep(5);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("  body swallows the cancel", T(), "uncancel ->", me.uncancel());
    }
    yield* sleep(0.5);
    console.log("  body goes on", T());
  });
  return t.result();
}

function* main() {
  console.log("repeated cancels:");
  const r = loop.createTask(runner());
  yield* sleep(1);
  for (let i = 0; i < 3; i++) {
    console.log("  cancel", i + 1, "->", B(r.cancel()), T());
    yield* sleep(0.5);
  }
  try {
    yield* r;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  runner CancelledError", T(), "cancelled", B(r.cancelled()), "cancelling", r.cancelling());
  }
  console.log("swallowed cancel:");
  const s = loop.createTask(swallower());
  yield* sleep(1);
  s.cancel();
  console.log("  ->", fmt(yield* s), T(), "cancelling", s.cancelling());
}

loop.runUntilCompleteSync(main());
loop.close();
