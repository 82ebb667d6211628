/**
 * asyncio's runners: `run(main)` and `Runner`, which own a loop for the length of a
 * program (or a test): make the loop, run the main awaitable as a Task in the runner's
 * context, and at the end cancel every task still pending, let them finish (their
 * `finally` blocks may still wait), report their exceptions through the exception
 * handler, and close the loop.
 *
 * States: CREATED ──getLoop/run──► INITIALIZED ──close/aclose──► CLOSED (final: any use
 * but close() throws RuntimeError "Runner is closed").
 *
 * A Runner can run several awaitables one after another on its one loop; each runs in the
 * same Context (a copy of the context current when the loop was made), so a variable set
 * by one run is seen by the next (asyncio's test_run_keeps_context).
 *
 * Closing comes in two forms because JS cannot block everywhere: `close()` (and `using`)
 * runs the cancelled tasks to their end on the caller's stack, as runUntilCompleteSync
 * does (never waits on a virtual clock; blocks between timers where the host allows);
 * `aclose()` (and `await using`, and `run()`) does the same through the host's own event
 * loop. Both end in `#finish`, which closes the loop.
 *
 * The closing sequence is asyncio's, step for step, because each step is a run of the loop
 * and so lets callbacks and tasks scheduled meanwhile (a callback chain, a task a leftover
 * started in its cleanup) take as many iterations as under asyncio: cancel the leftovers and
 * run until they are done; then `shutdown_asyncgens()` (a coroutine, so a Task: two
 * iterations; JS has no async generators for the loop to finalize, so it does nothing
 * else); then `shutdown_default_executor()` (two more when there is nothing to wait for).
 */
import { RuntimeError } from "./exceptions.js";
import { _getRunningLoop } from "./base-events.js";
import { newEventLoop } from "./events.js";
import { Future, type Awaitable } from "./futures.js";
import { Task, allTasks, checkSignal, linkSignal } from "./tasks.js";
import { EventLoop } from "./loop.js";
import { gather } from "./gather.js";
import { isThenable } from "./ensure-future.js";
import { isCoroutine } from "./coroutines.js";
import { checkContext, copyContext, type Context } from "./contextvars.js";
import { checkOptions } from "./options.js";
import { _ioLayerOrNull } from "./io-layer.js";
import { describe } from "./validate.js";

/** Options of `new Runner(options)`: how its loop is made. */
export interface RunnerOptions {
  /** Set the loop's debug mode (asyncio's `debug=`); default: leave the loop's own setting. */
  debug?: boolean;
  /** The clock of the loop the runner makes: "real" (default) or "virtual". Not with `loopFactory`. */
  clock?: "real" | "virtual";
  /** Makes the runner's loop (asyncio 3.12's `loop_factory`): a function returning a new EventLoop. */
  loopFactory?: () => EventLoop;
}

/** What `Runner.run` / `runSync` take besides the awaitable. */
export interface RunnerRunOptions {
  /** Run the main task in this Context instead of the runner's own. */
  context?: Context;
  /** Cancel the main task when this signal aborts (what Ctrl-C does to asyncio.run's main task). */
  signal?: AbortSignal;
}

/** `run()`'s options: the runner's, and a signal that cancels `main`. */
export interface RunOptions extends RunnerOptions {
  /** Cancel the main task when this signal aborts (what Ctrl-C does to asyncio.run's main task). */
  signal?: AbortSignal;
}

const CREATED = 0;
const INITIALIZED = 1;
const CLOSED = 2;
const STATE_NAMES = ["created", "initialized", "closed"];

/** Seconds aclose() waits for the default executor's workers to end (asyncio's constants.THREAD_JOIN_TIMEOUT). */
const THREAD_JOIN_TIMEOUT = 300;

/** The message asyncio gives a leftover task's exception at shutdown (kept: programs and traces match on it). */
const SHUTDOWN_MESSAGE = "unhandled exception during asyncio.run() shutdown";

