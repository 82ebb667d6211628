// a timeout around a whole fan-out: waitFor(gather(...), t). On timeout every child is
// cancelled and TimeoutError comes once they are all done; a child that swallows the cancel
// and returns a value still ends in TimeoutError; returnExceptions does not hide the
// timeout; a fan-out that beats the timeout returns the list; the waiting task cancelled
// from outside gets CancelledError with its message, not TimeoutError.
import { EventLoop, sleep, gather, waitFor, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* job(name, d, stubborn = false) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  ", name, "cancelled", fmt(e), T());
    if (!stubborn) throw e;
    yield* sleep(0.2);
    console.log("  ", name, "returns anyway", T());
    return name + "!";
  }
  console.log("  ", name, "done", T());
  return name;
}

function* attempt(label, aw, timeout) {
  try {
    console.log(label, "->", fmt(yield* waitFor(aw, timeout)), T());
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log(label, "-> TimeoutError", T());
  }
}

function* main() {
  yield* attempt("in time", gather(job("a", 0.1), job("b", 0.2)), 1);
  yield* attempt("too slow", gather(job("c", 0.1), job("d", 5), job("e", 7)), 0.5);
  yield* attempt("stubborn", gather(job("f", 5, true), job("g", 0.3)), 0.5);
  yield* attempt("return_exceptions", gather(job("h", 5), job("i", 0.1), { returnExceptions: true }), 0.5);
  const g = gather(job("j", 0.2), job("k", 0.4));
  yield* attempt("gather future, zero", g, 0);
  console.log("zero: gather cancelled", B(g.cancelled()), "done", B(g.done()));

  function* guarded() {
    return yield* waitFor(gather(job("l", 5), job("m", 6)), 2);
  }
  const w = loop.createTask(guarded());
  yield* sleep(0.5);
  w.cancel("user abort");
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("guarded raised", fmt(e), T());
  }
}

loop.runUntilCompleteSync(main());
loop.close();
