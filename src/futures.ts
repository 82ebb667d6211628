/**
 * Future: asyncio's Future, awaitable three ways: `yield* fut` in a coroutine (it yields
 * itself while pending, then returns `result()`), `yield fut` (the Task sends the result
 * back), and `await fut` in an async function (a thenable).
 *
 * States:  PENDING ──setResult──► FINISHED (result)
 *             │  └──setException──► FINISHED (exception)
 *             └──────cancel(msg)──► CANCELLED
 * Leaving PENDING schedules every done callback with the loop's callSoon, in registration
 * order, each in the context current when it was added (or the `context` option). An
 * exception nobody retrieved (result()/exception()) is reported through the
 * loop's exception handler when the Future is garbage-collected ("Future exception was
 * never retrieved"), where the host has FinalizationRegistry.
 *
 * `await fut` resolves through a promise job: the continuation runs after the loop
 * iteration that ran the done callback, between iterations of an asynchronous run
 * (runUntilComplete), and only after a synchronous run returns. Use `yield*` in
 * coroutines for asyncio's exact ordering.
 */
import { CancelledError, InvalidStateError, NotImplementedError, RuntimeError } from "./exceptions.js";
import { getEventLoop } from "./events.js";
import { BaseEventLoop } from "./base-events.js";
import type { EventLoop } from "./loop.js";
import { checkFunction, describe } from "./validate.js";
import { _capture, checkContext, type Captured, type Context } from "./contextvars.js";
import { _noteCreated, _noteSuspension, _sourceTraceback } from "./debug.js";
import type { CallFrame } from "./stack-frames.js";

/** A Future, a coroutine (generator object) returning T, or a PromiseLike of T. */
export type Awaitable<T> = Future<T> | Generator<unknown, T, any> | PromiseLike<T>;

/** @internal */ export const PENDING = 0;
/** @internal */ export const CANCELLED = 1;
/** @internal */ export const FINISHED = 2;
const STATE_NAMES = ["PENDING", "CANCELLED", "FINISHED"];

/** A done callback: a function called with the future, or (internally) a Task to wake. */
export type DoneCallback<T> = (fut: Future<T>) => void;

/** @internal */
export interface LostException {
  loop: EventLoop;
  exception: unknown;
  message: string;
  repr: string;
  /** debug mode: where the Future was made */
  sourceTraceback?: CallFrame[];
}

const lostExceptions: FinalizationRegistry<LostException> | null =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry((lost) => {
        const context: { message: string; exception: unknown; future: string; source_traceback?: CallFrame[] } = {
          message: lost.message,
          exception: lost.exception,
          future: lost.repr,
        };
        if (lost.sourceTraceback !== undefined) context.source_traceback = lost.sourceTraceback;
        lost.loop.callExceptionHandler(context);
      })
    : null;

/**
 * @internal What few Futures set, off the Future itself (Future._rare): the cancel message,
 * a Task's CancelledError to re-raise, sleep(0)'s yield-once flag, the registration of an
 * exception nobody retrieved; and for Tasks (tasks.ts) the source getCoro() returns, the
 * AbortSignal link and the count of pending cancel requests.
 */
export class FutureRare {
  cancelMessage: unknown = undefined;
  cancelledExc: CancelledError | null = null;
  yieldOnce = false;
  lost: LostException | null = null;
  source: unknown = null;
  abortLink: unknown = null;
  cancels = 0;
}

/** @internal set by tasks.ts: how a Future wakes a Task waiting on it */
export const wakers: { wakeTask: (task: any) => void } = { wakeTask: () => {} };

/** A done callback added in a non-empty context (or with one): runs in it. Plain functions need no wrapper. */
class ContextCallback {
  constructor(
    readonly fn: (fut: any) => void,
    readonly ctx: Captured,
  ) {}
}

/**
 * The AbortControllers of Futures whose abortSignal() was asked for (one per Future, made
 * on demand). `controllersMade` stays 0 until the first, so cancel() looks nothing up in
 * programs that never ask.
 */
const controllers = new WeakMap<Future<unknown>, AbortController>();
let controllersMade = 0;

