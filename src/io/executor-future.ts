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
 */
import { CancelledError, InvalidStateError } from "../exceptions.js";
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

  /** @internal PENDING → RUNNING; false if it was cancelled (the call must not start) */
  _setRunningOrNotifyCancel(): boolean {
    if (this.#state === "cancelled") return false;
    if (this.#state !== "pending") throw new InvalidStateError(`ExecutorFuture: cannot start a ${this.#state} call: ${this}`);
    this.#state = "running";
    return true;
  }

  /** @internal */
  _setResult(value: T): void {
    this.#finish();
    this.#value = value;
    this.#settle();
  }

  /** @internal */
  _setException(error: unknown): void {
    this.#finish();
    this.#failed = true;
    this.#error = error;
    this.#settle();
  }

  #finish(): void {
    if (this.done()) throw new InvalidStateError(`ExecutorFuture: already ${this.#state}: ${this}`);
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
