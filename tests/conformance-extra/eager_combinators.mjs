// The eager factory under the combinators, which make their tasks through createTask:
// gather of coroutines that never suspend is done when gather returns; shield and waitFor
// of one that suspends run its first step at once; wait() gets done and pending tasks in
// one call; a task that cancels itself during its eager step and then returns ends
// cancelled.
import { EventLoop, sleep, gather, shield, waitFor, wait, ensureFuture, currentTask, eagerTaskFactory, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
loop.setTaskFactory(eagerTaskFactory);

function* value(v) {
  return v;
}

function* later(v, d) {
  console.log("  later", v, "first step", T());
  yield* sleep(d);
  return v;
}

function* selfCancel() {
  currentTask().cancel("by myself");
  return "returned";
}

function* main() {
  let g = gather(value(1), value(2), value(3));
  console.log("gather of quick ones done at once:", B(g.done()), fmt(g.result()));
  g = gather(value("a"), later("b", 0.1));
  console.log("gather with a slow one done:", B(g.done()));
  console.log("->", fmt(yield* g), T());
  const s = shield(later("shielded", 0.1));
  console.log("shield made:", B(s.done()));
  console.log("->", fmt(yield* s), T());
  console.log("wait_for ->", fmt(yield* waitFor(later("wf", 0.1), 1)), T());
  const [done, pending] = yield* wait([ensureFuture(value("x")), ensureFuture(later("y", 0.2))], { timeout: 0.1 });
  console.log("wait: done", fmt([...done].map((t) => t.result()).sort()), "pending", pending.size, T());
  for (const t of pending) console.log("pending finishes ->", fmt(yield* t), T());
  const t = loop.createTask(selfCancel());
  console.log("self-cancelling task: done", B(t.done()), "cancelled", B(t.cancelled()));
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("await it:", fmt(e));
  }
}

loop.runUntilCompleteSync(main());
loop.close();
