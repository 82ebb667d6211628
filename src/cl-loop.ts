/**
 * The seed's `cl.loop.Loop`: a context-managed loop that gathers futures and runs them.
 * `using loop = new Loop(a(), b())` is Python's `with Loop(a(), b()) as loop:`.
 */
import { CancelledError, RuntimeError } from "./exceptions.js";
import { getEventLoop } from "./events.js";
import { Future, type Awaitable } from "./futures.js";
import { EventLoop } from "./loop.js";
import { gather } from "./gather.js";
import { checkAwaitable, toFuture } from "./ensure-future.js";
import { checkOptions, splitOptions } from "./options.js";
import { describe } from "./validate.js";

/** Options of `new Loop(...futures, options)`, the trailing plain object. */
export interface LoopOptions {
  /** The loop to run on; default: the current event loop (a new one if it was closed). */
  loop?: EventLoop;
  /** Exceptions become values in the result list instead of being raised. */
  returnExceptions?: boolean;
  /** Close the loop when the `using` block ends (default true). */
  stopWhenDone?: boolean;
}

/**
 * Gathers coroutines and futures and runs them to completion.
 * @example
 * function* waitForIt(timeout: number) {
 *   yield* sleep(timeout);
 *   return `success sleep for ${timeout} seconds`;
 * }
 * {
 *   using loop = new Loop(waitForIt(5), waitForIt(3), { returnExceptions: true });
 *   const result = loop.runUntilCompleteSync();
 *   // ['success sleep for 5 seconds', 'success sleep for 3 seconds']: input order
 * }
 */
export class Loop {
  /** The gathered futures: null before any; the single Task for one awaitable; a gather for several. */
  futures: Future<unknown> | null = null;
  readonly #loop: EventLoop;
  readonly #returnExceptions: boolean;
  readonly #stopWhenDone: boolean;

  constructor(...args: [...Awaitable<unknown>[], LoopOptions] | Awaitable<unknown>[]) {
    const [futures, options] = splitOptions<LoopOptions>(args);
    checkOptions("Loop", options, ["loop", "returnExceptions", "stopWhenDone"]);
    const { loop, returnExceptions = false, stopWhenDone = true } = options;
    for (const [name, v] of [["returnExceptions", returnExceptions], ["stopWhenDone", stopWhenDone]] as const) {
      if (typeof v !== "boolean") throw new TypeError(`Loop: options.${name} must be a boolean, got ${describe(v)}`);
    }
    if (loop != null && !(loop instanceof EventLoop)) {
      throw new TypeError(`Loop: options.loop must be an EventLoop, got ${describe(loop)}`);
    }
    this.#loop = Loop.getEventLoop(loop);
    this.#returnExceptions = returnExceptions;
    this.#stopWhenDone = stopWhenDone;
    if (futures.length > 0) this.#gather("Loop", futures);
  }

  /** The given loop, else the current event loop, else a new one. */
  static getEventLoop(loop?: EventLoop): EventLoop {
    if (loop === undefined || loop === null) return getEventLoop();
    if (!(loop instanceof EventLoop)) throw new TypeError(`Loop.getEventLoop: loop must be an EventLoop, got ${describe(loop)}`);
    return loop;
  }

  /** The EventLoop this Loop runs on. */
  get loop(): EventLoop {
    return this.#loop;
  }

  /**
   * Schedules the futures/coroutines as one gathered future (replacing any gathered before):
   * coroutines become Tasks at once; one awaitable stays itself, several are gathered with
   * the constructor's `returnExceptions`.
   * @example
   * const loop = new Loop({ returnExceptions: true });
   * loop.gather(doSomething(), doSomethingElse());
   * loop.runUntilCompleteSync(); // ['something', 'something_else']
   */
  gather(...futures: Awaitable<unknown>[]): void {
    this.#gather("Loop.gather", futures);
  }

  #gather(where: string, futures: unknown[]): void {
    // the seed's gather takes futures[0] when there are not several: none is an error there too
    if (futures.length === 0) throw new TypeError(`${where}: at least one future or coroutine is required`);
    // Check every argument before scheduling any, so a bad one leaves no orphan Task behind.
    futures.forEach((f, i) => checkAwaitable(where, `argument ${i}`, f));
    const children = futures.map((f, i) => toFuture(where, `argument ${i}`, f, this.#loop));
    this.futures =
      children.length === 1
        ? children[0]
        : (gather as (...a: unknown[]) => Future<unknown>)(...children, { returnExceptions: this.#returnExceptions });
  }

  /**
   * Runs until every gathered future is done: one future → its value; several → their
   * values in input order (the seed's example prints completion order, but its
   * implementation gathers, which keeps input order). null if the futures were cancelled.
   */
  async runUntilComplete(): Promise<unknown> {
    const futures = this.#checkFutures();
    try {
      return await this.#loop.runUntilComplete(futures);
    } catch (e) {
      if (e instanceof CancelledError) return null;
      throw e;
    }
  }

  /** runUntilComplete on the caller's stack (see EventLoop.runUntilCompleteSync). */
  runUntilCompleteSync(): unknown {
    const futures = this.#checkFutures();
    try {
      return this.#loop.runUntilCompleteSync(futures);
    } catch (e) {
      if (e instanceof CancelledError) return null;
      throw e;
    }
  }

  #checkFutures(): Future<unknown> {
    if (this.futures === null) {
      throw new RuntimeError("Loop: nothing to run; pass futures to the constructor or call gather()");
    }
    return this.futures;
  }

  /** Cancels the gathered futures: false if they are already done (or there are none). */
  cancel(): boolean {
    return this.futures !== null && this.futures.cancel();
  }

  /** Stops the loop after its current iteration (EventLoop.stop); a run in progress then throws RuntimeError. */
  stop(): void {
    this.#loop.stop();
  }

  /** Whether the underlying loop is running. */
  isRunning(): boolean {
    return this.#loop.isRunning();
  }

  /** Whether the underlying loop is closed. */
  isClosed(): boolean {
    return this.#loop.isClosed();
  }

  /** Closes the underlying loop (idempotent; RuntimeError while it runs). */
  close(): void {
    this.#loop.close();
  }

  /** The end of `using loop = new Loop(...)`: closes the loop when `stopWhenDone` (the default). */
  [Symbol.dispose](): void {
    if (!this.#stopWhenDone) return;
    if (this.#loop.isRunning()) this.#loop.stop();
    else this.#loop.close();
  }
}
