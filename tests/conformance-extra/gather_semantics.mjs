// gather: results in input order, returnExceptions, a failure does not cancel siblings,
// cancelling the gather cancels the children.
import { EventLoop, sleep, gather, ensureFuture, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* work(name, d, fail = false) {
  console.log("start", name, T());
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("cancelled", name, T());
    throw e;
  }
  if (fail) throw new ValueError(name);
  console.log("end", name, T());
  return name.toUpperCase();
}

function* main() {
  console.log("r1", fmt(yield* gather(work("a", 0.3), work("b", 0.1), work("c", 0.2))), T());
  console.log("r2", fmt(yield* gather(work("d", 0.1), work("e", 0.2, true), { returnExceptions: true })), T());
  const sib = ensureFuture(work("sib", 0.5));
  try {
    yield* gather(work("f", 0.1, true), sib);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("r3 raised", fmt(e), T(), "sib done", B(sib.done()));
  }
  console.log("sib result", fmt(yield* sib), T());
  const g = gather(work("g", 1), work("h", 2));
  yield* sleep(0.5);
  console.log("cancel gather", B(g.cancel()), T());
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("gather cancelled", B(g.cancelled()), T());
  }
  console.log("empty", fmt(yield* gather()));
  const f = loop.createFuture();
  loop.callLater(0.25, (v) => f.setResult(v), 7);
  console.log("dup", fmt(yield* gather(f, f, work("i", 0.1))), T());
}

loop.runUntilCompleteSync(main());
loop.close();
