// nested gathers cancelled from the outside: the cancel message reaches every leaf, the outer
// gather raises the first CancelledError, the inner gathers end with a CancelledError
// exception (they are not "cancelled"); an inner gather with returnExceptions still raises;
// cancelling the task that awaits nested gathers; a leaf cancelled with a message inside a
// returnExceptions gather; the same coroutine or task twice.
import { EventLoop, sleep, gather, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* leaf(name, d, fail = false) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log(" ", name, "cancelled", fmt(e), T());
    throw e;
  }
  if (fail) throw new ValueError(name);
  console.log(" ", name, "done", T());
  return name;
}

function* main() {
  const inner1 = gather(leaf("a", 1), leaf("b", 2));
  const inner2 = gather(leaf("c", 1.5), leaf("d", 0.2), { returnExceptions: true });
  const outer = gather(inner1, inner2);
  yield* sleep(0.5);
  console.log("cancel outer", B(outer.cancel("shutdown")), T());
  try {
    yield* outer;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("outer raised", fmt(e), T());
  }
  console.log("outer cancelled", B(outer.cancelled()), "done", B(outer.done()));
  console.log("inner1 cancelled", B(inner1.cancelled()), "exception", fmt(inner1.exception()));
  console.log("inner2 cancelled", B(inner2.cancelled()), "exception", fmt(inner2.exception()));
  console.log("cancel again", B(outer.cancel()), B(inner1.cancel()));

  function* runner() {
    return yield* gather(
      gather(leaf("e", 1), leaf("f", 0.1, true), { returnExceptions: true }),
      leaf("g", 3));
  }
  const r = loop.createTask(runner());
  yield* sleep(0.3);
  r.cancel("stop runner");
  try {
    yield* r;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("runner raised", fmt(e), "cancelled", B(r.cancelled()), T());
  }

  const t1 = loop.createTask(leaf("h", 1));
  const t2 = loop.createTask(leaf("i", 0.3, true));
  const g = gather(t1, t2, leaf("j", 0.6), { returnExceptions: true });
  yield* sleep(0.4);
  t1.cancel("only h");
  console.log("list", fmt(yield* g), T());

  const c = leaf("k", 0.2);
  const t = loop.createTask(leaf("l", 0.1, true));
  console.log("twice", fmt(yield* gather(c, c, t, t, { returnExceptions: true })), T());
  try {
    yield* gather(t, t);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("twice raises", fmt(e), T());
  }
}

loop.runUntilCompleteSync(main());
loop.close();
