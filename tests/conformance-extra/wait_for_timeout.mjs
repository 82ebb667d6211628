// wait_for: a result in time, a timeout that cancels the inner coroutine (its finally runs),
// an inner that runs inline in the waiting task, timeout None, timeout 0, and a Future.
import { EventLoop, sleep, waitFor, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);

function* slow(name, d) {
  console.log(name, "start", T());
  try {
    yield* sleep(d);
    console.log(name, "done", T());
    return name;
  } finally {
    console.log(name, "finally", T());
  }
}

function* ticker() {
  for (let i = 0; i < 3; i++) {
    console.log("tick", i, T());
    yield* sleep(0);
  }
}

function* main() {
  const t = loop.createTask(ticker());
  console.log("fast", fmt(yield* waitFor(slow("fast", 0.5), 1)), T());
  try {
    yield* waitFor(slow("slow", 2), 1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("timeout", ename(e), T());
  }
  console.log("none", fmt(yield* waitFor(slow("none", 3), null)), T());
  try {
    yield* waitFor(slow("zero", 1), 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("zero timeout", ename(e), T());
  }
  const f = loop.createFuture();
  try {
    yield* waitFor(f, 0.5);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("future cancelled", B(f.cancelled()), T());
  }
  const done = loop.createFuture();
  done.setResult(5);
  console.log("done future", yield* waitFor(done, 0), T());
  yield* t;
}

loop.runUntilCompleteSync(main());
loop.close();