/**
 * Owns an event loop for a series of runs (asyncio.Runner): `run(aw)` / `runSync(aw)` run
 * an awaitable to its end on the runner's loop; `close()` cancels what is left and closes
 * the loop. Reusable until closed; `using` / `await using` close it at the end of a block.
 * @example
 * using runner = new Runner({ clock: "virtual" });
 * runner.runSync(setup());
 * console.log(runner.runSync(main()));
 * // the end of the block: leftover tasks cancelled and finished, the loop closed
 */
export class Runner {
  #state = CREATED;
  readonly #debug: boolean | undefined;
  readonly #clock: "real" | "virtual" | undefined;
  readonly #loopFactory: (() => EventLoop) | undefined;
  #loop: EventLoop | null = null;
  #context: Context | null = null;

  constructor(options: RunnerOptions = {}) {
    checkOptions("Runner", options, ["debug", "clock", "loopFactory"]);
    const { debug, clock, loopFactory } = options;
    if (debug !== undefined && typeof debug !== "boolean") {
      throw new TypeError(`Runner: options.debug must be a boolean, got ${describe(debug)}`);
    }
    if (clock !== undefined && clock !== "real" && clock !== "virtual") {
      throw new RangeError(`Runner: options.clock must be "real" or "virtual", got ${describe(clock)}`);
    }
    if (loopFactory !== undefined && typeof loopFactory !== "function") {
      throw new TypeError(`Runner: options.loopFactory must be a function, got ${describe(loopFactory)}`);
    }
    if (loopFactory !== undefined && clock !== undefined) {
      throw new TypeError("Runner: options.clock and options.loopFactory exclude each other (the factory's loop has its own clock)");
    }
    this.#debug = debug;
    this.#clock = clock;
    this.#loopFactory = loopFactory;
  }

  /**
   * Runs `aw` (a coroutine, one of asyncio's coroutines as a Future, a promise, or a Future
   * of this runner's loop) as the main task on the runner's loop, on the host's event
   * loop; resolves to its result. The checks throw at the call: RuntimeError from inside a
   * running loop or once the runner is closed.
   * @example
   * const runner = new Runner();
   * const config = await runner.run(loadConfig());
   * await runner.run(serve(config));
   * await runner.aclose();
   */
  run<T>(aw: Awaitable<T>, options?: RunnerRunOptions): Promise<T> {
    const main = this.#mainTask("Runner.run", aw, options);
    return this.#loop!.runUntilComplete(main);
  }

  /**
   * `run` on the caller's stack (EventLoop.runUntilCompleteSync): for virtual clocks, and
   * hosts that can block between timers. Returns the result.
   * @example
   * const runner = new Runner({ clock: "virtual" });
   * runner.runSync(sleep(3600));   // at once
   * runner.close();
   */
  runSync<T>(aw: Awaitable<T>, options?: RunnerRunOptions): T {
    const main = this.#mainTask("Runner.runSync", aw, options);
    return this.#loop!.runUntilCompleteSync(main);
  }

