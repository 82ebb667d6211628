// run() on a virtual-time loop: main returns while three tasks are still pending; run()
// cancels them all, lets their finally blocks await (a sleep, a nested task) and waits for
// them, then closes the loop and returns main's value. A leftover that catches the
// cancellation and returns a value is not reported. (Nothing prints at the cancel itself:
// run() cancels in allTasks() order, which asyncio leaves to a set.)
import { run, sleep, createTask, getRunningLoop, CancelledError } from "wasmloop";
const T = () => getRunningLoop().time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* flush(name) {
  yield* sleep(0.2);
  console.log("   ", name, "flushed", T());
}

function* worker(name, cleanup) {
  try {
    yield* sleep(100);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    // (no print here: run() cancels in allTasks() order, which asyncio leaves to a set)
    if (cleanup === "swallow") {
      yield* sleep(0.05);
      console.log(name, "swallows the cancel", fmt(e), T());
      return "partial";
    }
    throw e;
  } finally {
    if (cleanup === "sleep") {
      yield* sleep(0.1);
      console.log(name, "slept in finally", T());
    } else if (cleanup === "task") {
      yield* createTask(flush(name));
      console.log(name, "awaited a task in finally", T());
    }
  }
}

let theLoop;
function* main() {
  theLoop = getRunningLoop();
  createTask(worker("w-sleep", "sleep"));
  createTask(worker("w-task", "task"));
  createTask(worker("w-swallow", "swallow"));
  yield* sleep(1);
  console.log("main returns", T());
  return "main result";
}

console.log("run ->", fmt(await run(main(), { clock: "virtual" })));
console.log("loop closed:", B(theLoop.isClosed()), "time", theLoop.time().toFixed(3));
