/**
 * wrapFuture: a loop Future that follows an ExecutorFuture (asyncio.wrap_future, with
 * futures._chain_future's rules).
 *
 *   source settles (a worker answered, or it was cancelled) → unless the loop is closed,
 *     loop.callSoonThreadsafe copies the outcome into the loop Future at the next
 *     iteration (a loop Future already cancelled keeps its cancellation). The source settles
 *     from host events, outside the loop's callbacks: callSoonThreadsafe wakes a sleeping run.
 *   the loop Future is cancelled → its done callback cancels the source: a call that has not
 *     started never will; a running one runs to its end and its outcome is dropped.
 */
import { Future } from "../futures.js";
import type { EventLoop } from "../loop.js";
import { getEventLoop } from "../events.js";
import { optionLoop, isThenable, toFuture } from "../ensure-future.js";
import { describe } from "../validate.js";
import { ExecutorFuture } from "./executor-future.js";

/**
 * A Future of `loop` (default: the current event loop) that completes with `future`'s
 * outcome; cancelling it cancels `future` if that has not started. A Future is returned as
 * it is; a promise (what a custom executor's submit may return) is bridged, and cannot be cancelled.
 * @example
 * const f = pool.submit((x) => x * 2, 21);
 * const v = yield* wrapFuture(f);   // 42
 */
export function wrapFuture<T>(future: ExecutorFuture<T> | Future<T> | PromiseLike<T>, options?: { loop?: EventLoop }): Future<T> {
  const given = optionLoop("wrapFuture", options);
  if (future instanceof Future) return future;
  const loop = given ?? getEventLoop();
  if (future instanceof ExecutorFuture) return chain(future, loop);
  if (isThenable(future)) return toFuture<T>("wrapFuture", "future", future, loop);
  throw new TypeError(`wrapFuture: future must be an ExecutorFuture, a Future or a promise, got ${describe(future)}`);
}

function chain<T>(source: ExecutorFuture<T>, loop: EventLoop): Future<T> {
  const dest = loop.createFuture<T>();
  dest.addDoneCallback((d) => {
    if (d.cancelled()) source.cancel();
  });
  source.addDoneCallback((s) => {
    if (loop.isClosed()) return;
    loop.callSoonThreadsafe(copyState, s, dest);
  });
  return dest;
}

function copyState<T>(source: ExecutorFuture<T>, dest: Future<T>): void {
  if (dest.cancelled()) return;
  if (source.cancelled()) {
    dest.cancel();
    return;
  }
  const exc = source.exception();
  if (exc !== null) dest.setException(exc);
  else dest.setResult(source.result());
}
