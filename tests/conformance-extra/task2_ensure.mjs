// ensureFuture: a future or task comes back as it is, a coroutine becomes a Task scheduled at
// once (so it runs even if nobody awaits it; that holds for a waitFor(...) too, which is a
// coroutine in asyncio); gather wraps its arguments in argument order; isCoroutine / isFuture /
// isCoroutineFunction tell the kinds apart.
import { EventLoop, setEventLoop, Task, sleep, gather, waitFor, ensureFuture, currentTask, isCoroutine, isFuture, isCoroutineFunction } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
setEventLoop(loop);

function* work(tag, d) {
  console.log(tag, "starts in", currentTask().getName(), T());
  yield* sleep(d);
  console.log(tag, "ends", T());
  return tag;
}

function plain() {
  return 1;
}

function* main() {
  const f = loop.createFuture();
  console.log("ensure_future(future) is it", B(ensureFuture(f) === f));
  const t = loop.createTask(work("t", 0.1));
  console.log("ensure_future(task) is it", B(ensureFuture(t) === t));
  const c = work("c", 0.2);
  console.log("iscoroutine(c)", B(isCoroutine(c)), "isfuture(c)", B(isFuture(c)));
  const ct = ensureFuture(c);
  console.log("ensure_future(coro): task", B(ct instanceof Task), "isfuture", B(isFuture(ct)),
    "iscoroutine", B(isCoroutine(ct)), "name", ct.getName(), "same loop", B(ct.getLoop() === loop));
  console.log("isfuture(f)", B(isFuture(f)), "iscoroutine(f)", B(isCoroutine(f)),
    "isfuture(None)", B(isFuture(null)), "iscoroutine(1)", B(isCoroutine(1)));
  console.log("iscoroutinefunction(work)", B(isCoroutineFunction(work)),
    "iscoroutinefunction(plain)", B(isCoroutineFunction(plain)),
    "iscoroutine(work)", B(isCoroutine(work)));
  console.log("gathered", fmt(yield* gather(t, ct)), T());
  f.setResult("f");

  console.log("-- gather with a wait_for in the middle");
  const res = yield* gather(work("g1", 0.5), waitFor(work("g2", 0.25), 10), work("g3", 0.75));
  console.log("gather ->", fmt(res), T());

  console.log("-- fire and forget");
  const ff = ensureFuture(waitFor(work("ff", 0.3), 10));
  console.log("ff isfuture", B(isFuture(ff)), "done", B(ff.done()));
  yield* sleep(1);
  console.log("ff done", B(ff.done()), T());
  if (ff.done()) console.log("ff result", fmt(ff.result()));
}

await loop.runUntilComplete(main());
loop.close();
