/**
 * What the synchronization primitives (locks.ts) and the queues (queues.ts) share, as
 * asyncio's `mixins.py` and the bits of `locks.py` both files use:
 *
 * - LoopBound: asyncio's `_LoopBoundMixin`. A primitive belongs to no loop until a task
 *   first has to wait on it; from then on it belongs to that loop, and waiting on it from
 *   another loop is a RuntimeError naming both. The fast paths (an uncontended acquire, a
 *   get from a non-empty queue) never look at a loop, exactly as in asyncio.
 * - WaiterQueue: the FIFO of waiter Futures (asyncio's `collections.deque` of futures). An
 *   intrusive doubly linked list through the Waiter Futures themselves: append, pop-left
 *   and removing a cancelled waiter from the middle are O(1) and allocate nothing beyond the
 *   Waiter (asyncio's `deque.remove` is O(n)).
 * - coroutine(): how a method that asyncio defines as a coroutine (`Lock.acquire`,
 *   `Queue.get`, ...) returns a Future that behaves as one (a CoroutineFuture, see
 *   coroutine-future.ts). Its body runs only when the Future is first awaited, inline under
 *   `yield*`. A body that need not wait returns a Done: an iterator already finished with
 *   the value, so `yield* lock.acquire()` on a free lock completes in the calling step
 *   without a generator of its own (DONE_TRUE and DONE_UNDEFINED are shared, allocation-free):
 *   PrimitiveFuture runs the body through a small hand-written iterator (InlineRun) instead of
 *   CoroutineFuture's generator, so the fast path costs the Future and that one object.
 */
import { CancelledError, RuntimeError } from "./exceptions.js";
import { Future } from "./futures.js";
import { _getRunningLoop } from "./base-events.js";
import { getEventLoop } from "./events.js";
import { CoroutineFuture } from "./coroutine-future.js";
import type { EventLoop } from "./loop.js";

/** asyncio's `_LoopBoundMixin`: bound to the loop that first waits on it. */
export class LoopBound {
  /** @internal the loop of the first wait; null until then */
  _loop: EventLoop | null = null;
  /** @internal the public object this one serves (a Barrier's Condition, a Queue's Event): named in errors */
  _owner: LoopBound | null = null;

  /**
   * @internal the running loop, binding this object to it on first use; RuntimeError
   * (naming both loops) when the object belongs to another loop.
   */
  _getLoop(): EventLoop {
    const loop = _getRunningLoop();
    const bound = this._loop;
    if (bound === null) {
      if (loop === null) throw new RuntimeError(`${this._describe()} can only be waited on in a running event loop`);
      this._loop = loop;
      return loop;
    }
    if (loop !== bound) {
      throw new RuntimeError(
        `${this._describe()} is bound to a different event loop: it belongs to ${bound}, ` +
          `and is used from ${loop === null ? "no running loop" : loop}`,
      );
    }
    return loop;
  }

  /** @internal what errors call this object */
  _describe(): string {
    return this._owner === null ? String(this) : `${this._owner} (its internal ${this.constructor.name})`;
  }
}

/** A waiter Future linked into at most one WaiterQueue. */
export class Waiter<T> extends Future<T> {
  /** @internal */ _prev: Waiter<T> | null = null;
  /** @internal */ _next: Waiter<T> | null = null;
  /** @internal the queue it is in, or null */ _queue: WaiterQueue<T> | null = null;

  constructor(loop: EventLoop) {
    super({ loop });
  }
}

/** FIFO of Waiters; `remove` of a Waiter that is not in it (any more) is a no-op returning false. */
export class WaiterQueue<T> {
  head: Waiter<T> | null = null;
  tail: Waiter<T> | null = null;
  length = 0;

  push(w: Waiter<T>): void {
    w._queue = this;
    w._prev = this.tail;
    w._next = null;
    if (this.tail === null) this.head = w;
    else this.tail._next = w;
    this.tail = w;
    this.length++;
  }

  remove(w: Waiter<T>): boolean {
    if (w._queue !== this) return false;
    const { _prev: prev, _next: next } = w;
    if (prev === null) this.head = next;
    else prev._next = next;
    if (next === null) this.tail = prev;
    else next._prev = prev;
    w._prev = w._next = null;
    w._queue = null;
    this.length--;
    return true;
  }

  /** Removes and returns the first waiter; null when empty. */
  shift(): Waiter<T> | null {
    const w = this.head;
    if (w !== null) this.remove(w);
    return w;
  }

  /** True when every waiter is cancelled (or there are none): asyncio's `all(w.cancelled() for w in ...)`. */
  allCancelled(): boolean {
    for (let w = this.head; w !== null; w = w._next) if (!w.cancelled()) return false;
    return true;
  }
}

/**
 * An iterator finished at once with `value`: `yield* done` evaluates to `value` without
 * suspending. It is its own iterator result, so it costs one small object.
 */
export class Done<T> {
  readonly done = true;
  constructor(readonly value: T) {}
  next(): this {
    return this;
  }
  return(value?: unknown): IteratorReturnResult<unknown> {
    return { done: true, value };
  }
  throw(e: unknown): IteratorReturnResult<T> {
    throw e;
  }
  [Symbol.iterator](): this {
    return this;
  }
}

