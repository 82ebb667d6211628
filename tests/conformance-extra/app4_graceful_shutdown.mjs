// graceful shutdown: cancel every task from allTasks() except the current one (with a
// message), then gather(..., { returnExceptions: true }) and print each outcome: plain
// cancellation, cleanup that awaits then re-raises, a task that swallows the cancel and
// returns, one whose cleanup fails, one that needs two cancels, and a task that was blocked
// on another task (both cancelled). Tasks started by cleanup code are not in the snapshot.
import { EventLoop, sleep, gather, currentTask, allTasks, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* plain() {
  yield* sleep(100);
}

function* tidy() {
  try {
    yield* sleep(100);
  } finally {
    console.log("  tidy: flushing", T());
    yield* sleep(0.15);
    console.log("  tidy: flushed", T());
  }
}

function* stubborn() {
  try {
    yield* sleep(100);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  stubborn: ignoring", fmt(e), T());
    return "partial result";
  }
}

function* broken() {
  try {
    yield* sleep(100);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    throw new ValueError("cleanup failed");
  }
}

function* twice() {
  for (let i = 0; i < 2; i++) {
    try {
      yield* sleep(100);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("  twice: cancel", i, T());
      currentTask().uncancel();
    }
  }
  return "ran twice";
}

function* waiter(other) {
  return yield* other;
}

function* background() {
  yield* sleep(0.05);
  return "bg";
}

function* main() {
  const tasks = {};
  for (const [name, coro] of [["plain", plain()], ["tidy", tidy()], ["stubborn", stubborn()],
                              ["broken", broken()], ["twice", twice()]]) {
    tasks[name] = loop.createTask(coro, { name });
  }
  tasks.waiter = loop.createTask(waiter(tasks.plain), { name: "waiter" });
  const doneEarly = loop.createTask((function* () { return yield* sleep(0.1, "early"); })(), { name: "early" });
  yield* sleep(0.33);
  console.log("early done", B(doneEarly.done()), "result", doneEarly.result());
  const me = currentTask();
  const victims = [...allTasks()].filter((t) => t !== me).sort((a, b) => (a.getName() < b.getName() ? -1 : 1));
  console.log("shutting down", fmt(victims.map((t) => t.getName())), T());
  for (const t of victims) t.cancel("shutdown");
  loop.callLater(0.07, () => tasks.twice.cancel("again"));
  const bg = loop.createTask(background(), { name: "bg" });
  const results = yield* gather(...victims, { returnExceptions: true });
  victims.forEach((t, i) => {
    console.log(`  ${t.getName().padEnd(8)} cancelled=${B(t.cancelled())} -> ${fmt(results[i])}`);
  });
  console.log("all done", T(), "left", fmt([...allTasks()].filter((t) => t !== me).map((t) => t.getName()).sort()));
  console.log("bg", B(bg.done()), yield* bg, T());
}

loop.runUntilCompleteSync(main());
loop.close();
