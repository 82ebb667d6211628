// What run() can run: a coroutine function's coroutine, sleep(...) and waitFor(...)
// themselves (asyncio's coroutines, here Futures that behave as them); main runs as a Task
// named Task-N like any other, and the leftover a main leaves is cancelled with run()'s
// plain cancellation (no message). (Task names are printed in the first run only: asyncio.run's
// shutdown makes two tasks of its own, shutdown_asyncgens and shutdown_default_executor.)
import { run, sleep, waitFor, createTask, currentTask, getRunningLoop, EventLoop, CancelledError, TimeoutError } from "wasmloop";
const T = () => getRunningLoop().time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const virtual = { loopFactory: () => new EventLoop({ clock: "virtual" }) };

function* slow() {
  yield* sleep(5);
  return "slow";
}

function* who() {
  const me = currentTask();
  console.log("main task:", me.getName(), T());
  const t = createTask(leftover());
  yield* sleep(0.1);
  console.log("leftover task:", t.getName(), T());
  return "who";
}

function* leftover() {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("leftover cancelled with", fmt(e), T());
    throw e;
  }
}

console.log("coroutine ->", fmt(await run(who(), virtual)));
console.log("sleep ->", fmt(await run(sleep(0.5, "slept"), virtual)));
try {
  await run(waitFor(slow(), 1), virtual);
} catch (e) {
  if (!(e instanceof TimeoutError)) throw e;
  console.log("wait_for ->", ename(e));
}
console.log("wait_for in time ->", fmt(await run(waitFor(slow(), 10), virtual)));
console.log("again ->", fmt(await run(sleep(0.2, "again"), virtual)));
