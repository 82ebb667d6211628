// Re-entering runs: running the same loop (or another one) from inside a callback raises
// RuntimeError and leaves the outer run intact; loops run one after the other keep their own
// clocks and are each "the running loop" only while they run; stop() before
// run_until_complete of an already-done future still returns its result.
import { EventLoop, sleep, getRunningLoop, getEventLoop, setEventLoop, RuntimeError } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const other = new EventLoop({ clock: "virtual" });
setEventLoop(loop);
const T = (lp) => (lp ?? loop).time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function attempt(label, f) {
  try {
    const r = f();
    console.log(label, "->", fmt(r));
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log(label, "raised", fmt(e));
  }
}
async function attemptAsync(label, f) {
  try {
    const r = await f();
    console.log(label, "->", fmt(r));
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log(label, "raised", fmt(e));
  }
}

function who() {
  try {
    const lp = getRunningLoop();
    return lp === loop ? "loop" : lp === other ? "other" : "?";
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    return "none";
  }
}

function inside() {
  console.log("inside: running loop", who(), "get_event_loop is loop:", B(getEventLoop() === loop));
  const f1 = loop.createFuture();
  attempt("  same loop run_until_complete", () => loop.runUntilCompleteSync(f1));
  const f2 = other.createFuture();
  attempt("  other loop run_until_complete", () => other.runUntilCompleteSync(f2));
  console.log("  after attempts: loop running", B(loop.isRunning()), "other running", B(other.isRunning()),
    "running loop", who());
  loop.callSoon(() => console.log("outer run continues t=" + T()));
}

function* main() {
  loop.callSoon(inside);
  yield* sleep(1);
  return "outer done";
}

console.log("outside: running loop", who());
await attemptAsync("run loop", () => loop.runUntilComplete(main()));
console.log("loop t=" + T(), "other t=" + T(other));

function* onOther() {
  console.log("on other: running loop", who(), "get_event_loop is other:", B(getEventLoop() === other));
  yield* sleep(5);
  return "other done";
}

await attemptAsync("run other", () => other.runUntilComplete(onOther()));
console.log("loop t=" + T(), "other t=" + T(other));
await attemptAsync("run loop again", () => loop.runUntilComplete(sleep(0.5, "again")));
console.log("loop t=" + T(), "other t=" + T(other), "running loop", who());

const done = loop.createFuture();
done.setResult("was done");
loop.callSoon(() => console.log("callback in the single iteration t=" + T()));
loop.stop();
await attemptAsync("stop() then done future", () => loop.runUntilComplete(done));
loop.callLater(0.25, () => console.log("timer after t=" + T()));
await attemptAsync("normal run after", () => loop.runUntilComplete(sleep(1, "last")));
console.log("final loop t=" + T(), "other t=" + T(other));
other.close();
loop.close();
