import { CancelledError } from "./exceptions.js";
import { getEventLoop } from "./events.js";
import { Future, type Awaitable } from "./futures.js";
import { CoroutineFuture } from "./coroutine-future.js";
import { checkAwaitable, toFuture } from "./ensure-future.js";
import { isCoroutine } from "./coroutines.js";
import { checkTimeout } from "./validate.js";
import { timeout as makeTimeout, timeoutFrom } from "./timeouts.js";

/**
 * Waits for `aw` for at most `timeout` seconds (null: no limit). On timeout the awaitable is
 * cancelled and TimeoutError is raised; if the waiting task is cancelled, so is `aw`. As in
 * asyncio 3.12, a coroutine runs inline in the waiting task (its steps land on the same
 * iterations as `yield* coro` would) and the timeout is a cancellation of that task, turned
 * into TimeoutError when it reaches waitFor. So, as in 3.12: waitFor waits until the
 * cancelled inner is really done; an inner that catches the cancellation and returns a
 * value has that value returned; and a result that arrives in the same loop iteration as the
 * timeout, before the waiting task resumes, loses to the timeout. The TimeoutError's `cause`
 * is the CancelledError. `timeout <= 0`: a done `aw` gives its result, anything else is
 * cancelled at once (a coroutine never starts) and TimeoutError is raised.
 * @example
 * try {
 *   const v = yield* waitFor(slowOperation(), 1.0);
 * } catch (e) {
 *   if (e instanceof TimeoutError) console.log("timeout!");
 * }
 */
export function waitFor<T>(aw: Awaitable<T>, timeout: number | null): Future<T> {
  const timeoutS = checkTimeout("waitFor", "timeout", timeout);
  checkAwaitable("waitFor", "aw", aw);
  const loop = aw instanceof Future ? aw._loop : getEventLoop();
  return new CoroutineFuture(loop, () => waitForBody(aw, timeoutS));
}

function* waitForBody<T>(aw: Awaitable<T>, timeout: number | null): Generator<unknown, T, unknown> {
  if (timeout !== null && timeout <= 0) {
    const fut = toFuture<T>("waitFor", "aw", aw, undefined);
    if (fut.done()) return fut.result();
    yield* cancelAndWait(fut);
    try {
      return fut.result();
    } catch (e) {
      if (e instanceof CancelledError) throw timeoutFrom(e);
      throw e;
    }
  }
  // 3.12's wait_for: `async with timeout(timeout): return await fut`. The awaitable is
  // awaited inline, as asyncio awaits it: a coroutine, or a Future (a fresh sleep or
  // waitFor included, which ensureFuture would wrap in a Task of its own). The statement is
  // written out rather than run by asyncWith: neither aenter nor aexit ever waits, and a
  // fresh generator function per call (asyncWith's body) costs microseconds in V8.
  const cm = makeTimeout(timeout)._enter();
  let value: T;
  try {
    value = (isCoroutine(aw) || aw instanceof Future ? yield* aw : yield* toFuture<T>("waitFor", "aw", aw, undefined)) as T;
  } catch (e) {
    cm._exit(e);
    throw e;
  }
  cm._exit(null);
  return value;
}

/** Cancels `fut` and waits until it is done, whatever it does with the cancellation. */
function* cancelAndWait(fut: Future<unknown>): Generator<unknown, void, unknown> {
  const waiter = fut._loop.createFuture<void>();
  const release = () => {
    if (!waiter.done()) waiter.setResult(undefined);
  };
  fut.addDoneCallback(release);
  try {
    fut.cancel();
    yield* waiter;
  } finally {
    fut.removeDoneCallback(release);
  }
}
