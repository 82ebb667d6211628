import { CancelledError } from "./exceptions.js";
import { getEventLoop } from "./events.js";
import { Future, type Awaitable } from "./futures.js";
import type { EventLoop } from "./loop.js";
import { checkAwaitable, toFuture } from "./ensure-future.js";
import { checkOptions, splitOptions } from "./options.js";
import { describe } from "./validate.js";
import { _getRunningLoop } from "./base-events.js";
import { _awaitedVia } from "./awaited-by.js";

/** gather's options, the trailing plain object of `gather(a, b, { returnExceptions: true })`. */
export interface GatherOptions {
  /** Exceptions (and cancellations) of children become values in the result list instead of failing the gather. */
  returnExceptions?: boolean;
}

/** The value an awaitable produces. */
export type AwaitedValue<A> =
  A extends Future<infer T> ? T : A extends Generator<unknown, infer T, any> ? T : A extends PromiseLike<infer T> ? T : never;

/** gather's results, element by element. */
export type GatherResults<A extends readonly unknown[]> = { -readonly [K in keyof A]: AwaitedValue<A[K]> };

/** The future gather returns: cancelling it cancels the children that are not done. */
class GatheringFuture<T> extends Future<T> {
  /** @internal */ _children: Future<unknown>[];
  /** @internal */ _cancelRequested = false;

  constructor(children: Future<unknown>[], loop: EventLoop) {
    super({ loop });
    this._children = children;
  }

  override cancel(msg?: unknown): boolean {
    if (this.done()) return false;
    let ret = false;
    for (const child of this._children) if (child.cancel(msg)) ret = true;
    // a child actually cancelled: the gather reports the cancellation whatever returnExceptions says
    if (ret) this._cancelRequested = true;
    return ret;
  }
}

/**
 * Runs awaitables concurrently; the Future's result is the list of their results in input
 * order. Coroutines are wrapped in Tasks. The first exception fails the gather (the other
 * children go on), unless `returnExceptions` puts exceptions in the list. Cancelling the
 * gather cancels every child not done yet; a child cancelled on its own counts as one that
 * threw CancelledError.
 *
 * Typing: the result is a tuple of the awaitables' values; when `returnExceptions` may be
 * true, each element is `value | Error`. (JS can throw any value: a coroutine that throws
 * a non-Error puts that value in the list, which the type does not show.)
 * @example
 * const [a, b] = yield* gather(factorial("A", 2), factorial("B", 3));
 * const results = yield* gather(work(), failing(), { returnExceptions: true });
 */
export function gather<A extends Awaitable<unknown>[]>(...aws: A): Future<GatherResults<A>>;
export function gather<A extends Awaitable<unknown>[]>(
  ...args: [...A, GatherOptions & { returnExceptions: true }]
): Future<{ -readonly [K in keyof A]: AwaitedValue<A[K]> | Error }>;
export function gather<A extends Awaitable<unknown>[]>(
  ...args: [...A, GatherOptions & { returnExceptions?: false }]
): Future<GatherResults<A>>;
export function gather<A extends Awaitable<unknown>[]>(
  ...args: [...A, GatherOptions]
): Future<{ -readonly [K in keyof A]: AwaitedValue<A[K]> | Error }>;
export function gather(...args: unknown[]): Future<unknown[]> {
  const [aws, options] = splitOptions<GatherOptions>(args);
  checkOptions("gather", options, ["returnExceptions"]);
  const returnExceptions = options.returnExceptions ?? false;
  if (typeof returnExceptions !== "boolean") {
    throw new TypeError(`gather: options.returnExceptions must be a boolean, got ${describe(returnExceptions)}`);
  }
  if (aws.length === 0) {
    const outer = getEventLoop().createFuture<unknown[]>();
    outer.setResult([]);
    return outer;
  }

  // A bad argument throws before any child is made; a Future of another loop throws after
  // the earlier coroutines got Tasks, which are then cancelled before their first step, so
  // a failed call leaves nothing running (asyncio lets those Tasks run).
  for (let i = 0; i < aws.length; i++) checkAwaitable("gather", `argument ${i}`, aws[i]);
  const seen = new Map<unknown, Future<unknown>>();
  const children: Future<unknown>[] = [];
  let loop: EventLoop | undefined;
  try {
    for (let i = 0; i < aws.length; i++) {
      let fut = seen.get(aws[i]);
      if (fut === undefined) {
        fut = toFuture("gather", `argument ${i}`, aws[i], loop);
        loop ??= fut._loop;
        seen.set(aws[i], fut);
      }
      children.push(fut);
    }
  } catch (e) {
    for (const [aw, fut] of seen) if (fut !== aw) fut.cancel();
    throw e;
  }
  const unique = [...seen.values()];
  const outer = new GatheringFuture<unknown[]>(children, loop!);
  let finished = 0;

  const onChildDone = (fut: Future<unknown>) => {
    finished++;
    if (outer.done()) {
      if (!fut.cancelled()) fut.exception(); // mark the exception retrieved
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.setException(fut._makeCancelledError());
        return;
      }
      const exc = fut.exception();
      if (exc !== null) {
        outer.setException(exc);
        return;
      }
    }
    if (finished < unique.length) return;
    const results = children.map((child) => {
      if (child.cancelled()) return new CancelledError(child._cancelMessage);
      const exc = child.exception();
      return exc === null ? child.result() : exc;
    });
    // asyncio builds the error from the last child in argument order, whichever finished last
    if (outer._cancelRequested) outer.setException(children[children.length - 1]._makeCancelledError());
    else outer.setResult(results);
  };

  // as asyncio 3.14: the children are awaited by the task that called gather (call graphs)
  const running = _getRunningLoop();
  if (running !== null) _awaitedVia(onChildDone, running._currentTask);
  const done: Future<unknown>[] = [];
  for (const fut of unique) {
    if (fut.done()) done.push(fut);
    else fut.addDoneCallback(onChildDone);
  }
  for (const fut of done) onChildDone(fut);
  return outer;
}
