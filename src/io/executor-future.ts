/**
 * ExecutorFuture: what ThreadPoolExecutor.submit returns, Python's concurrent.futures.Future.
 * It belongs to no event loop: the executor settles it from host events (a worker's message),
 * and `wrapFuture` (or runInExecutor) makes a loop Future that follows it.
 *
 * States:  PENDING ──dispatched to a worker──► RUNNING ──answer──► FINISHED (result | exception)
 *             └──cancel()──► CANCELLED          (a RUNNING call cannot be cancelled: cancel() is false)
 * Done callbacks run synchronously when it leaves PENDING/RUNNING for good (as Python runs them
 * in the thread that settles the future), in registration order; one added later runs at
 * once. A callback that throws is reported on the console and the others still run.
 * `result()` and `exception()` never block: while it is not done they throw InvalidStateError.
 *
 * An application's own executor settles its futures as Python's Executor implementations do,
 * with the public `setRunningOrNotifyCancel()`, `setResult()` and `setException()`
 * (concurrent.futures' `set_running_or_notify_cancel`, `set_result`, `set_exception`):
 *
 *   submit(fn, ...args) {
 *     const f = new ExecutorFuture();
 *     if (f.setRunningOrNotifyCancel()) { try { f.setResult(fn(...args)); } catch (e) { f.setException(e); } }
 *     return f;
 *   }
 */
import { CancelledError, InvalidStateError, RuntimeError } from "../exceptions.js";
import type { ConcurrentFuture } from "../run-coroutine-threadsafe.js";
import { checkFunction } from "../validate.js";

type State = "pending" | "running" | "cancelled" | "finished";

export class ExecutorFuture<T = unknown> implements ConcurrentFuture<T> {
  #state: State = "pending";
  #value: T | undefined = undefined;
  #error: unknown = undefined;
  #failed = false;
  #callbacks: ((f: ExecutorFuture<T>) => void)[] | null = [];
  #promise: Promise<T> | null = null;
  /** a cancelled call was told to its executor (Python's CANCELLED_AND_NOTIFIED) */
  #notified = false;

  /** Cancels the call if it has not started: true if it is (now) cancelled, false if it runs or ran. */
  cancel(): boolean {
    if (this.#state === "cancelled") return true;
    if (this.#state !== "pending") return false;
    this.#state = "cancelled";
    this.#settle();
    return true;
  }

  cancelled(): boolean {
    return this.#state === "cancelled";
  }

  /** True while a worker runs the call. */
  running(): boolean {
    return this.#state === "running";
  }

  done(): boolean {
    return this.#state === "cancelled" || this.#state === "finished";
  }

  /** The call's value; throws what it threw, CancelledError if cancelled, InvalidStateError while not done. */
  result(): T {
    if (this.#state === "finished") {
      if (this.#failed) throw this.#error;
      return this.#value as T;
    }
    if (this.#state === "cancelled") throw new CancelledError();
    throw new InvalidStateError(`Result is not ready: ${this}`);
  }

  /** What the call threw, or null; throws CancelledError if cancelled, InvalidStateError while not done. */
  exception(): unknown {
    if (this.#state === "finished") return this.#failed ? this.#error : null;
    if (this.#state === "cancelled") throw new CancelledError();
    throw new InvalidStateError(`Exception is not set: ${this}`);
  }

  /** Calls `fn(this)` when the future is done (at once if it is). */
  addDoneCallback(fn: (f: ExecutorFuture<T>) => void): void {
    checkFunction("ExecutorFuture.addDoneCallback", "fn", fn);
    if (this.#callbacks !== null) this.#callbacks.push(fn);
    else this.#call(fn);
  }

  /** `await future`: the call's value, or its exception (CancelledError if cancelled). */
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    if (this.#promise === null) {
      this.#promise = new Promise<T>((resolve, reject) => {
        this.addDoneCallback((f) => {
          try {
            resolve(f.result());
          } catch (e) {
            reject(e);
          }
        });
      });
    }
    return this.#promise.then(onfulfilled, onrejected);
  }

  /**
   * For an executor about to run the call: PENDING → RUNNING and true, or false if the call
   * was cancelled (the executor must then not run it). Called in any other state — running,
   * finished, or a second time after a cancel — it is RuntimeError, as concurrent.futures'
   * `set_running_or_notify_cancel()`.
   * @example
   * if (f.setRunningOrNotifyCancel()) f.setResult(fn(...args));
   */
  setRunningOrNotifyCancel(): boolean {
    if (this.#state === "cancelled" && !this.#notified) {
      this.#notified = true;
      return false;
    }
    if (this.#state !== "pending") {
      throw new RuntimeError(`ExecutorFuture.setRunningOrNotifyCancel: future in unexpected state (${this.#state}${this.#notified ? ", already notified" : ""}): ${this}`);
    }
    this.#state = "running";
    return true;
  }

  /**
   * For an executor: the call returned `value`. The future is done and its callbacks run.
   * InvalidStateError if it is done already (finished or cancelled), as concurrent.futures'
   * `set_result()`; it may be called while pending or running.
   * @example
   * f.setResult(42);
   */
  setResult(value: T): void {
    this.#finish("setResult");
    this.#value = value;
    this.#settle();
  }

  /**
   * For an executor: the call threw `error`. The future is done and its callbacks run.
   * InvalidStateError if it is done already, as concurrent.futures' `set_exception()`.
   * @example
   * f.setException(new RangeError("bad input"));
   */
  setException(error: unknown): void {
    this.#finish("setException");
    this.#failed = true;
    this.#error = error;
    this.#settle();
  }

  /** @internal PENDING → RUNNING; false if it was cancelled (the call must not start) */
  _setRunningOrNotifyCancel(): boolean {
    if (this.#state === "cancelled") return false;
    if (this.#state !== "pending") throw new InvalidStateError(`ExecutorFuture: cannot start a ${this.#state} call: ${this}`);
    this.#state = "running";
    return true;
  }

  /** @internal */
  _setResult(value: T): void {
    this.setResult(value);
  }

  /** @internal */
  _setException(error: unknown): void {
    this.setException(error);
  }

  #finish(where: string): void {
    if (this.done()) throw new InvalidStateError(`ExecutorFuture.${where}: already ${this.#state}: ${this}`);
    this.#state = "finished";
  }

  #settle(): void {
    const cbs = this.#callbacks!;
    this.#callbacks = null;
    for (const fn of cbs) this.#call(fn);
  }

  #call(fn: (f: ExecutorFuture<T>) => void): void {
    try {
      fn(this);
    } catch (e) {
      // as concurrent.futures: a failing callback is logged and the others still run
      (globalThis as any).console?.error?.("exception calling callback for", String(this), e);
    }
  }

  toString(): string {
    const tail = this.#state !== "finished" ? "" : this.#failed ? ` raised ${(this.#error as Error)?.name ?? typeof this.#error}` : " returned";
    return `<ExecutorFuture state=${this.#state}${tail}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
