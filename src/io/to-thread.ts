/**
 * toThread: asyncio.to_thread, a coroutine-like Future that runs `fn(...args)` in the
 * running loop's default executor and returns its result.
 *
 * asyncio copies the caller's contextvars.Context into the thread (functools.partial(ctx.run,
 * func)). A worker is another realm, where this package's ContextVars and their values do not
 * exist, so nothing of the context goes over: pass what `fn` needs as arguments.
 */
import { getEventLoop, getRunningLoop } from "../events.js";
import type { Future } from "../futures.js";
import { CoroutineFuture } from "../coroutine-future.js";
import { runInExecutor } from "./executors.js";
import { toWork, type ModuleFunction } from "./work.js";

/**
 * Runs `fn(...args)` in a worker of the running loop's default executor (asyncio.to_thread).
 * `fn` goes to the worker by its source (self-contained: no closure variables) or is a
 * `{ module, export }` descriptor; arguments and result are structured-cloned. Checked at
 * the call; the work starts when the Future is awaited (a coroutine, as asyncio's), and
 * awaiting it outside a running loop raises RuntimeError.
 * @example
 * function* main() {
 *   const digest = yield* toThread((n) => { let h = 0; for (let i = 0; i < n; i++) h = (h * 31 + i) | 0; return h; }, 1e7);
 * }
 */
export function toThread<A extends unknown[], R>(fn: ((...args: A) => R) | ModuleFunction<(...args: A) => R>, ...args: A): Future<Awaited<R>> {
  toWork("toThread", fn);
  return new CoroutineFuture<Awaited<R>>(getEventLoop(), function* () {
    const loop = getRunningLoop();
    return (yield* runInExecutor(loop, "toThread", null, fn, args)) as Awaited<R>;
  });
}
