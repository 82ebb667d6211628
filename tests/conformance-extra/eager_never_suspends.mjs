// With the eager task factory, a coroutine that never suspends runs to its end inside
// createTask: the task is done when createTask returns, before callbacks scheduled earlier
// and without a loop iteration; its done callbacks still go through the loop; awaiting it
// gives the result at once, and cancel() of it returns false.
import { EventLoop, sleep, ensureFuture, createTask, eagerTaskFactory } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
loop.setTaskFactory(eagerTaskFactory);

function* quick(n) {
  console.log("  quick", n, "runs", T());
  return n * 2;
}

function* main() {
  loop.callSoon(console.log, "callback scheduled before create_task");
  const t = loop.createTask(quick(1));
  console.log("create_task returned; done:", B(t.done()), "result:", t.result(), T());
  t.addDoneCallback((f) => console.log("done callback of quick 1 ->", f.result()));
  console.log("cancel of a done eager task:", B(t.cancel()), "cancelled:", B(t.cancelled()));
  console.log("await ->", yield* t, T());
  const t2 = createTask(quick(2), { name: "named" });
  console.log("named:", t2.getName(), "done:", B(t2.done()));
  const r = yield* ensureFuture(quick(3));
  console.log("ensure_future ->", r, T());
  yield* sleep(0);
  console.log("after one iteration", T());
}

loop.runUntilCompleteSync(main());
loop.close();
