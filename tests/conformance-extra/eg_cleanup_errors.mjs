// Errors raised while a group is being cancelled from outside: three children each fail in
// their cleanup, at different times; the group waits for all of them, turns the parent's
// CancelledError into an ExceptionGroup of the three in the order they failed, and split()
// separates them by type. The parent task ends failed (not cancelled), its request counted.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const tree = (e, ind = "  ") => {
  if (e == null) console.log(ind + "None");
  else if (e instanceof ExceptionGroup) {
    console.log(ind + `${ename(e)}('${e.message}') [${e.exceptions.length}]`);
    for (const x of e.exceptions) tree(x, ind + "  ");
  } else console.log(ind + fmt(e));
};

function* cleanupFails(d, exc) {
  try {
    yield* sleep(10);
  } finally {
    yield* sleep(d);
    console.log("  cleanup raises", fmt(exc), T());
    throw exc; // eslint-disable-line no-unsafe-finally
  }
}

function* runner() {
  yield* asyncWith(new TaskGroup(), function* (tg) {
    tg.createTask(cleanupFails(0.75, new ValueError("late")));
    tg.createTask(cleanupFails(0.25, new TypeError("early")));
    tg.createTask(cleanupFails(0.5, new ValueError("middle")));
    yield* sleep(10);
  });
}

function* main() {
  const r = loop.createTask(runner());
  yield* sleep(1);
  r.cancel();
  try {
    yield* r;
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("runner failed", T(), "cancelled", B(r.cancelled()), "cancelling", r.cancelling());
    tree(eg);
    const [m, rest] = eg.split(ValueError);
    console.log("ValueErrors:");
    tree(m);
    console.log("the rest:");
    tree(rest);
  }
}

loop.runUntilCompleteSync(main());
loop.close();
