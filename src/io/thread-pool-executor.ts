/**
 * ThreadPoolExecutor: Python's concurrent.futures.ThreadPoolExecutor on the host's workers
 * (worker_threads in Node and Bun; module Web Workers in Deno and browsers; see threads.ts).
 *
 * HOW. A pool of at most `maxWorkers` workers, started lazily: `submit` hands the call to an
 * idle worker if there is one, else starts a new worker while there are fewer than
 * `maxWorkers`, else queues it (FIFO). A worker runs one call at a time; its answer frees
 * it for the next queued call, or leaves it idle. Idle workers are kept for reuse (and
 * unref()'d, so they never keep the host process alive); a worker with a call is ref()'d.
 *
 * Invariants: a worker is in `#idle` exactly when it is alive, has no call and the queue
 * holds no call that can start (so the queue is empty of live calls whenever a worker
 * idles); `#workers` holds every live worker; a call is RUNNING from the moment it is handed
 * to a worker (posted), and can no longer be cancelled.
 *
 * Failures. What the called code throws fails its future (worker-errors.ts). A worker that
 * dies (process.exit, an uncaught error in a timer, close()) fails the one call it had begun
 * with BrokenExecutor and is replaced if calls wait. Nothing else is lost: an answer the
 * worker sent before dying is delivered, queued calls stay queued, and a call handed to it
 * that it had not yet begun (the worker acknowledges each call before running any of it)
 * goes back to the front of the queue (at most MAX_RETRIES times). A worker that dies before
 * its script ever ran (it could not load or parse: a broken bundle) breaks the pool, as an
 * initializer that fails breaks Python's: its call, every queued call and every later submit
 * fail with BrokenExecutor; calls other workers run finish, and those workers then stop.
 *
 * Shutdown (`shutdown()`): no new calls (RuntimeError); queued calls still run unless
 * `cancelFutures`; each worker is stopped once it has nothing left to run; with `wait`,
 * the returned promise settles when every worker is gone.
 */
import { RuntimeError } from "../exceptions.js";
import { describe } from "../validate.js";
import { ExecutorFuture } from "./executor-future.js";
import { executorWorkerSource } from "./executor-worker.js";
import { hostThreads, type SpawnWorker, type WorkerPort } from "./threads.js";
import { toWork, type ModuleFunction, type Work } from "./work.js";
import { decodeError, type EncodedError } from "./worker-errors.js";

/** A worker died, or could not start: its call failed (Python's concurrent.futures.BrokenExecutor). */
export class BrokenExecutor extends RuntimeError {
  constructor(message = "") {
    super(message);
    this.name = "BrokenExecutor";
  }
}

/** Options of `new ThreadPoolExecutor(options)`. */
export interface ThreadPoolExecutorOptions {
  /** At most this many workers (a positive integer). Default: min(32, CPUs + 4), as Python's. */
  maxWorkers?: number;
  /** Names the workers `${prefix}_0`, `${prefix}_1`, ... (debuggers, thread lists). Default "ThreadPoolExecutor-N". */
  threadNamePrefix?: string;
  /** How to start a worker, where the runtime has none of its own (an SES compartment): see SpawnWorker. */
  worker?: SpawnWorker | null;
}

/** What runInExecutor accepts as an executor: a ThreadPoolExecutor, or anything with a `submit` of the same shape. */
export interface Executor {
  /** Runs `fn(...args)` off the loop; what it returns settles with the call's outcome. */
  submit(fn: any, ...args: any[]): ExecutorFuture<unknown> | PromiseLike<unknown>;
}

/** Python's default: min(32, os.cpu_count() + 4). */
function defaultMaxWorkers(): number {
  const g = globalThis as any;
  let cpus: number = g.navigator?.hardwareConcurrency ?? 0;
  if (!(cpus > 0) && typeof g.process?.getBuiltinModule === "function") {
    const os = g.process.getBuiltinModule("node:os");
    cpus = typeof os?.availableParallelism === "function" ? os.availableParallelism() : os?.cpus?.().length ?? 0;
  }
  return Math.min(32, (cpus > 0 ? cpus : 1) + 4);
}

