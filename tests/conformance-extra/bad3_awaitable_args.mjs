// Bad arguments to the task functions and Future/Task methods, each followed by proof that
// the loop still works: gather / wait / waitFor / ensureFuture / createTask / shield /
// asCompleted / runCoroutineThreadsafe given something that is not awaitable, wait's empty
// set and bad returnWhen (RangeError), Futures of another loop (RuntimeError), bad timeouts,
// createTask on a closed loop, setResult / setException on a Task, a task awaiting itself or
// a Future of another loop. Only error classes are printed. Valid edges: wait({timeout: -1})
// returns at once with everything pending; waitFor(fut, -1) cancels fut and raises TimeoutError.
import { EventLoop, RuntimeError, TimeoutError, setEventLoop, sleep, ensureFuture, gather, wait, waitFor, shield, asCompleted, runCoroutineThreadsafe, currentTask } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
setEventLoop(loop);
const other = new EventLoop({ clock: "virtual" });
const closed = new EventLoop({ clock: "virtual" });
closed.close();

const isExpected = (e) => e instanceof TypeError || e instanceof RangeError || e instanceof RuntimeError || e instanceof TimeoutError;

function* ok(tag) {
  yield* sleep(0.125);
  return "ok";
}

function* attempt(tag, make) {
  try {
    const r = yield* make();
    console.log(tag, "-> no error:", fmt(r), T());
  } catch (e) {
    if (!isExpected(e)) throw e;
    console.log(tag, "->", ename(e), T());
  }
  console.log("  still works:", yield* ensureFuture(ok(tag)), T());
}

function attemptSync(tag, call) {
  try {
    call();
    console.log(tag, "-> no error");
  } catch (e) {
    if (!isExpected(e)) throw e;
    console.log(tag, "->", ename(e));
  }
}

function* job(tag) {
  console.log(tag, "runs", T());
  yield* sleep(0.5);
  return tag;
}

function* main() {
  const fut = loop.createFuture();
  const ofut = other.createFuture();

  console.log("-- gather");
  yield* attempt("gather(42)", () => gather(42));
  yield* attempt("gather(fut, 'x')", () => gather(fut, "x"));
  yield* attempt("gather(other loop's, fut)", () => gather(ofut, fut));

  console.log("-- wait");
  yield* attempt("wait([])", () => wait([]));
  yield* attempt("wait(fut)", () => wait(fut));
  let c = job("never");
  yield* attempt("wait(coroutine)", () => wait(c));
  c.return();
  yield* attempt("wait(return_when='SOMETIMES')", () => wait([fut], { returnWhen: "SOMETIMES" }));
  yield* attempt("wait(timeout='1')", () => wait([fut], { timeout: "1" }));
  const [done, pending] = yield* wait([fut], { timeout: -1 });
  console.log("wait(timeout=-1): done", done.size, "pending", pending.size, T());

  console.log("-- wait_for");
  yield* attempt("wait_for(fut, 'x')", () => waitFor(fut, "x"));
  yield* attempt("wait_for(42, 1)", () => waitFor(42, 1));
  const f2 = loop.createFuture();
  yield* attempt("wait_for(pending, -1)", () => waitFor(f2, -1));
  console.log("  the future was cancelled:", B(f2.cancelled()));

  console.log("-- ensure_future / create_task / shield");
  attemptSync("ensure_future(42)", () => ensureFuture(42));
  attemptSync("ensure_future('s')", () => ensureFuture("s"));
  attemptSync("ensure_future(fut, loop=other)", () => ensureFuture(fut, { loop: other }));
  attemptSync("create_task(42)", () => loop.createTask(42));
  attemptSync("create_task(fut)", () => loop.createTask(fut));
  attemptSync("create_task(job)", () => loop.createTask(job));
  c = job("never");
  attemptSync("closed.create_task(coro)", () => closed.createTask(c));
  c.return();
  attemptSync("shield(42)", () => shield(42));
  console.log("  still works:", yield* job("after"), T());

  console.log("-- as_completed");
  for (const [tag, make] of [
    ["as_completed(fut)", () => asCompleted(fut)],
    ["as_completed([42])", () => asCompleted([42])],
    ["as_completed(timeout='x')", () => asCompleted([fut], { timeout: "x" })],
  ]) {
    try {
      for (const f of make()) yield* f;
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      console.log(tag, "->", ename(e));
    }
  }
  console.log("  still works:", yield* ok("as_completed"), T());

  console.log("-- run_coroutine_threadsafe");
  attemptSync("run_coroutine_threadsafe(42)", () => runCoroutineThreadsafe(42, loop));
  attemptSync("run_coroutine_threadsafe(fut)", () => runCoroutineThreadsafe(fut, loop));

  console.log("-- Task methods");
  const t = ensureFuture(job("t"));
  attemptSync("task.set_result", () => t.setResult(1));
  attemptSync("task.set_exception", () => t.setException(new ValueError("x")));
  console.log("  task still runs:", yield* t, T());

  function* selfAwait() {
    try {
      yield* currentTask();
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      console.log("awaiting itself ->", ename(e), T());
    }
    try {
      yield* ofut;
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      console.log("awaiting another loop's future ->", ename(e), T());
    }
    return "survived";
  }
  console.log("  self_await:", yield* ensureFuture(selfAwait()), T());
  fut.cancel();
}

loop.runUntilCompleteSync(main());
console.log("end", T());