/** @internal aborts the Future's signal, if it has one, with CancelledError(msg): a cancel was requested */
export function _abortRequested(fut: Future<unknown>, msg: unknown): void {
  if (controllersMade === 0) return;
  const c = controllers.get(fut);
  if (c !== undefined && !c.signal.aborted) c.abort(new CancelledError(msg ?? ""));
}

/**
 * asyncio's Future: a result that is not there yet. Its loop runs the done callbacks when it
 * completes. Awaitable three ways: `yield* fut` in a coroutine (typed: the value is `T`),
 * `yield fut` (the value comes back untyped), and `await fut` in an async function.
 * @example
 * const fut = loop.createFuture<string>();
 * loop.callLater(1, () => fut.setResult("done"));
 * function* main() {
 *   const value = yield* fut;   // "done", one second later
 * }
 */
export class Future<T = unknown> implements PromiseLike<T> {
  // The fields are declared, then assigned in the constructor in one fixed order: class-field
  // initializers run as a separate initializer function whose stores see every subclass's
  // shape (Task, sleep's, gather's...) and go megamorphic; plain stores here stay fast.
  // Fields few Futures ever set live in FutureRare behind accessors: every field costs
  // 8 bytes of every Future and Task, and the collector's time grows with a Task's size
  // (bench/experiments/task-floor.mjs). For the same reason Future, Task and their
  // subclasses have no `#private` methods: V8 gives each instance of a class that declares
  // one a brand slot (a Task was 18 slots for its 16 fields) and checks it on every call.
  /** @internal */ declare _state: number;
  /** @internal */ declare _result: T | undefined;
  /** @internal */ declare _exception: unknown;
  /** @internal reassigned only by `_adopt` */ declare _loop: EventLoop;
  /**
   * @internal the done callbacks — functions, ContextCallbacks, or Tasks waiting on this
   * future: null for none, the callback itself for one (no array for the usual single
   * waiter: 85 bytes and an allocation per wait), an array for more
   */
  declare _callbacks: unknown;
  /** @internal the fields most Futures never set, in one object made at the first write (FutureRare) */
  declare _rare: FutureRare | null;

  /** @internal any value: Python's cancel message is any object */
  get _cancelMessage(): unknown {
    return this._rare?.cancelMessage;
  }
  /** @internal */
  set _cancelMessage(msg: unknown) {
    this._rareFields().cancelMessage = msg;
  }

  /** @internal the CancelledError a Task's coroutine raised: re-raised once by result() */
  get _cancelledExc(): CancelledError | null {
    return this._rare?.cancelledExc ?? null;
  }
  /** @internal */
  set _cancelledExc(exc: CancelledError | null) {
    this._rareFields().cancelledExc = exc;
  }

  /** @internal sleep(0): done, yet `yield*` gives way for one iteration */
  get _yieldOnce(): boolean {
    return this._rare?.yieldOnce === true;
  }
  /** @internal */
  set _yieldOnce(on: boolean) {
    this._rareFields().yieldOnce = on;
  }

  /** @internal the registration of an exception nobody retrieved yet */
  get _lost(): LostException | null {
    return this._rare?.lost ?? null;
  }
  /** @internal */
  set _lost(lost: LostException | null) {
    this._rareFields().lost = lost;
  }

  /** @internal the rare fields, made now if they were not yet */
  _rareFields(): FutureRare {
    return (this._rare ??= new FutureRare());
  }

  constructor(options: { loop?: EventLoop } = {}) {
    if (options === null || typeof options !== "object") {
      throw new TypeError(`Future: options must be an object, got ${describe(options)}`);
    }
    const loop = options.loop;
    // (the loop's own options object, from createFuture/createTask, needs no check)
    if (loop !== undefined && (loop === null || (loop as { _own?: unknown })._own !== options) && !(loop instanceof BaseEventLoop)) {
      throw new TypeError(`Future: options.loop must be an EventLoop, got ${describe(loop)}`);
    }
    this._state = PENDING;
    this._result = undefined;
    this._exception = undefined;
    this._loop = loop ?? getEventLoop();
    this._callbacks = null;
    this._rare = null;
    if (this._loop._debug) _noteCreated(this, Future);
  }

  /** The loop this Future is bound to. */
  getLoop(): EventLoop {
    return this._loop;
  }

