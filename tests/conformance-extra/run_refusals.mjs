// What run() and Runner refuse, and that nothing is left broken afterwards: run() from
// inside a running loop (RuntimeError, the coroutine never starts), run() of what is not
// awaitable (RangeError, asyncio's ValueError), Runner.run() from inside its own loop,
// a closed Runner (RuntimeError "Runner is closed"), and a Runner closed twice (fine).
import { run, Runner, EventLoop, sleep, getRunningLoop, RuntimeError } from "wasmloop";
const T = () => getRunningLoop().time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const pyName = (e) => (e instanceof RangeError ? "ValueError" : ename(e));

function* inner() {
  console.log("inner ran");
  return "inner";
}

function* main() {
  try {
    void run(inner());
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("nested run:", fmt(e));
  }
  yield* sleep(0.1);
  console.log("main still runs", T());
  return "main";
}

console.log("run ->", fmt(await run(main(), { clock: "virtual" })));
for (const [repr, bad] of [["1", 1], ["None", null]]) {
  try {
    void run(bad);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log(`run(${repr}):`, pyName(e));
  }
}

const runner = new Runner({ loopFactory: () => new EventLoop({ clock: "virtual" }) });
function* recurse() {
  try {
    void runner.run(inner());
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("recursive Runner.run:", fmt(e));
  }
  return "outer";
}
console.log("runner ->", fmt(runner.runSync(recurse())));
console.log("runner again ->", fmt(runner.runSync(inner())));
runner.close();
runner.close();
for (const [what, call] of [["run", () => runner.runSync(inner())], ["get_loop", () => runner.getLoop()]]) {
  try {
    call();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("closed runner", what + ":", fmt(e));
  }
}
