// Bad arguments to the loop's own methods, each followed by proof that the loop still works:
// callSoon / callLater / callAt with a callback that is not a function (the .py runs
// asyncio in debug mode, where it checks that at the call), callLater with a delay that is
// not a number, sleep() with a bad delay, runUntilComplete of something that is not
// awaitable, running or closing the loop from inside itself. Negative delays are valid (as soon as
// possible), and so are infinite sleeps and timeouts: sleep(Infinity) sleeps until
// cancelled, waitFor(x, Infinity) waits as long as needed. (callLater(Infinity) is left out:
// wasmloop refuses it as bad input, a documented difference.)
import { EventLoop, RuntimeError, setEventLoop, sleep, ensureFuture, waitFor, wait, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
setEventLoop(loop);
loop.setDebug(true);

function stillWorks(tag) {
  loop.callSoon(() => console.log("  loop works after", tag, T()));
  loop.runUntilCompleteSync(sleep(0.125));
}

const cb = (...args) => console.log("cb", ...args, T());

console.log("-- callbacks that are not callable");
for (const [tag, call] of [
  ["call_soon(1)", () => loop.callSoon(1)],
  ["call_soon(None)", () => loop.callSoon(null)],
  ["call_later(1, 'cb')", () => loop.callLater(1, "cb")],
  ["call_at(t, 42)", () => loop.callAt(loop.time() + 1, 42)],
]) {
  try {
    call();
    console.log(tag, "accepted");
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    console.log(tag, ename(e));
  }
  stillWorks(tag);
}

console.log("-- delays that are not numbers");
for (const [tag, delay] of [["'1'", "1"], ["None", null], ["[1]", [1]]]) {
  try {
    loop.callLater(delay, cb, "never");
    console.log(tag, "accepted");
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    console.log(`call_later(${tag})`, ename(e));
  }
  stillWorks(tag);
}

function* sleeper(delay) {
  try {
    yield* sleep(delay);
    return "slept";
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return ename(e);
  }
}
for (const [tag, delay] of [["'x'", "x"], ["None", null]]) {
  console.log(`sleep(${tag}):`, loop.runUntilCompleteSync(sleeper(delay)), T());
}
stillWorks("sleep");

console.log("-- negative delays are valid");
let h = loop.callLater(-1, cb, "negative call_later");
console.log("when is in the past:", B(h.when() < loop.time()));
loop.callAt(loop.time() - 5, cb, "past call_at");
console.log("sleep(-5):", loop.runUntilCompleteSync(sleeper(-5)), T());

console.log("-- run_until_complete of something that is not awaitable");
for (const [tag, arg] of [["42", 42], ["None", null], ["'coro'", "coro"]]) {
  try {
    loop.runUntilCompleteSync(arg);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    console.log(`run_until_complete(${tag})`, ename(e), "running:", B(loop.isRunning()));
  }
}
stillWorks("run_until_complete");

console.log("-- running the loop from inside itself");
function* reenter() {
  const c = sleeper(1);
  try {
    loop.runUntilCompleteSync(c);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("run_until_complete inside:", ename(e), "running:", B(loop.isRunning()));
  }
  c.return();
  try {
    loop.close();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("close inside:", ename(e), "closed:", B(loop.isClosed()));
  }
  yield* sleep(0.25);
  return "reenter survived";
}
console.log(loop.runUntilCompleteSync(reenter()), T());
stillWorks("reentry");

console.log("-- infinite delays are valid");
function* forever() {
  try {
    yield* sleep(Infinity);
  } catch (e) {
    if (e instanceof CancelledError) console.log("sleep(inf) cancelled", T());
    throw e;
  }
}
function* main() {
  const t = ensureFuture(forever());
  loop.callLater(3, () => t.cancel());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("task cancelled:", B(t.cancelled()), T());
  }
  const fut = loop.createFuture();
  loop.callLater(5, (v) => fut.setResult(v), "late");
  console.log("wait_for(fut, inf):", fmt(yield* waitFor(fut, Infinity)), T());
  const [done, pending] = yield* wait([ensureFuture(sleeper(1))], { timeout: Infinity });
  console.log("wait(timeout=inf): done", done.size, "pending", pending.size, T());
}
loop.runUntilCompleteSync(main());
stillWorks("infinite delays");