/** The shared finished iterators of the commonest fast paths: no allocation at all. */
export const DONE_TRUE: Done<true> = Object.freeze(new Done<true>(true));
export const DONE_UNDEFINED: Done<undefined> = Object.freeze(new Done<undefined>(undefined));

/** What a coroutine-like method's body returns: a Done, or a generator that may wait. */
export type Body<T> = Done<T> | Generator<unknown, T, unknown>;

/**
 * A CoroutineFuture whose inline run is a small hand-written iterator rather than a
 * generator: when the body returns a Done, that Done is the iterator's one result, so the
 * fast path costs this Future and one small object.
 */
class PrimitiveFuture<T, A> extends CoroutineFuture<T> {
  /** @internal the body's argument (a put()'s item, a waitFor()'s predicate): no closure per call */
  readonly _arg: A;

  constructor(body: (arg: A) => Body<T>, arg: A) {
    super(getEventLoop(), body as unknown as () => Generator<unknown, T, unknown>);
    this._arg = arg;
  }

  override _inline(body: () => Generator<unknown, T, any>): Generator<Future<T>, T, unknown> {
    return new InlineRun<T, A>(this, body as unknown as (arg: A) => Body<T>) as unknown as Generator<Future<T>, T, unknown>;
  }

  /** Run in a Task of its own: the body must not run before the Task's first step, so wrap it in a generator. */
  override _taskBody(body: () => Generator<unknown, T, any>): Generator<unknown, T, any> {
    return later(body as unknown as (arg: A) => Body<T>, this._arg);
  }

  /** @internal the body returned `value` */
  _succeed(value: T): void {
    if (!this.done()) this.setResult(value);
  }

  /** @internal the body threw `e` (which its caller sees: never reported as lost) */
  _fail(e: unknown): void {
    if (this.done()) return;
    if (e instanceof CancelledError) Future.prototype.cancel.call(this);
    else this._setRetrievedException(e);
  }
}

function* later<T, A>(body: (arg: A) => Body<T>, arg: A): Generator<unknown, T, unknown> {
  return yield* body(arg) as Generator<unknown, T, unknown>;
}

/**
 * What CoroutineFuture's generator does, by hand: the first next() runs the body (unless the
 * Future was cancelled before it started: then it waits for nothing and raises), then
 * forwards next/throw/return to the body's generator, recording the outcome on the Future.
 */
class InlineRun<T, A> {
  readonly #fut: PrimitiveFuture<T, A>;
  #body: ((arg: A) => Body<T>) | null;
  #inner: Iterator<unknown, T, unknown> | null = null;

  constructor(fut: PrimitiveFuture<T, A>, body: (arg: A) => Body<T>) {
    this.#fut = fut;
    this.#body = body;
  }

  next(value?: unknown): IteratorResult<unknown, T> {
    let inner = this.#inner;
    if (inner === null) {
      const body = this.#body;
      if (body === null) return { done: true, value: undefined as T };
      this.#body = null;
      const fut = this.#fut;
      if (fut.done()) {
        inner = this.#inner = Future.prototype[Symbol.iterator].call(fut) as Iterator<unknown, T, unknown>;
      } else {
        let started: Body<T>;
        try {
          started = body(fut._arg);
        } catch (e) {
          fut._fail(e);
          throw e;
        }
        if (started instanceof Done) {
          fut._succeed(started.value);
          return started as IteratorReturnResult<T>;
        }
        inner = this.#inner = started;
      }
    }
    return this.#settle(inner, false, value);
  }

  throw(e: unknown): IteratorResult<unknown, T> {
    const inner = this.#inner;
    if (inner === null) {
      this.#body = null; // like a generator thrown into before it started: it never runs
      throw e;
    }
    return this.#settle(inner, true, e);
  }

  return(value?: T): IteratorResult<unknown, T> {
    const inner = this.#inner;
    if (inner === null) {
      this.#body = null;
      return { done: true, value: value as T };
    }
    return this.#settle(inner, false, value, true);
  }

  #settle(inner: Iterator<unknown, T, unknown>, isThrow: boolean, arg: unknown, isReturn = false): IteratorResult<unknown, T> {
    let r: IteratorResult<unknown, T>;
    try {
      r = isThrow ? inner.throw!(arg) : isReturn ? inner.return!(arg as T) : inner.next(arg);
    } catch (e) {
      this.#fut._fail(e);
      throw e;
    }
    if (r.done) this.#fut._succeed(r.value);
    return r;
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/**
 * The Future a coroutine-like method returns: `body(arg)` runs when the Future is first
 * awaited (inline under `yield*`, in a Task of its own when used as a Future), never at the call.
 */
export function coroutine<T>(body: () => Body<T>): Future<T>;
export function coroutine<T, A>(body: (arg: A) => Body<T>, arg: A): Future<T>;
export function coroutine<T, A>(body: (arg: A) => Body<T>, arg?: A): Future<T> {
  return new PrimitiveFuture<T, A>(body, arg as A);
}
