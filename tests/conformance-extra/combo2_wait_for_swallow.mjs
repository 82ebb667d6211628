// waitFor on a Task that swallows the cancellation: with a timeout > 0, 0 or negative,
// waitFor waits until the task is done and returns the value it returned; one that raises
// something else while cancelled passes that on; timeout null never cancels; a task that
// swallows and keeps going delays waitFor until it is really done; the caller can go on
// to a second waitFor on its own.
import { EventLoop, sleep, waitFor, shield, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* swallow(name, d, extra = 0.0, thenRaise = false) {
  try {
    yield* sleep(d);
    console.log("  ", name, "finished normally", T());
    return name;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  ", name, "swallowed the cancel", T());
  }
  if (extra) yield* sleep(extra);
  if (thenRaise) throw new ValueError(name);
  console.log("  ", name, "returns", T());
  return name + "-partial";
}

function* attempt(label, aw, timeout) {
  try {
    console.log(label, "->", fmt(yield* waitFor(aw, timeout)), T());
  } catch (e) {
    if (e instanceof TimeoutError) console.log(label, "-> TimeoutError", T());
    else if (e instanceof ValueError) console.log(label, "->", fmt(e), T());
    else throw e;
  }
}

function* started(coro) {
  const t = loop.createTask(coro);
  yield* sleep(0);
  return t;
}

function* main() {
  yield* attempt("timeout 0.5", yield* started(swallow("a", 2)), 0.5);
  yield* attempt("timeout 0", yield* started(swallow("b", 2)), 0);
  yield* attempt("timeout -1", yield* started(swallow("c", 2, 0.3)), -1);
  yield* attempt("timeout None", yield* started(swallow("d", 0.4)), null);
  yield* attempt("raises", yield* started(swallow("e", 2, 0.1, true)), 0.5);
  let t = yield* started(swallow("f", 2, 1));
  yield* attempt("slow to finish", t, 0.2);
  console.log("f done", B(t.done()), T());
  t = yield* started(swallow("g", 3));
  yield* attempt("first", shield(t), 0.5);
  yield* attempt("second", t, 0.5);
  console.log("not started, timeout 0:");
  yield* attempt("coroutine", swallow("h", 1), 0);
}

loop.runUntilCompleteSync(main());
loop.close();