/** How often a call goes back to the queue when the worker it was handed to dies before beginning it. */
const MAX_RETRIES = 2;

let executorCounter = 0;
let callCounter = 0;

/** One call: the future the caller holds, and what to send. */
interface Call {
  readonly id: number;
  readonly future: ExecutorFuture<unknown>;
  readonly work: Work;
  readonly args: unknown[];
  readonly where: string;
  /** times it went back to the queue because its worker died before starting it */
  retries: number;
}

/** One worker of the pool. */
interface PoolWorker {
  readonly port: WorkerPort;
  readonly name: string;
  /** the call it runs, or null */
  call: Call | null;
  /** the worker said it began `call` ("start"): if it dies now, the call failed with it */
  began: boolean;
  /** it posted "ready": its script runs */
  started: boolean;
  /** stopped by the pool or gone by itself: ignore whatever it still reports */
  gone: boolean;
  /** source keys this worker has compiled: their text is not sent again */
  readonly known: Set<number>;
}

/**
 * A pool of workers that run calls off the event loop (concurrent.futures.ThreadPoolExecutor).
 * @example
 * const pool = new ThreadPoolExecutor({ maxWorkers: 2 });
 * const sum = yield* loop.runInExecutor(pool, (n) => { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }, 1e6);
 * await pool.shutdown();
 */
export class ThreadPoolExecutor implements Executor {
  /** The most workers this pool runs at once. */
  readonly maxWorkers: number;
  readonly #prefix: string;
  readonly #given: SpawnWorker | null;
  #spawn: SpawnWorker | null = null;
  readonly #workers = new Set<PoolWorker>();
  readonly #idle: PoolWorker[] = [];
  #queue: Call[] = [];
  #queueHead = 0;
  #started = 0;
  #shutdown = false;
  #broken: string | null = null;
  /** what the stopped workers' terminate() returned, until it settles */
  readonly #ending = new Set<Promise<unknown>>();
  /** settles once shut down and every worker is gone */
  #gone: Promise<void> | null = null;
  #goneResolve: (() => void) | null = null;

  constructor(options: ThreadPoolExecutorOptions = {}) {
    if (options === null || typeof options !== "object") {
      throw new TypeError(`ThreadPoolExecutor: options must be an object, got ${describe(options)}`);
    }
    const { maxWorkers, threadNamePrefix, worker } = options;
    if (maxWorkers === undefined || maxWorkers === null) {
      this.maxWorkers = defaultMaxWorkers();
    } else if (typeof maxWorkers !== "number" || !Number.isInteger(maxWorkers)) {
      throw new TypeError(`ThreadPoolExecutor: options.maxWorkers must be a positive integer, got ${describe(maxWorkers)}`);
    } else if (maxWorkers <= 0) {
      throw new RangeError(`ThreadPoolExecutor: options.maxWorkers must be greater than 0, got ${maxWorkers}`);
    } else {
      this.maxWorkers = maxWorkers;
    }
    if (threadNamePrefix !== undefined && typeof threadNamePrefix !== "string") {
      throw new TypeError(`ThreadPoolExecutor: options.threadNamePrefix must be a string, got ${describe(threadNamePrefix)}`);
    }
    if (worker !== undefined && worker !== null && typeof worker !== "function") {
      throw new TypeError(`ThreadPoolExecutor: options.worker must be a function (SpawnWorker) or null, got ${describe(worker)}`);
    }
    this.#prefix = threadNamePrefix || `ThreadPoolExecutor-${executorCounter++}`;
    this.#given = worker ?? null;
  }

  /**
   * Schedules `fn(...args)` in a worker and returns its ExecutorFuture. `fn` is a
   * self-contained function (sent by its source) or a `{ module, export }` descriptor; the
   * arguments must be structured-cloneable. Throws RuntimeError after shutdown,
   * BrokenExecutor once the pool is broken, TypeError for what cannot go to a worker, and
   * NotImplementedError where the runtime has no threads.
   * @example
   * const f = pool.submit((a, b) => a + b, 1, 2);
   * console.log(await f);   // 3
   */
  submit<A extends unknown[], R>(fn: ((...args: A) => R) | ModuleFunction<(...args: A) => R>, ...args: A): ExecutorFuture<Awaited<R>> {
    return this._submit("ThreadPoolExecutor.submit", fn, args) as ExecutorFuture<Awaited<R>>;
  }