  /**
   * Cancels the Future: false if it was already done; schedules the done callbacks otherwise
   * (and aborts its abortSignal()). `msg` (any value) becomes the CancelledError's `args[0]`,
   * and its string form the message. As asyncio: on a closed loop with done callbacks
   * registered the Future is cancelled, then RuntimeError("Event loop is closed") is thrown,
   * because the callbacks cannot be scheduled.
   * @example
   * fut.cancel("no longer needed");
   */
  cancel(msg?: unknown): boolean {
    this._retrieved();
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this._cancelMessage = msg;
    this._scheduleCallbacks();
    _abortRequested(this, msg);
    return true;
  }

  /**
   * An AbortSignal that aborts when cancellation of this Future is first requested — for a
   * Task, at the `cancel()` call, before the task has run its cleanup — with a
   * CancelledError carrying the cancel message as its `reason`. Made on the first call; the
   * same signal is returned after that, except that a Task whose cancellation was taken back
   * (`uncancel()` down to 0, as `timeout()` does when it turns the cancel into TimeoutError)
   * gets a fresh one, so work it starts afterwards is not born aborted. Throws
   * NotImplementedError where the host has no AbortController.
   * @example
   * function* download(url: string) {
   *   const res = yield fetch(url, { signal: currentTask()!.abortSignal() });   // stops when the task is cancelled
   *   return yield res.text();
   * }
   */
  abortSignal(): AbortSignal {
    let c = controllers.get(this);
    if (c !== undefined && !(c.signal.aborted && this._cancelTakenBack())) return c.signal;
    if (typeof AbortController !== "function") {
      throw new NotImplementedError("Future.abortSignal: this host has no AbortController");
    }
    c = new AbortController();
    controllers.set(this, c);
    controllersMade++;
    if (this._isCancelRequested()) c.abort(new CancelledError(this._cancelMessage ?? ""));
    return c.signal;
  }

  /** @internal has cancellation been requested (and not taken back)? A Future: it is cancelled. */
  _isCancelRequested(): boolean {
    return this._state === CANCELLED;
  }

  /** @internal a Task that is no longer being cancelled after a request (uncancel); never for a Future */
  _cancelTakenBack(): boolean {
    return false;
  }


  /** True if the Future was cancelled. */
  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /** Done: a result or an exception is set, or the Future was cancelled. */
  done(): boolean {
    return this._state !== PENDING;
  }

  /** The result; throws the exception if one was set, CancelledError if cancelled, InvalidStateError while pending. */
  result(): T {
    if (this._state === FINISHED) {
      if (this._exception === undefined) return this._result as T;
      this._retrieved();
      throw this._exception;
    }
    if (this._state === CANCELLED) throw this._makeCancelledError();
    throw new InvalidStateError("Result is not set.");
  }

  /** The exception (null if a result was set); throws CancelledError if cancelled, InvalidStateError while pending. */
  exception(): unknown {
    if (this._state === CANCELLED) throw this._makeCancelledError();
    if (this._state === PENDING) throw new InvalidStateError("Exception is not set.");
    this._retrieved();
    return this._exception === undefined ? null : this._exception;
  }

  /**
   * Calls `fn(future)` (through the loop) when the Future is done; at the next iteration if
   * it already is. `fn` runs in a copy of the context current now, or in `options.context`.
   * @example
   * fut.addDoneCallback((f) => console.log("done:", f.result()));
   */
  addDoneCallback(fn: DoneCallback<T>, options?: { context?: Context }): void {
    checkFunction("addDoneCallback", "fn", fn);
    let ctx: Captured | undefined;
    if (options === undefined) {
      ctx = _capture();
    } else {
      if (options === null || typeof options !== "object") {
        throw new TypeError(`addDoneCallback: options must be an object, got ${describe(options)}`);
      }
      for (const key of Object.keys(options)) {
        if (key !== "context") throw new TypeError(`addDoneCallback: unknown option ${JSON.stringify(key)} (known: context)`);
      }
      ctx = checkContext("addDoneCallback", options.context) ?? _capture();
    }
    this._addCallback(ctx === undefined ? fn : new ContextCallback(fn, ctx));
  }

  /**
   * @internal takes the Future over to `loop` when it is not yet tied to its own (a sleep
   * made outside a running loop, which, like asyncio's sleep coroutine, starts on first
   * use); false for every other Future.
   */
  _adopt(_loop: EventLoop): boolean {
    return false;
  }

