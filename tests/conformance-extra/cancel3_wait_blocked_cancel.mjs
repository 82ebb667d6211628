// a task blocked in wait() cancelled around the moment wait() completes: a done callback of
// the finishing future registered before wait's own cancels the waiter while wait's inner
// waiter is pending; one registered after wait's finds it already released, and the task
// still gets CancelledError in its next step (the results are there but never returned);
// the waited tasks keep running either way; a wait with a timeout cancelled early never
// wakes anyone later; a second wait() on the same tasks collects them. A reporter started
// in the completing iteration shows the steps.
import { EventLoop, sleep, wait, currentTask, FIRST_COMPLETED, FIRST_EXCEPTION, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const names = new Map();

function* reporter(label, n) {
  for (let i = 0; i < n; i++) {
    console.log("   ", label, i, T());
    yield* sleep(0);
  }
}

function* job(name, d) {
  yield* sleep(d);
  console.log("  job", name, "finishes", T());
  return name;
}

function mk(name, d) {
  const t = loop.createTask(job(name, d));
  names.set(t, name);
  return t;
}

const wn = (s) => [...s].map((f) => names.get(f)).sort().join(",");

function* blocked(name, fs, opts) {
  const me = currentTask();
  let done, pending;
  try {
    [done, pending] = yield* wait(fs, opts);
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log("  ", name, "cancelled in wait", fmt(e), "done:", wn(fs.filter((f) => f.done())),
                  "cancelling", me.cancelling(), T());
    }
    throw e;
  }
  console.log("  ", name, "wait ->", wn(done), "|", wn(pending), T());
  return wn(done);
}

function* settle(t) {
  try {
    return fmt(yield* t);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    return "cancelled " + fmt(e);
  }
}

function* main() {
  const [a, b] = [mk("a", 1), mk("b", 2)];
  const w1 = loop.createTask(blocked("w1", [a, b], { returnWhen: FIRST_COMPLETED }));
  a.addDoneCallback(() => {
    console.log("  early cb on a: cancel w1", B(w1.cancel("early")), T());
    loop.createTask(reporter("rep1", 4));
  });
  console.log("w1:", yield* settle(w1), T());
  console.log("b still running:", B(!b.done()));

  const [c, d] = [mk("c", 1.1), mk("d", 2.1)];
  const w2 = loop.createTask(blocked("w2", [c, d], { returnWhen: FIRST_COMPLETED }));
  yield* sleep(0);
  c.addDoneCallback(() => {
    console.log("  late cb on c: cancel w2", B(w2.cancel("late")), T());
    loop.createTask(reporter("rep2", 4));
  });
  console.log("w2:", yield* settle(w2), T());

  const e = mk("e", 0.5);
  const w3 = loop.createTask(blocked("w3", [d, e], { timeout: 0.75 }));
  yield* sleep(0.25);
  console.log("cancel w3", B(w3.cancel("w3")), T());
  console.log("w3:", yield* settle(w3), T());
  yield* sleep(1);
  console.log("after the old timeout", T());
  const w4 = loop.createTask(blocked("w4", [a, b, c, d, e], { returnWhen: FIRST_EXCEPTION }));
  console.log("w4:", yield* settle(w4), T());
}

loop.runUntilCompleteSync(main());
loop.close();
