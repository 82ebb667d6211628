// A factory that returns a Task subclass which records its own life: every task the program
// makes is one (the main task included), they behave as Tasks (cancel, names, results), and
// the subclass sees each completion through its done callbacks. A factory that starts tasks
// eagerly is built from the subclass with createEagerTaskFactory.
import { EventLoop, sleep, gather, createTask, currentTask, Task, createEagerTaskFactory } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

class TracedTask extends Task {
  static count = 0;
  constructor(coro, options) {
    super(coro, options);
    TracedTask.count += 1;
    this.serial = TracedTask.count;
    this.addDoneCallback((t) => console.log(`  traced #${t.serial} done:`,
      t.cancelled() ? "cancelled" : fmt(t.exception() ?? t.result()), T()));
  }
}

const factory = (loop_, coro, opts) => new TracedTask(coro, { ...opts, loop: loop_ });

function* work(v, d, fail = false) {
  yield* sleep(d);
  if (fail) throw new ValueError(v);
  return v;
}

function* main() {
  console.log("main is traced:", B(currentTask() instanceof TracedTask));
  const ok = createTask(work("ok", 0.1));
  const bad = createTask(work("bad", 0.2, true));
  const slow = createTask(work("slow", 5));
  yield* sleep(0.3);
  slow.cancel();
  const r = yield* gather(ok, bad, slow, { returnExceptions: true });
  console.log("gather ->", fmt(r), T());
  loop.setTaskFactory(createEagerTaskFactory(TracedTask));
  const t = createTask(work("eager", 0));
  console.log("eager traced:", B(t instanceof TracedTask), "serial", t.serial, "done", B(t.done()));
  console.log("->", fmt(yield* t), T());
  return TracedTask.count;
}

loop.setTaskFactory(factory);
console.log("tasks made:", loop.runUntilCompleteSync(main()));
loop.close();
