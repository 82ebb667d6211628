import { Future, type Awaitable } from "./futures.js";
import { toFuture } from "./ensure-future.js";
import { _getRunningLoop } from "./base-events.js";
import { _awaitedVia } from "./awaited-by.js";

/** Keeps the shielded Tasks alive while only their shield refers to them. */
const shielded = new Set<Future<unknown>>();

/**
 * Protects an awaitable from cancellation: `yield* shield(x)` is `yield* x`, except that
 * cancelling the waiting task does not cancel `x` (the waiting task still gets
 * CancelledError). If `x` is cancelled by other means, the shield is cancelled too.
 * @example
 * try {
 *   res = yield* shield(something());
 * } catch (e) {
 *   if (e instanceof CancelledError) res = null;   // something() goes on
 * }
 */
export function shield<T>(aw: Awaitable<T>): Future<T> {
  const inner = toFuture<T>("shield", "aw", aw, undefined);
  if (inner.done()) return inner;
  const outer = inner._loop.createFuture<T>();
  shielded.add(inner);
  const onInner = (f: Future<T>) => {
    shielded.delete(f);
    if (outer.cancelled()) {
      if (!f.cancelled()) f.exception(); // mark it retrieved
      return;
    }
    if (f.cancelled()) outer.cancel();
    else if (f.exception() !== null) outer.setException(f.exception());
    else outer.setResult(f.result());
  };
  // as asyncio 3.14: the inner is awaited by the task that called shield (call graphs)
  const running = _getRunningLoop();
  if (running === inner._loop) _awaitedVia(onInner, running._currentTask);
  inner.addDoneCallback(onInner);
  outer.addDoneCallback(() => {
    if (!inner.done()) inner.removeDoneCallback(onInner);
  });
  return outer;
}
