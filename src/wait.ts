import { Future, type Awaitable } from "./futures.js";
import { CoroutineFuture } from "./coroutine-future.js";
import { checkAwaitable, toFuture } from "./ensure-future.js";
import { isCoroutine } from "./coroutines.js";
import { checkOptions } from "./options.js";
import { checkTimeout, describe } from "./validate.js";
import type { EventLoop } from "./loop.js";
import type { AwaitedValue } from "./gather.js";
import { _awaitedVia } from "./awaited-by.js";

/** wait() returns when any future finishes or is cancelled. */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/** wait() returns when any future finishes by raising an exception (else when all are done). */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
/** wait() returns when all futures finish or are cancelled. */
export const ALL_COMPLETED = "ALL_COMPLETED";
/** When wait() returns: FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED (the default). */
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** wait()'s options. */
export interface WaitOptions {
  /** Seconds to wait at most; the futures still pending then are returned in the second set. null: no limit. */
  timeout?: number | null;
  /** When to return: FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED (default). */
  returnWhen?: ReturnWhen;
}

/**
 * Waits for the awaitables to complete; resolves to `[done, pending]`, two Sets of Futures.
 * Never raises TimeoutError: on timeout the unfinished ones are in `pending`. Coroutines are
 * wrapped in Tasks and thenables bridged (asyncio 3.12 refuses coroutines; API.md accepts them).
 * The Futures' value type is the union of the awaitables' (`wait([num(), str()])` gives
 * `Future<number | string>`s).
 * @example
 * const [done, pending] = yield* wait(tasks, { timeout: 1, returnWhen: FIRST_COMPLETED });
 */
export function wait<A extends Awaitable<unknown>>(
  aws: Iterable<A>,
  options?: WaitOptions,
): Future<[Set<Future<AwaitedValue<A>>>, Set<Future<AwaitedValue<A>>>]>;
/**
 * wait() with the value type given: `wait<number | string>(aws)`.
 * @example
 * const [done] = yield* wait<number>(tasks);
 */
export function wait<T>(aws: Iterable<Awaitable<T>>, options?: WaitOptions): Future<[Set<Future<T>>, Set<Future<T>>]>;
export function wait<T>(
  aws: Iterable<Awaitable<T>>,
  options: WaitOptions = {},
): Future<[Set<Future<T>>, Set<Future<T>>]> {
  checkAwaitables("wait", aws);
  checkOptions("wait", options, ["timeout", "returnWhen"]);
  const { returnWhen = ALL_COMPLETED } = options;
  const timeout = checkTimeout("wait", "options.timeout", options.timeout);
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new RangeError(
      `wait: options.returnWhen must be FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED, got ${describe(returnWhen)}`,
    );
  }
  const fs = toFutureSet<T>("wait", aws);
  if (fs.size === 0) throw new RangeError("wait: aws must not be empty");
  const loop = fs.values().next().value!._loop;
  return new CoroutineFuture(loop, () => waitBody(fs, timeout, returnWhen, loop));
}

/** @internal TypeError unless `aws` is an iterable (and not itself a Future or a coroutine) */
export function checkAwaitables(where: string, aws: unknown): void {
  if (aws instanceof Future || isCoroutine(aws) || aws === null || typeof (aws as any)?.[Symbol.iterator] !== "function") {
    throw new TypeError(`${where}: aws must be an iterable of awaitables, got ${describe(aws)}`);
  }
}

/** @internal the unique Futures of an iterable of awaitables, all of one loop; RangeError if empty */
export function toFutureSet<T>(where: string, aws: Iterable<Awaitable<T>>): Set<Future<T>> {
  // as gather: check everything before making a Task; on a Future of another loop, cancel
  // the Tasks already made, so a failed call leaves nothing running
  const items = [...aws];
  items.forEach((aw, i) => checkAwaitable(where, `aws[${i}]`, aw));
  const fs = new Set<Future<T>>();
  const seen = new Map<unknown, Future<T>>();
  let loop: EventLoop | undefined;
  try {
    items.forEach((aw, i) => {
      let fut = seen.get(aw);
      if (fut === undefined) {
        fut = toFuture<T>(where, `aws[${i}]`, aw, loop);
        loop ??= fut._loop;
        seen.set(aw, fut);
      }
      fs.add(fut);
    });
  } catch (e) {
    for (const [aw, fut] of seen) if (fut !== aw) fut.cancel();
    throw e;
  }
  return fs;
}

function* waitBody<T>(
  fs: Set<Future<T>>,
  timeout: number | null,
  returnWhen: ReturnWhen,
  loop: EventLoop,
): Generator<unknown, [Set<Future<T>>, Set<Future<T>>], unknown> {
  const waiter = loop.createFuture<void>();
  const timer = timeout === null ? null : loop.callLater(timeout, release, waiter);
  let counter = fs.size;
  const onCompletion = (f: Future<T>) => {
    counter--;
    if (
      counter <= 0 ||
      returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== null)
    ) {
      timer?.cancel();
      if (!waiter.done()) waiter.setResult(undefined);
    }
  };
  // as asyncio 3.14: each Future is awaited by the task that waits (call graphs)
  _awaitedVia(onCompletion, loop._currentTask);
  for (const f of fs) f.addDoneCallback(onCompletion);
  try {
    yield* waiter;
  } finally {
    timer?.cancel();
    for (const f of fs) f.removeDoneCallback(onCompletion);
  }
  const done = new Set<Future<T>>();
  const pending = new Set<Future<T>>();
  for (const f of fs) (f.done() ? done : pending).add(f);
  return [done, pending];
}

function release(waiter: Future<void>): void {
  if (!waiter.done()) waiter.setResult(undefined);
}

