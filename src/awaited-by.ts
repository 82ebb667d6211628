/**
 * Who waits through a done callback: how captureCallGraph (graph.ts) reads "awaited by" from the
 * done callbacks the Futures already hold, instead of bookkeeping on every await.
 *
 * asyncio 3.14 keeps `_asyncio_awaited_by` on each Future, updated at every await and wake-up
 * (future_add_to_awaited_by / future_discard_from_awaited_by). wasmloop reads the same relation
 * when asked: a Task waiting on a Future is in that Future's callbacks already; the combinators
 * that wait through a plain done callback mark that callback with the Future it waits for, once
 * per call (gather, shield, wait: the task that called them, as 3.14 records; TaskGroup: its
 * parent task; a CoroutineFuture run as a Task: itself). Nothing is done per await or per step,
 * and the relation ends when the callback runs or is removed, as 3.14's discards do.
 */

/** The key of the mark on a done callback. */
const AWAITER: unique symbol = Symbol("wasmloop.awaiter");

type Marked = { [AWAITER]?: unknown };

/** @internal marks `fn` as the done callback through which `waiter` (a Future; null: nobody) waits; returns `fn` */
export function _awaitedVia<F extends Function>(fn: F, waiter: unknown): F {
  if (waiter !== null && waiter !== undefined) (fn as unknown as Marked)[AWAITER] = waiter;
  return fn;
}

/** @internal the Future that waits through done callback `fn`, or undefined */
export function _awaiterOf(fn: unknown): unknown {
  return typeof fn === "function" ? (fn as unknown as Marked)[AWAITER] : undefined;
}