  /** @internal submit, with the public call's name for errors */
  _submit(where: string, fn: unknown, args: unknown[]): ExecutorFuture<unknown> {
    if (this.#broken !== null) throw new BrokenExecutor(this.#broken);
    if (this.#shutdown) throw new RuntimeError("cannot schedule new futures after shutdown");
    const work = toWork(where, fn);
    if (this.#spawn === null) this.#spawn = hostThreads(where, this.#given);
    const call: Call = { id: ++callCounter, future: new ExecutorFuture(), work, args, where, retries: 0 };
    const worker = this.#idle.pop() ?? (this.#workers.size < this.maxWorkers ? this.#startWorker() : null);
    if (worker === null) {
      checkCloneable(where, args);
      this.#queue.push(call);
      return call.future;
    }
    try {
      this.#dispatch(worker, call);
    } catch (e) {
      this.#idleOrStop(worker);
      throw cloneError(where, args, e);
    }
    return call.future;
  }

  /**
   * Stops taking calls and lets the workers go once they are done. `wait` (default true):
   * the promise settles when every worker is gone (Python's shutdown blocks instead).
   * `cancelFutures`: calls not yet started are cancelled instead of run. Calling it again is
   * harmless. Also `shutdown(wait, { cancelFutures })`, Python's positional form.
   * @example
   * await pool.shutdown();                                  // wait for running and queued calls
   * pool.shutdown({ wait: false, cancelFutures: true });    // drop the queue, don't wait
   */
  shutdown(wait?: boolean | { wait?: boolean; cancelFutures?: boolean }, options?: { cancelFutures?: boolean }): Promise<void> {
    let waitFlag = true;
    let cancelFutures = false;
    if (typeof wait === "boolean") {
      waitFlag = wait;
      if (options !== undefined) cancelFutures = shutdownOption(options, "cancelFutures");
    } else if (wait !== undefined) {
      waitFlag = shutdownOption(wait, "wait", true);
      cancelFutures = shutdownOption(wait, "cancelFutures");
    }
    this.#shutdown = true;
    if (cancelFutures) {
      const queued = this.#queue.slice(this.#queueHead);
      this.#queue = [];
      this.#queueHead = 0;
      for (const call of queued) call.future.cancel();
    }
    for (const worker of this.#idle.splice(0)) this.#stop(worker);
    if (this.#gone === null) this.#gone = new Promise<void>((resolve) => (this.#goneResolve = resolve));
    this.#checkGone();
    return waitFlag ? this.#gone : Promise.resolve();
  }

  /** `using pool = new ThreadPoolExecutor()`: shuts it down at the end of the block without waiting. */
  [Symbol.dispose](): void {
    void this.shutdown({ wait: false });
  }

  /** `await using pool = new ThreadPoolExecutor()`: shuts it down and waits, as Python's `with`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.shutdown({ wait: true });
  }

  toString(): string {
    const state = this.#broken !== null ? "broken" : this.#shutdown ? "shutdown" : "running";
    const busy = [...this.#workers].filter((w) => w.call !== null).length;
    return `<ThreadPoolExecutor ${state} maxWorkers=${this.maxWorkers} workers=${this.#workers.size} busy=${busy} queued=${this.#queue.length - this.#queueHead}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  #startWorker(): PoolWorker {
    const name = `${this.#prefix}_${this.#started++}`;
    let worker!: PoolWorker;
    const port = this.#spawn!(
      { source: workerSource(), name },
      {
        message: (data) => this.#onMessage(worker, data),
        error: (error) => this.#onDeath(worker, `an uncaught error: ${errorText(error)}`, error),
        exit: (code) => this.#onDeath(worker, `exit code ${code}`, null),
      },
    );
    worker = { port, name, call: null, began: false, started: false, gone: false, known: new Set() };
    this.#workers.add(worker);
    return worker;
  }

  /** Hands `call` to `worker`; throws (DataCloneError) if its arguments cannot be sent, leaving both as they were. */
  #dispatch(worker: PoolWorker, call: Call): void {
    const { work } = call;
    let message: Record<string, unknown>;
    if (work.kind === "module") {
      message = { t: "call", id: call.id, args: call.args, module: work.module, export: work.export };
    } else {
      message = { t: "call", id: call.id, args: call.args, key: work.key, name: work.name };
      if (!worker.known.has(work.key)) message.src = work.source;
    }
    worker.port.postMessage(message);
    if (work.kind === "source") worker.known.add(work.key);
    if (!call.future.running()) call.future._setRunningOrNotifyCancel(); // a retried call already runs
    worker.call = call;
    worker.began = false;
    worker.port.ref?.();
  }

  /** `worker` has nothing to run: the next queued call, else idle (or stopped, after shutdown). */
  #idleOrStop(worker: PoolWorker): void {
    while (this.#queueHead < this.#queue.length) {
      const call = this.#queue[this.#queueHead];
      this.#queue[this.#queueHead++] = undefined as never;
      if (this.#queueHead === this.#queue.length) {
        this.#queue = [];
        this.#queueHead = 0;
      }
      if (call.future.cancelled()) continue;
      try {
        this.#dispatch(worker, call);
        return;
      } catch (e) {
        // its arguments were checked when it was queued; they changed since
        call.future._setException(cloneError(call.where, call.args, e));
      }
    }
    if (this.#shutdown || this.#broken !== null) {
      this.#stop(worker);
      return;
    }
    worker.port.unref?.();
    this.#idle.push(worker);
  }

  #onMessage(worker: PoolWorker, data: any): void {
    if (worker.gone || data === null || typeof data !== "object") return;
    switch (data.t) {
      case "ready":
        worker.started = true;
        return;
      case "start":
        if (worker.call !== null && worker.call.id === data.id) worker.began = true;
        return;
      case "ok":
      case "err": {
        const call = worker.call;
        if (call === null || call.id !== data.id) return;
        worker.call = null;
        this.#idleOrStop(worker);
        if (data.t === "ok") call.future._setResult(data.value);
        else call.future._setException(decodeError(data.error as EncodedError, call.where, describeWork(call.work)));
        return;
      }
      case "exit":
        this.#onDeath(worker, String(data.how), null);
        return;
      case "log": {
        // printed now, on arrival: in order with the answers, as a thread writes to the one stdout
        const c = (globalThis as any).console;
        if (typeof c?.[data.level] === "function" && Array.isArray(data.args)) c[data.level](...data.args);
        return;
      }
    }
  }

  /** `worker` died (or its script never ran): fail its call, replace it or break the pool. */
  #onDeath(worker: PoolWorker, how: string, error: unknown): void {
    if (worker.gone) return;
    this.#stop(worker);
    const call = worker.call;
    worker.call = null;
    if (!worker.started) {
      this.#break(`a worker of ${this.#prefix} could not start (${how}); the pool is broken`, error, call);
      return;
    }
    if (call !== null && !worker.began && call.retries < MAX_RETRIES) {
      // handed over but never begun: nothing of it ran, so it runs on another worker, first in line
      call.retries++;
      if (this.#queueHead > 0) this.#queue[--this.#queueHead] = call;
      else this.#queue.unshift(call);
    } else if (call !== null) {
      const err = new BrokenExecutor(
        `${call.where}: the worker ${worker.name} died while running ${describeWork(call.work)} (${how}); the pool replaces it`,
      );
      if (error !== null) Object.defineProperty(err, "cause", { value: error, writable: true, configurable: true });
      call.future._setException(err);
    }
    if (this.#queueHead < this.#queue.length && this.#spawn !== null) {
      let replacement: PoolWorker;
      try {
        replacement = this.#startWorker();
      } catch (e) {
        this.#break(`${this.#prefix} could not start a worker to replace ${worker.name}`, e, null);
        return;
      }
      this.#idleOrStop(replacement);
    }
  }

  #break(message: string, error: unknown, running: Call | null): void {
    this.#broken = error === null || error === undefined ? message : `${message}: ${errorText(error)}`;
    const calls = this.#queue.slice(this.#queueHead);
    this.#queue = [];
    this.#queueHead = 0;
    if (running !== null) calls.unshift(running);
    // busy workers finish their calls and then stop (#idleOrStop); idle ones stop now
    for (const worker of this.#idle.splice(0)) this.#stop(worker);
    for (const call of calls) {
      if (call.future.done()) continue;
      const err = new BrokenExecutor(this.#broken);
      if (error !== null && error !== undefined) Object.defineProperty(err, "cause", { value: error, writable: true, configurable: true });
      call.future._setException(err);
    }
  }

  #stop(worker: PoolWorker): void {
    if (worker.gone) return;
    worker.gone = true;
    this.#workers.delete(worker);
    const i = this.#idle.indexOf(worker);
    if (i >= 0) this.#idle.splice(i, 1);
    let ended: Promise<unknown>;
    try {
      ended = Promise.resolve(worker.port.terminate()).catch(() => {});
    } catch {
      ended = Promise.resolve();
    }
    this.#ending.add(ended);
    void ended.then(() => this.#ending.delete(ended));
    this.#checkGone();
  }

  #checkGone(): void {
    if (this.#goneResolve === null || this.#workers.size > 0) return;
    const resolve = this.#goneResolve;
    this.#goneResolve = null;
    // once every terminate() has settled: the threads are gone, not only asked to go
    void Promise.all([...this.#ending]).then(() => resolve());
  }
}

function shutdownOption(options: unknown, key: "wait" | "cancelFutures", dflt = false): boolean {
  if (options === null || typeof options !== "object") {
    throw new TypeError(`ThreadPoolExecutor.shutdown: options must be an object, got ${describe(options)}`);
  }
  const v = (options as Record<string, unknown>)[key];
  if (v === undefined) return dflt;
  if (typeof v !== "boolean") throw new TypeError(`ThreadPoolExecutor.shutdown: ${key} must be a boolean, got ${describe(v)}`);
  return v;
}

let cachedSource: string | null = null;
function workerSource(): string {
  return (cachedSource ??= executorWorkerSource());
}

/** @internal how a call's function is named in messages */
export function describeWork(work: Work): string {
  if (work.kind === "module") return `${work.module} export ${JSON.stringify(work.export)}`;
  if (work.name !== "anonymous") return `fn (function ${work.name})`;
  const text = work.source.replace(/\s+/g, " ");
  return `fn (${text.length > 40 ? text.slice(0, 39) + "…" : text})`;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  if (e !== null && typeof e === "object" && typeof (e as any).message === "string") return String((e as any).message);
  return String(e);
}

/** TypeError naming the first argument that cannot be structured-cloned; checks nothing where the host has no structuredClone. */
function checkCloneable(where: string, args: unknown[]): void {
  const clone = (globalThis as any).structuredClone;
  if (typeof clone !== "function") return;
  try {
    clone(args);
  } catch (e) {
    throw cloneError(where, args, e);
  }
}

function cloneError(where: string, args: unknown[], e: unknown): unknown {
  const clone = (globalThis as any).structuredClone;
  if (typeof clone === "function") {
    for (let i = 0; i < args.length; i++) {
      try {
        clone(args[i]);
      } catch (err) {
        return new TypeError(
          `${where}: args[${i}] (${describe(args[i])}) cannot be sent to a worker (it is not structured-cloneable): ${errorText(err)}`,
        );
      }
    }
  }
  if (e instanceof Error && (e.name === "DataCloneError" || e instanceof TypeError)) {
    return new TypeError(`${where}: the arguments cannot be sent to a worker (not structured-cloneable): ${errorText(e)}`);
  }
  return e;
}
