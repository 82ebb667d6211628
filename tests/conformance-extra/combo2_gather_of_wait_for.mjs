// per-request timeouts inside a fan-out: gather(waitFor(fetch(a), t), fetch(b), ...). The
// children start in argument order; one times out, the others finish; with
// returnExceptions the TimeoutError is in the list; cancelling such a gather waits until
// every child (and its cleanup) is done before the gather raises.
import { EventLoop, sleep, gather, waitFor, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* fetch(name, d, cleanup = 0) {
  console.log("  start", name, T());
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  cancelled", name, T());
    if (cleanup) {
      yield* sleep(cleanup);
      console.log("  cleaned up", name, T());
    }
    throw e;
  }
  console.log("  fetched", name, T());
  return name;
}

function* main() {
  const res = yield* gather(
    waitFor(fetch("a", 0.2), 1),
    fetch("b", 0.3),
    waitFor(fetch("c", 2), 0.5),
    { returnExceptions: true });
  console.log("results", fmt(res), T());

  try {
    yield* gather(fetch("d", 0.1), waitFor(fetch("e", 3), 0.4), fetch("f", 0.7));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("gather raised", ename(e), T());
  }
  yield* sleep(1);

  const g = gather(
    waitFor(fetch("g", 5, 0.3), 10),
    waitFor(fetch("h", 5, 0.6), 10));
  yield* sleep(0.5);
  console.log("cancel", B(g.cancel()), T());
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("gather cancelled", T());
  }
  yield* sleep(1);
  console.log("end", T());
}

loop.runUntilCompleteSync(main());
loop.close();