  /**
   * @internal true for a Future that stands for one of asyncio's coroutines (a sleep, a
   * waitFor) that nothing has awaited yet: ensureFuture, gather and the like wrap it in a
   * Task, as asyncio wraps the coroutine. False for every other Future.
   */
  _isFreshCoroutine(): boolean {
    return false;
  }

  /** @internal fn is a function or a Task */
  _addCallback(fn: unknown): void {
    if (this._state !== PENDING) {
      this._schedule(fn);
    } else {
      const cbs = this._callbacks;
      if (cbs === null) this._callbacks = fn;
      else if (Array.isArray(cbs)) cbs.push(fn);
      else this._callbacks = [cbs, fn];
    }
  }

  /** Removes every registration of `fn`; returns how many were removed. */
  removeDoneCallback(fn: DoneCallback<T>): number {
    const cbs = callbackList(this._callbacks);
    if (cbs.length === 0) return 0;
    const kept = cbs.filter((cb) => cb !== fn && !(cb instanceof ContextCallback && cb.fn === fn));
    const removed = cbs.length - kept.length;
    if (removed > 0) this._callbacks = kept.length === 0 ? null : kept.length === 1 ? kept[0] : kept;
    return removed;
  }

  /**
   * Marks the Future done with `value`; InvalidStateError if it is already done. As asyncio:
   * on a closed loop with done callbacks registered the Future is done, then RuntimeError
   * ("Event loop is closed") is thrown, because the callbacks cannot be scheduled.
   */
  setResult(value: T): void {
    if (this._state !== PENDING) throw new InvalidStateError(`invalid state: ${STATE_NAMES[this._state]}: ${this}`);
    this._result = value;
    this._state = FINISHED;
    this._scheduleCallbacks();
  }

  /** Marks the Future done with an exception; InvalidStateError if it is already done; RuntimeError as setResult on a closed loop. */
  setException(exception: unknown): void {
    if (this._state !== PENDING) throw new InvalidStateError(`invalid state: ${STATE_NAMES[this._state]}: ${this}`);
    if (exception === undefined || exception === null) {
      throw new TypeError(`setException: exception must be a value to throw, got ${describe(exception)}`);
    }
    this._setRetrievedException(exception);
    if (lostExceptions !== null) {
      // V8 keeps an Error's raw stack frames, receivers included, until `stack` is first
      // read. The registry holds the exception strongly, so a frame whose receiver is this
      // Future (a Task's step) would keep it alive forever and the report would never come.
      if (exception instanceof Error) void exception.stack;
      const lost: LostException = {
        loop: this._loop,
        exception,
        message: `${this._kind()} exception was never retrieved`,
        repr: this.toString(),
      };
      this._lost = lost;
      if (this._loop._debug) lost.sourceTraceback = _sourceTraceback(this);
      lostExceptions.register(this, lost, lost);
    }
  }

  /** @internal setException for an exception its caller has already seen: never reported as lost */
  _setRetrievedException(exception: unknown): void {
    if (this._state !== PENDING) throw new InvalidStateError(`invalid state: ${STATE_NAMES[this._state]}: ${this}`);
    this._exception = exception;
    this._state = FINISHED;
    this._scheduleCallbacks();
  }

  /** @internal */
  _kind(): string {
    return "Future";
  }

  /** @internal */
  _retrieved(): void {
    if (this._lost !== null) {
      lostExceptions!.unregister(this._lost);
      this._lost = null;
    }
  }

  /** @internal */
  _makeCancelledError(): CancelledError {
    if (this._cancelledExc !== null) {
      const exc = this._cancelledExc;
      this._cancelledExc = null;
      return exc;
    }
    return new CancelledError(this._cancelMessage);
  }

  /** @internal */
  _scheduleCallbacks(): void {
    const cbs = this._callbacks;
    if (cbs === null) return;
    this._callbacks = null;
    if (!Array.isArray(cbs)) {
      this._schedule(cbs);
      return;
    }
    for (let i = 0; i < cbs.length; i++) this._schedule(cbs[i]);
  }

