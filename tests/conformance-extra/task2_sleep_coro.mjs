// asyncio.sleep() is a coroutine: wrapping it (runUntilComplete, gather, ensureFuture)
// makes a Task, which takes a "Task-N" number and shows in allTasks(); and its delay counts
// from when it is first awaited, not from the call.
import { EventLoop, setEventLoop, sleep, gather, ensureFuture, currentTask, allTasks } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
setEventLoop(loop);

function* probe(tag) {
  console.log(tag, "runs in", currentTask().getName(), "tasks alive", allTasks().size);
  return tag;
}

console.log("run sleep ->", fmt(await loop.runUntilComplete(sleep(0.25, "slept"))), T());

function* main() {
  console.log("main is", currentTask().getName());
  const res = yield* gather(sleep(0.1, "x"), probe("g"));
  console.log("gather ->", fmt(res), T());
  const e = ensureFuture(sleep(0.2, "e"));
  const t = loop.createTask(probe("t"));
  console.log("ensure_future(sleep) ->", fmt(yield* e), fmt(yield* t), T());
  const s = sleep(1, "late");
  yield* sleep(0.5);
  console.log("made at 0.550, awaited at", T());
  console.log("await s ->", fmt(yield* s), T());
}

await loop.runUntilComplete(main());
loop.close();
