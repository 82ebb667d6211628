// run() with a main that fails: the leftover tasks are still cancelled and finished (one of
// them fails in its cleanup: reported to the exception handler with asyncio's shutdown
// message and the task), the loop is closed, and main's exception comes out of run(). A
// main cancelled by another task makes run() reject with CancelledError the same way.
import { run, sleep, createTask, currentTask, getRunningLoop, CancelledError } from "wasmloop";
const T = () => getRunningLoop().time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m); this.name = "KeyError"; } }

function handler(loop, context) {
  const task = context.task;
  console.log("handler:", context.message, "|", fmt(context.exception),
    "| task", task ? task.getName() : null, loop.time().toFixed(3));
}

function* tidy(name, d, fail = false) {
  try {
    yield* sleep(100);
  } finally {
    yield* sleep(d);
    console.log(name, "cleaned up", T());
    if (fail) throw new ValueError(name + " cleanup failed");
  }
}

let loop1, loop2;
function* failingMain() {
  loop1 = getRunningLoop();
  loop1.setExceptionHandler(handler);
  createTask(tidy("quiet", 0.1), { name: "quiet" });
  createTask(tidy("noisy", 0.2, true), { name: "noisy" });
  yield* sleep(0.5);
  throw new KeyError("main failed");
}

try {
  await run(failingMain(), { clock: "virtual" });
} catch (e) {
  if (!(e instanceof KeyError)) throw e;
  console.log("run raised", ename(e), "loop closed:", B(loop1.isClosed()), loop1.time().toFixed(3));
}

function* victim() {
  loop2 = getRunningLoop();
  const me = currentTask();
  getRunningLoop().callLater(0.3, () => me.cancel("stop main"));
  createTask(tidy("bystander", 0.1));
  yield* sleep(10);
}

try {
  await run(victim(), { clock: "virtual" });
} catch (e) {
  if (!(e instanceof CancelledError)) throw e;
  console.log("run raised", fmt(e), "loop closed:", B(loop2.isClosed()), loop2.time().toFixed(3));
}
