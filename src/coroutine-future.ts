/**
 * The Future returned by asyncio's coroutine functions (wait, waitFor, asCompleted's items).
 *
 * asyncio runs `await wait_for(coro, 1)` inline, in the awaiting task, with no Task of its
 * own; that decides which iteration every step lands on. A CoroutineFuture keeps that:
 * `yield*`-ed from a coroutine, its generator runs inline in the caller's task. Used as a
 * Future in any other way (`yield fut`, `await`, `gather`, `runUntilComplete`, a done
 * callback) it runs its generator in a Task of its own. Either way it ends up holding the
 * outcome, like any Future. Its generator runs once.
 */
import { CancelledError } from "./exceptions.js";
import { Future } from "./futures.js";
import { _getRunningLoop } from "./base-events.js";
import type { EventLoop } from "./loop.js";
import { Task } from "./tasks.js";
import { _awaited, _trackCoroutine } from "./debug.js";
import { _awaitedVia } from "./awaited-by.js";

export class CoroutineFuture<T> extends Future<T> {
  #body: (() => Generator<unknown, T, any>) | null;
  /** made outside any running loop: the loop that first runs it may take it over */
  #unbound: boolean;
  /** the Task its body runs in when it is used as a Future rather than with `yield*` */
  #task: Task<T> | null = null;

  /** @internal */
  constructor(loop: EventLoop, body: () => Generator<unknown, T, any>) {
    super({ loop });
    this.#body = body;
    const running = _getRunningLoop();
    this.#unbound = running === null;
    // debug mode: report it if it is dropped unused ("coroutine ... was never awaited")
    if (running !== null && running._debug) _trackCoroutine(this, running);
  }

  /** @internal like an asyncio coroutine, it belongs to no loop until it starts */
  override _adopt(loop: EventLoop): boolean {
    if (this.#body === null || !this.#unbound) return false;
    this._loop = loop;
    this.#unbound = false;
    return true;
  }

  /** @internal not started: ensureFuture and the like wrap it in a Task (see Future) */
  override _isFreshCoroutine(): boolean {
    return this.#body !== null;
  }

  /** `yield*` runs the body inline, once; later iterations wait for its outcome. */
  override [Symbol.iterator](): Generator<Future<T>, T, unknown> {
    const body = this.#body;
    if (body === null) return super[Symbol.iterator]();
    this.#body = null; // taken now, not at the first step: nothing else may start it meanwhile
    _awaited(this);
    return this._inline(body);
  }

  /**
   * @internal the iterator that runs `body` inline and records its outcome on this Future;
   * a subclass may supply a cheaper one (mixins.ts: the primitives' fast paths)
   */
  _inline(body: () => Generator<unknown, T, any>): Generator<Future<T>, T, unknown> {
    return this.#run(body);
  }

  *#run(body: () => Generator<unknown, T, any>): Generator<Future<T>, T, unknown> {
    // cancelled between being handed to a Task and that Task's first step: never starts
    if (this.done()) return yield* super[Symbol.iterator]();
    let value: T;
    try {
      value = (yield* body() as Generator<any, T, unknown>) as T;
    } catch (e) {
      if (!this.done()) {
        if (e instanceof CancelledError) Future.prototype.cancel.call(this);
        else this._setRetrievedException(e);
      }
      throw e;
    }
    if (!this.done()) this.setResult(value);
    return value;
  }

  /** @internal the coroutine a Task of its own runs (the body's generator, made now, started at the Task's first step) */
  _taskBody(body: () => Generator<unknown, T, any>): Generator<unknown, T, any> {
    return body();
  }

  /** @internal any use as a Future starts the body in a Task */
  override _addCallback(fn: unknown): void {
    this._startTask();
    super._addCallback(fn);
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this._startTask();
    return super.then(onfulfilled, onrejected);
  }

  /** Never started: it never will be. Running in its own Task: cancels the Task, whose end settles this. */
  override cancel(msg?: unknown): boolean {
    if (this.#body !== null) _awaited(this);
    this.#body = null;
    const task = this.#task;
    if (task !== null && !this.done()) return task.cancel(msg);
    return super.cancel(msg);
  }

  /** @internal */
  _startTask(): void {
    const body = this.#body;
    if (body === null) return;
    this.#body = null;
    _awaited(this);
    const task = new Task<T>(this._taskBody(body), { loop: this._loop });
    this.#task = task;
    // the Task is awaited by this Future (call graphs)
    task._addCallback(_awaitedVia((t: Task<T>) => {
      if (this.done()) {
        if (!t.cancelled()) t.exception();
      } else if (t.cancelled()) {
        this._cancelledExc = t._makeCancelledError();
        Future.prototype.cancel.call(this, t._cancelMessage);
      } else if (t.exception() !== null) {
        this.setException(t.exception());
      } else {
        this.setResult(t.result());
      }
    }, this));
  }
}