  /** @internal */
  _schedule(cb: unknown): void {
    if (typeof cb === "function") this._loop._soon(cb as DoneCallback<T>, this);
    else if (cb instanceof ContextCallback) this._loop._soonIn(cb.ctx, cb.fn, this);
    else this._loop._soon(wakers.wakeTask, cb);
  }

  /**
   * `yield* fut`: yields the Future while it is pending, then returns its result (a
   * FutureIterator: the generator this was cost 160 bytes a wait, the iterator 40).
   */
  [Symbol.iterator](): Generator<Future<T>, T, unknown> {
    // a Generator as far as `yield*` and Task are concerned (next, throw, return, iterator)
    return new FutureIterator(this) as unknown as Generator<Future<T>, T, unknown>;
  }

  /** `await fut`: settles with the result or the exception once the Future is done. */
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return new Promise<T>((resolve, reject) => {
      const settle = (f: Future<T>) => {
        try {
          resolve(f.result());
        } catch (e) {
          reject(e);
        }
      };
      if (this._state !== PENDING) settle(this);
      else this._addCallback(settle);
    }).then(onfulfilled, onrejected);
  }

  /** @internal extra text for toString */
  _reprInfo(): string[] {
    const info = [STATE_NAMES[this._state].toLowerCase()];
    if (this._state === FINISHED) {
      if (this._exception !== undefined) info.push(`exception=${reprError(this._exception)}`);
      else info.push(`result=${reprShort(this._result)}`);
    }
    if (this._callbacks !== null) info.push(`cb=[${callbackList(this._callbacks).length}]`);
    return info;
  }

  /** asyncio's repr: `<Future pending cb=[1]>`, `<Future finished result=42>`. */
  toString(): string {
    return `<${this._kind()} ${this._reprInfo().join(" ")}>`;
  }

  /** Node's `util.inspect` shows toString(). */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/**
 * What `yield* fut` iterates: asyncio's Future.__await__ as a hand-written generator. The
 * first next() yields the Future while it is pending (the Task waits on it), or nothing
 * once for a done sleep(0) (a bare yield: one iteration), and otherwise returns the result;
 * the next() after a yield returns the result, or throws RuntimeError if the Future is
 * still pending (it was resumed by something other than its completion). throw(e) and
 * return(v) end it as they end a generator suspended at that yield.
 */
class FutureIterator<T> {
  /** 0: not started, 1: suspended at its yield, 2: finished */
  declare s: number;
  declare readonly f: Future<T>;

  constructor(fut: Future<T>) {
    this.s = 0;
    this.f = fut;
  }

  next(): IteratorResult<Future<T> | undefined, T> {
    const f = this.f;
    const pending = f._state === PENDING;
    if (this.s === 0 && (pending || f._yieldOnce)) {
      this.s = 1;
      // debug mode: the only moment the suspending task's coroutine frames can be read (graph.ts)
      if (pending && f._loop._debug) _noteSuspension(f._loop, f, FutureIterator.prototype.next);
      return { value: pending ? f : undefined, done: false };
    }
    if (this.s === 2) return { value: undefined as never, done: true };
    this.s = 2;
    if (pending) throw new RuntimeError("yield* wasn't used with future");
    return { value: f.result(), done: true };
  }

  throw(e: unknown): never {
    this.s = 2;
    throw e;
  }

  return(value: T): IteratorResult<never, T> {
    this.s = 2;
    return { value, done: true };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** @internal Future._callbacks as a list (it is null, one callback, or an array). */
export function callbackList(cbs: unknown): unknown[] {
  return cbs === null ? [] : Array.isArray(cbs) ? cbs : [cbs];
}

/** `ValueError('bad')`-style repr of a thrown value. */
export function reprError(e: unknown): string {
  if (e instanceof Error) return `${e.name}(${e.message ? `'${e.message}'` : ""})`;
  return reprShort(e);
}

function reprShort(v: unknown): string {
  let s: string;
  if (typeof v === "string") s = `'${v}'`;
  else if (v === undefined || v === null) s = "None";
  else if (Array.isArray(v)) s = `[${v.map(reprShort).join(", ")}]`;
  else s = String(v);
  return s.length > 60 ? s.slice(0, 59) + "…" : s;
}

/** True for Futures and Tasks (asyncio.isfuture). */
export function isFuture(x: unknown): x is Future<unknown> {
  return x instanceof Future;
}
