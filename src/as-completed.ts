import { TimeoutError } from "./exceptions.js";
import { Future, type Awaitable } from "./futures.js";
import { CoroutineFuture } from "./coroutine-future.js";
import { checkAwaitables, toFutureSet } from "./wait.js";
import { checkOptions } from "./options.js";
import { checkTimeout } from "./validate.js";
import type { AwaitedValue } from "./gather.js";
import { _untracked } from "./debug.js";

/**
 * Futures in completion order: the i-th Future yielded gives the result (or raises the
 * exception) of the i-th awaitable to complete. With a timeout, those not complete by then
 * raise TimeoutError. As in asyncio, the Futures yielded are not the ones passed in.
 *
 * Returns an array (asyncio returns a generator of `_wait_for_one()` coroutines): each
 * element is a Future that can be `yield*`-ed or awaited, and used as a Future. Unlike
 * asyncio's lazy generator, the work starts at the call: arguments are checked, coroutines
 * wrapped in Tasks and the timeout armed then, not at the first iteration (the same thing
 * when the result is iterated at once, as in `for (const f of asCompleted(...))`).
 * @example
 * for (const f of asCompleted(tasks, { timeout: 5 })) {
 *   const result = yield* f;   // may throw
 * }
 */
export function asCompleted<A extends Awaitable<unknown>>(aws: Iterable<A>, options?: { timeout?: number | null }): Future<AwaitedValue<A>>[];
/**
 * asCompleted() with the value type given: `asCompleted<number | string>(aws)`.
 * @example
 * for (const f of asCompleted<number>(tasks)) total += yield* f;
 */
export function asCompleted<T>(aws: Iterable<Awaitable<T>>, options?: { timeout?: number | null }): Future<T>[];
export function asCompleted<T>(aws: Iterable<Awaitable<T>>, options: { timeout?: number | null } = {}): Future<T>[] {
  checkAwaitables("asCompleted", aws);
  checkOptions("asCompleted", options, ["timeout"]);
  const timeout = checkTimeout("asCompleted", "options.timeout", options.timeout);
  const waiting = toFutureSet<T>("asCompleted", aws);
  if (waiting.size === 0) return []; // as asyncio: nothing to yield, and no timeout armed
  const loop = waiting.values().next().value!._loop;

  // finished futures, and a null per slot that timed out; read by the Futures returned in order
  const done: (Future<T> | null)[] = [];
  const getters: Future<void>[] = [];
  // asyncio's Queue: wake the first getter still waiting (a cancelled one is skipped)
  const wakeNext = () => {
    for (let g = getters.shift(); g !== undefined; g = getters.shift()) {
      if (!g.done()) {
        g.setResult(undefined);
        return;
      }
    }
  };
  const put = (f: Future<T> | null) => {
    done.push(f);
    wakeNext();
  };
  const onCompletion = (f: Future<T>) => {
    if (waiting.size === 0) return; // the timeout came first
    waiting.delete(f);
    put(f);
    if (waiting.size === 0) timer?.cancel();
  };
  const onTimeout = () => {
    for (const f of waiting) {
      f.removeDoneCallback(onCompletion);
      put(null);
    }
    waiting.clear();
  };
  for (const f of waiting) f.addDoneCallback(onCompletion);
  const timer = timeout === null ? null : loop.callLater(timeout, onTimeout);

  function* waitForOne(): Generator<unknown, T, unknown> {
    while (done.length === 0) {
      const getter = loop.createFuture<void>();
      getters.push(getter);
      try {
        yield* getter;
      } catch (e) {
        // the awaiting task was cancelled: leave the line, and if a put woke this getter
        // first, pass the wake-up on so the result is not stranded
        getter.cancel();
        const i = getters.indexOf(getter);
        if (i >= 0) getters.splice(i, 1);
        if (done.length > 0 && !getter.cancelled()) wakeNext();
        throw e;
      }
    }
    const f = done.shift()!;
    if (f === null) throw new TimeoutError();
    return f.result();
  }
  // made all at once, handed out one by one: those a program stops short of are not "never awaited"
  return _untracked(() => Array.from({ length: waiting.size }, () => new CoroutineFuture(loop, waitForOne)));
}
