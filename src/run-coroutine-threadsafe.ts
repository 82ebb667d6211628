import { CancelledError, InvalidStateError } from "./exceptions.js";
import { Future } from "./futures.js";
import { toFuture } from "./ensure-future.js";
import { EventLoop } from "./loop.js";
import { isCoroutine } from "./coroutines.js";
import { describe } from "./validate.js";

/**
 * What runCoroutineThreadsafe returns: asyncio's concurrent.futures.Future, as a thenable
 * (`await` it) that can also cancel the task. `result()` and `exception()` never block:
 * while pending they throw InvalidStateError.
 */
export interface ConcurrentFuture<T> extends PromiseLike<T> {
  /** Cancels the task on its loop; false if the outcome is already settled. */
  cancel(): boolean;
  /** True if cancel() was called in time, or the task ended cancelled. */
  cancelled(): boolean;
  /** True once the task's outcome is settled: a result, an exception, or cancelled. */
  done(): boolean;
  /** The task's value; throws its exception, CancelledError if cancelled, InvalidStateError while pending. */
  result(): T;
  /** The task's exception or null; throws CancelledError if cancelled, InvalidStateError while pending. */
  exception(): unknown;
}

/**
 * Submits a coroutine to `loop` from code outside it (a host callback, another loop, a
 * promise job): the task is created through `callSoonThreadsafe`, which wakes a sleeping
 * run. The returned thenable settles with the task's outcome; `cancel()` cancels the task
 * (as asyncio: cancelled before the loop picked it up, the task is still made, and is
 * cancelled right after its first step). `coro` is a coroutine, or a `sleep()` /
 * `waitFor()` / `wait()` nothing has awaited yet (asyncio's coroutines).
 * @example
 * const result = await runCoroutineThreadsafe(sleep(1, 3), loop);   // 3
 */
export function runCoroutineThreadsafe<T>(
  coro: Generator<unknown, T, any> | Future<T>,
  loop: EventLoop,
): ConcurrentFuture<T> {
  if (!isCoroutine(coro) && !(coro instanceof Future && coro._isFreshCoroutine())) {
    throw new TypeError(`runCoroutineThreadsafe: coro must be a coroutine (a generator object), got ${describe(coro)}`);
  }
  if (!(loop instanceof EventLoop)) {
    throw new TypeError(`runCoroutineThreadsafe: loop must be an EventLoop, got ${describe(loop)}`);
  }
  // the outcome, once settled: a value, an exception, or a cancellation
  let state: "pending" | "finished" | "failed" | "cancelled" = "pending";
  let value: T | undefined;
  let error: unknown = null;
  let task: Future<T> | null = null;
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // a cancel() nobody awaits must not become an unhandled rejection
  const settle = (s: "finished" | "failed" | "cancelled", v: unknown) => {
    if (state !== "pending") return;
    state = s;
    if (s === "finished") resolve((value = v as T));
    else reject((error = s === "cancelled" ? new CancelledError() : v));
  };
  loop.callSoonThreadsafe(() => {
    try {
      task = toFuture<T>("runCoroutineThreadsafe", "coro", coro, loop);
    } catch (e) {
      settle("failed", e);
      return;
    }
    if (state === "cancelled") {
      // cancelled before it was submitted: asyncio's chaining cancels the task at the next
      // iteration, after its first step
      const t = task;
      loop.callSoon(() => t.cancel());
      return;
    }
    task.addDoneCallback((t) => {
      if (t.cancelled()) settle("cancelled", null);
      else if (t.exception() !== null) settle("failed", t.exception());
      else settle("finished", t.result());
    });
  });
  return {
    then: (onfulfilled, onrejected) => promise.then(onfulfilled, onrejected),
    cancel() {
      if (state === "cancelled") return true; // concurrent.futures: cancelling again succeeds
      if (state !== "pending") return false;
      settle("cancelled", null);
      if (task !== null && !loop.isClosed()) {
        const t = task;
        loop.callSoonThreadsafe(() => t.cancel());
      }
      return true;
    },
    cancelled: () => state === "cancelled",
    done: () => state !== "pending",
    result() {
      if (state === "pending") throw new InvalidStateError("Result is not ready.");
      if (state === "finished") return value as T;
      throw error;
    },
    exception() {
      if (state === "pending") throw new InvalidStateError("Exception is not set.");
      if (state === "cancelled") throw error;
      return state === "failed" ? error : null;
    },
  };
}