  #mainTask<T>(where: string, aw: Awaitable<T>, options: RunnerRunOptions | undefined): Future<T> {
    checkMain(where, "aw", aw);
    checkOptions(where, options, ["context", "signal"]);
    const context = checkContext(where, options?.context);
    const signal = options?.signal;
    if (signal !== undefined) checkSignal(where, signal);
    if (_getRunningLoop() !== null) throw new RuntimeError(`${where}() cannot be called from a running event loop`);
    const loop = this.getLoop();
    if (aw instanceof Future && !aw._isFreshCoroutine()) {
      // a Future already scheduled: it must be this loop's, and it runs in its own context
      if (aw.getLoop() !== loop) {
        throw new RuntimeError(`${where}: aw is a Future of another event loop than the runner's (${aw.getLoop()})`);
      }
      if (signal !== undefined) linkSignal(aw, signal);
      return aw;
    }
    return loop.createTask(aw as Generator<unknown, T, any>, { context: context ?? this.#context!, signal });
  }

  /**
   * The runner's loop, made on first use (by `loopFactory`, or `new EventLoop({ clock })`).
   * RuntimeError once the runner is closed.
   * @example
   * const runner = new Runner();
   * runner.getLoop().setExceptionHandler(myHandler);
   */
  getLoop(): EventLoop {
    if (this.#state === CLOSED) throw new RuntimeError("Runner is closed");
    if (this.#state === CREATED) {
      const factory = this.#loopFactory;
      const loop = factory === undefined ? newEventLoop(this.#clock === undefined ? {} : { clock: this.#clock }) : factory();
      if (!(loop instanceof EventLoop)) {
        throw new TypeError(`Runner: options.loopFactory must return an EventLoop, got ${describe(loop)}`);
      }
      if (loop.isClosed()) throw new RuntimeError("Runner: options.loopFactory returned a closed loop");
      if (this.#debug !== undefined) loop.setDebug(this.#debug);
      this.#loop = loop;
      this.#context = copyContext();
      this.#state = INITIALIZED;
    }
    return this.#loop!;
  }

  /**
   * Cancels every task still pending on the runner's loop, runs the loop on the caller's
   * stack until they are done (their exceptions go to the exception handler), and closes
   * the loop, which shuts the default executor down without waiting for its workers (a
   * worker's end is a host event, which the caller's stack cannot receive; `aclose()` waits
   * for them). A no-op before the first use and after the first close. Where the cancelled
   * tasks must wait for a timer and the host cannot block, use `aclose()`.
   * @example
   * const runner = new Runner({ clock: "virtual" });
   * runner.runSync(main());
   * runner.close();
   */
  close(): void {
    if (this.#state !== INITIALIZED) return;
    const loop = this.#loop!;
    if (loop.isRunning()) throw new RuntimeError("Runner.close: the runner's loop is running");
    try {
      if (!loop.isClosed()) {
        const tasks = cancelAll(loop);
        if (tasks !== null) {
          loop.runUntilCompleteSync(gather(...tasks, { returnExceptions: true }));
          reportLeftovers(loop, tasks);
        }
        if (syncRunPossible(loop)) {
          loop.runUntilCompleteSync(shutdownAsyncgens());
          // shutdown_default_executor's run: the workers of a default executor cannot be waited
          // for on the caller's stack (their end is a host event), so this step only takes its
          // iterations and the loop's close() shuts the executor down without waiting
          loop.runUntilCompleteSync(shutdownAsyncgens());
        }
      }
    } finally {
      this.#finish(loop);
    }
  }

  /**
   * `close()` through the host's event loop: the cancelled tasks may wait on timers and
   * promises on any host, and the default executor's workers are waited for (at most 300 s,
   * asyncio's THREAD_JOIN_TIMEOUT) before the loop closes. What `run()` and `await using` use.
   * @example
   * const runner = new Runner();
   * try { await runner.run(main()); } finally { await runner.aclose(); }
   */
  async aclose(): Promise<void> {
    if (this.#state !== INITIALIZED) return;
    const loop = this.#loop!;
    if (loop.isRunning()) throw new RuntimeError("Runner.aclose: the runner's loop is running");
    try {
      if (!loop.isClosed()) {
        const tasks = cancelAll(loop);
        if (tasks !== null) {
          await loop.runUntilComplete(gather(...tasks, { returnExceptions: true }));
          reportLeftovers(loop, tasks);
        }
        await loop.runUntilComplete(shutdownAsyncgens());
        // as asyncio's Runner.close: the default executor's workers are waited for (at most
        // THREAD_JOIN_TIMEOUT), then the loop closes
        await loop.runUntilComplete(loop.shutdownDefaultExecutor(THREAD_JOIN_TIMEOUT));
      }
    } finally {
      this.#finish(loop);
    }
  }

  #finish(loop: EventLoop): void {
    this.#loop = null;
    this.#context = null;
    this.#state = CLOSED;
    loop.close();
  }

  /** `using runner = new Runner()`: close() at the end of the block. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** `await using runner = new Runner()`: aclose() at the end of the block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.aclose();
  }

  /** The runner's state (created, initialized, closed) and its loop. */
  toString(): string {
    return `<Runner ${STATE_NAMES[this.#state]}${this.#loop === null ? "" : ` loop=${this.#loop}`}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/**
 * RangeError (asyncio's ValueError "a coroutine was expected") unless `aw` is a coroutine, a
 * Future or a thenable.
 */
function checkMain(where: string, name: string, aw: unknown): void {
  if (aw instanceof Future || isCoroutine(aw) || isThenable(aw)) return;
  throw new RangeError(`${where}: ${name} must be a coroutine, a promise or a Future, got ${describe(aw)}`);
}

/**
 * asyncio's `loop.shutdown_asyncgens()` as the runners call it: a coroutine that finds no
 * asynchronous generator to close (the loop tracks none in JS) and returns. Run with
 * runUntilComplete it is a Task, and its run takes asyncio's two iterations.
 */
// eslint-disable-next-line require-yield
function* shutdownAsyncgens(): Generator<never, void, unknown> {
  return;
}

/**
 * Whether a synchronous run of `loop` can start: not while a child process or a pipe of the
 * loop reports through host events (runUntilCompleteSync refuses then). close() skips its
 * two shutdown steps in that case and closes the loop, which releases them.
 */
function syncRunPossible(loop: EventLoop): boolean {
  const io = _ioLayerOrNull();
  if (io === null) return true;
  try {
    io.enterSyncRun(loop);
  } catch (e) {
    if (e instanceof RuntimeError) return false;
    throw e;
  }
  io.leaveSyncRun(loop);
  return true;
}

/** Cancels every pending task of `loop`; returns them, or null if there are none (asyncio's _cancel_all_tasks). */
function cancelAll(loop: EventLoop): Task<unknown>[] | null {
  const tasks = [...allTasks(loop)];
  if (tasks.length === 0) return null;
  for (const t of tasks) t.cancel();
  return tasks;
}

/** The exceptions (not cancellations) the cancelled tasks ended with, to the exception handler. */
function reportLeftovers(loop: EventLoop, tasks: Task<unknown>[]): void {
  for (const task of tasks) {
    if (task.cancelled()) continue;
    const exception = task.exception();
    if (exception !== null) loop.callExceptionHandler({ message: SHUTDOWN_MESSAGE, exception, task });
  }
}

/**
 * Runs `main` on a new loop and returns its result (asyncio.run): the loop runs on the
 * host's event loop; afterwards every task still pending is cancelled and allowed to
 * finish (their exceptions go to the exception handler), and the loop is closed — also
 * when `main` fails. Options: `debug`, `clock`, `loopFactory`, and `signal` (cancels
 * `main` when it aborts). RuntimeError, thrown at the call, inside a running loop.
 * @example
 * function* main() {
 *   yield* sleep(1);
 *   return "hello";
 * }
 * console.log(await run(main()));
 */
export function run<T>(main: Awaitable<T>, options: RunOptions = {}): Promise<T> {
  checkMain("run", "main", main);
  checkOptions("run", options, ["debug", "clock", "loopFactory", "signal"]);
  const { signal, ...runnerOptions } = options;
  if (signal !== undefined) checkSignal("run", signal);
  // asyncio's words, as the loop's other RuntimeErrors: programs and traces match on them
  if (_getRunningLoop() !== null) throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
  if (main instanceof Future && !main._isFreshCoroutine()) {
    throw new RangeError(`run: main must be a coroutine or a promise, got ${main}: a Future belongs to a loop already, and run() makes a new one`);
  }
  const runner = new Runner(runnerOptions);
  const result = runner.run(main, signal === undefined ? undefined : { signal });
  return finishRun(runner, result);
}

async function finishRun<T>(runner: Runner, result: Promise<T>): Promise<T> {
  try {
    return await result;
  } finally {
    await runner.aclose();
  }
}
