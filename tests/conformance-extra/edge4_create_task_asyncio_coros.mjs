// createTask of the coroutines asyncio itself provides: createTask(sleep(d, r)),
// createTask(waitFor(coro, t)) and createTask(wait([...])) make numbered (or named) Tasks
// listed by allTasks() that run like any other: the sleep's delay counts from the task's
// first step, the waitFor task fails with TimeoutError (its inner coroutine is cancelled),
// the wait task gives the [done, pending] pair; such a task can be cancelled and awaited by
// gather; a done callback sees its result.
import { EventLoop, sleep, waitFor, wait, gather, allTasks, FIRST_COMPLETED, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* work(name, d) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", name, "cancelled", T());
    throw e;
  }
  console.log("  ", name, "done", T());
  return name;
}

const names = () => fmt([...allTasks()].map((t) => t.getName()).sort());

function* main() {
  const s = loop.createTask(sleep(0.25, "slept"));
  const n = loop.createTask(sleep(0.5, "named"), { name: "napper" });
  console.log("made", s.getName(), n.getName(), "tasks", names());
  s.addDoneCallback((t) => console.log("   callback sees", fmt(t.result()), T()));
  console.log("sleep task ->", fmt(yield* s), T());
  console.log("named ->", fmt(yield* n), T(), "tasks", names());

  const wf = loop.createTask(waitFor(work("slow", 1), 0.3));
  const ok = loop.createTask(waitFor(work("quick", 0.1), 0.3));
  console.log("wait_for tasks", wf.getName(), ok.getName());
  try {
    yield* wf;
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("wait_for task raised TimeoutError", T(), "exception class", ename(wf.exception()));
  }
  console.log("quick ->", fmt(ok.result()));

  const a = loop.createTask(work("a", 0.1), { name: "a" });
  const b = loop.createTask(work("b", 0.6), { name: "b" });
  const w = loop.createTask(wait([a, b], { returnWhen: FIRST_COMPLETED }));
  const [done, pending] = yield* w;
  console.log("wait task ->", fmt([...done].map((t) => t.getName()).sort()), fmt([...pending].map((t) => t.getName()).sort()), T());

  const c = loop.createTask(sleep(5));
  yield* sleep(0.1);
  console.log("cancel sleep task", B(c.cancel("enough")));
  try {
    yield* c;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("sleep task cancelled", fmt(e), B(c.cancelled()), T());
  }

  const r = yield* gather(loop.createTask(sleep(0.2, "x")), b);
  console.log("gather of them", fmt(r), T(), "tasks", names());
}

loop.runUntilCompleteSync(main());
loop.close();
