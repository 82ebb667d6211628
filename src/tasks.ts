/**
 * Task: a Future that drives a coroutine (a generator) on its loop.
 *
 * Each step is one loop callback: `coro.next(value)` or `coro.throw(exc)`, and then, by
 * what the coroutine yielded:
 *   a Future of this loop (`yield* fut` or `yield fut`) → wait: the Future wakes the task
 *     with its result, or throws its exception in; a Future of another loop or the task
 *     itself → RuntimeError thrown in at the next step;
 *   a thenable (`yield promise`, a JS extension) → bridged into a Future of this loop and
 *     waited for the same way (cancelling the task stops the wait, not the promise);
 *   nothing (bare `yield`) → step again at the next iteration (asyncio's `sleep(0)`);
 *   anything else → TypeError ("bad yield", saying what to write instead) thrown in at the
 *     next step.
 * Return → setResult; throw CancelledError → cancelled; throw anything else → setException.
 *
 * Context: every step runs in the task's context (contextvars.ts): the `context` option
 * itself, or a copy of the context current at creation. The copy is kept as the Data
 * snapshot of that moment and becomes a Context object only when the task sets a variable
 * (the task is the `owner` of the pending copy during its steps); `_ctx` holds either.
 *
 * Eager start (asyncio 3.12's eager_start / eagerTaskFactory): on a running loop the first
 * step runs inside the constructor, with the task swapped in as the current task and the
 * creator's task restored afterwards; a coroutine that never waits is done when createTask
 * returns and never touches the loop.
 *
 * AbortSignal: the `signal` option cancels the task (the signal's reason as the message)
 * when it aborts — at once, before the first step, if it already has; the listener is
 * removed when the task ends. The other way, `abortSignal()` (futures.ts) aborts at the
 * first cancel() request.
 *
 * States (asyncio's): PENDING, running steps; `cancel(msg)` cancels the Future the task
 * waits on, or, if it waits on nothing, sets MUST_CANCEL so the next step throws
 * CancelledError(msg) into the coroutine. The coroutine may catch it and go on; the task
 * is cancelled only when CancelledError escapes the coroutine. `cancelling()` counts
 * pending cancel requests, `uncancel()` takes one back.
 *
 * A pending task that is garbage-collected is reported "Task was destroyed but it is
 * pending!" through its loop's exception handler (where the host has FinalizationRegistry),
 * once it has waited YOUNG_ITERATIONS iterations or its loop was closed (at once in debug
 * mode): see TaskRegistry for why, and what that costs.
 */
import { CancelledError, InvalidStateError, RuntimeError } from "./exceptions.js";
import { FINISHED, Future, PENDING, _abortRequested, reprError, wakers } from "./futures.js";
import { getRunningLoop } from "./events.js";
import { BaseEventLoop, _getRunningLoop, type TaskAging } from "./base-events.js";
import type { EventLoop } from "./loop.js";
import { isCoroutine, isCoroutineFunction } from "./coroutines.js";
import { bridge, isThenable } from "./ensure-future.js";
import { describe } from "./validate.js";
import {
  Context, EMPTY, _snapshot, checkContext, fromData, materialize, state as contextState, type Data,
} from "./contextvars.js";
import { _registerTaskSteps } from "./trace.js";
import { _sourceTraceback } from "./debug.js";
import type { CallFrame } from "./stack-frames.js";

let taskCounter = 0;

/** What `new Task()` takes besides the coroutine. */
export interface TaskOptions {
  /** The loop to run on; default: the current event loop. */
  loop?: EventLoop;
  /** The task's name; default `Task-N`. */
  name?: string;
  /** Run every step in this context itself; default: a copy of the context current now. */
  context?: Context;
  /** Cancel the task when this signal aborts (its `reason` as the cancel message). */
  signal?: AbortSignal;
  /** asyncio 3.12's eager_start: on a running loop, run the first step now, inside the constructor. */
  eagerStart?: boolean;
}

/** What a task factory is given besides the loop and the coroutine: the createTask options it must honour. */
export interface TaskFactoryOptions {
  /** Run the task in this Context itself (createTask's `context` option). */
  context?: Context;
  /** Cancel the task when this signal aborts (createTask's `signal` option). */
  signal?: AbortSignal;
}

/** `loop.setTaskFactory(f)`: makes the Future (usually a Task) for every createTask on that loop. */
export type TaskFactory = (
  loop: EventLoop,
  coro: Generator<unknown, any, any> | Future<any> | PromiseLike<any>,
  options: TaskFactoryOptions,
) => Future<any>;

/** The listener a task's `signal` option added, to remove when the task ends. */
interface AbortLink {
  signal: AbortSignal;
  listener: () => void;
}

/** What the registry keeps of an old task (held weakly), to report it if it is collected pending. */
interface Tracked {
  loop: EventLoop;
  weak: Set<WeakRef<Task<unknown>>>;
  ref: WeakRef<Task<unknown>>;
  name: string;
  /** debug mode: where the task was made */
  sourceTraceback?: CallFrame[];
}

/*
 * Task._flags: where the task is in its loop's registry (DONE, FRESH, YOUNG or OLD), the
 * MUST_CANCEL bit, and for a young task its place in its bucket: the bucket's index (two
 * bits) and its position + 1 (0: not recorded, past YOUNG_PLACES), so that a task that ends
 * young leaves its bucket at once.
 */
const DONE = 0;
const FRESH = 1;
const YOUNG = 2;
const OLD = 3;
const WHERE = 3;
const MUST_CANCEL = 4;
const BUCKET_SHIFT = 3;
const PLACE_SHIFT = 5;
/** positions past this are not recorded (the flags stay a small integer) */
const YOUNG_PLACES = 2 ** 25;

/** Iterations a task may wait after its first wait before the registry holds it weakly (a power of two). */
const YOUNG_ITERATIONS = 4;

/**
 * The pending tasks of one loop, for allTasks() and the "Task was destroyed but it is
 * pending!" report. Generational, because a WeakRef and a FinalizationRegistry entry cost
 * about 2 µs a task (most of it in the garbage collector) and most tasks finish within a
 * few iterations of their first wait; and kept out of the Task itself, because every field
 * costs each task 8 bytes and the collector's time grows with them (with the registry's
 * links in the Task, 40 bytes more, W5.tasks took 1 / 0.86 as long in a whole-process A/B):
 *   fresh  not waited on a Future yet. The loop holds them anyway: their next step is in
 *          its ready queue (or running, or below an eager start), and allTasks() finds
 *          them there (BaseEventLoop._argsOf).
 *   young  first waited fewer than YOUNG_ITERATIONS iterations ago: held strongly, in
 *          the bucket of the iteration of their first wait (a task that ends leaves its
 *          place empty).
 *   old    still pending after that: held by a WeakRef (asyncio's WeakSet) and registered
 *          with a FinalizationRegistry that reports the task if it is collected pending.
 * At the start of each iteration the loop ages the bucket of YOUNG_ITERATIONS iterations
 * ago (its tasks go old, the bucket is emptied); at close() every fresh and young task goes
 * old. The trade-off: a task abandoned while young (nothing else holds the Future it waits
 * on) is kept alive until it is old, so its report comes YOUNG_ITERATIONS iterations (or
 * the loop's close()) later than asyncio's; a task that ends young never pays for weak
 * tracking. In debug mode (loop.setDebug) a task goes old at its first wait, so it is
 * reported as soon as it is collected. A host without WeakRef and FinalizationRegistry
 * holds old tasks strongly (`kept`) and reports none.
 */
class TaskRegistry implements TaskAging {
  /** young tasks by the iteration of their first wait, modulo YOUNG_ITERATIONS; null: a place left */
  readonly young: (Task<unknown> | null)[][] = [];
  /** how many places the buckets hold */
  held = 0;
  readonly weak = new Set<WeakRef<Task<unknown>>>();
  /** old tasks, where the host has no WeakRef and FinalizationRegistry */
  readonly kept = new Set<Task<unknown>>();

  constructor() {
    for (let i = 0; i < YOUNG_ITERATIONS; i++) this.young.push([]);
  }

  /** a task's first wait, in iteration `iteration`: returns its place for Task._flags */
  add(task: Task<unknown>, iteration: number): number {
    const index = iteration & (YOUNG_ITERATIONS - 1);
    const bucket = this.young[index];
    const place = bucket.length + 1;
    bucket.push(task);
    this.held++;
    return (index << BUCKET_SHIFT) | (place < YOUNG_PLACES ? place << PLACE_SHIFT : 0);
  }

  /** a young task ended: its place in its bucket (from its flags) is left empty */
  leave(flags: number): void {
    const place = flags >>> PLACE_SHIFT;
    if (place !== 0) this.young[(flags >>> BUCKET_SHIFT) & (YOUNG_ITERATIONS - 1)][place - 1] = null;
  }

  age(iteration: number): void {
    const bucket = this.young[iteration & (YOUNG_ITERATIONS - 1)];
    const n = bucket.length;
    if (n === 0) return;
    for (let i = 0; i < n; i++) {
      const t = bucket[i];
      if (t !== null && (t._flags & WHERE) === YOUNG) t._makeOld();
    }
    bucket.length = 0;
    this.held -= n;
  }

  ageAll(loop: EventLoop): void {
    Task._ageFresh(loop);
    for (let i = 0; i < YOUNG_ITERATIONS; i++) this.age(i);
  }
}

const destroyedPending: FinalizationRegistry<Tracked> | null =
  typeof FinalizationRegistry === "function" && typeof WeakRef === "function"
    ? new FinalizationRegistry((t) => {
        t.weak.delete(t.ref);
        const context: { message: string; task: string; source_traceback?: CallFrame[] } = {
          message: "Task was destroyed but it is pending!",
          task: `<Task pending name='${t.name}'>`,
        };
        if (t.sourceTraceback !== undefined) context.source_traceback = t.sourceTraceback;
        t.loop.callExceptionHandler(context);
      })
    : null;

/**
 * A Future that runs a coroutine (a generator) on its loop, one step per loop iteration
 * the coroutine is ready; its result is the coroutine's return value. `cancel()` throws
 * CancelledError into the coroutine at its current `yield`.
 * @example
 * function* worker(name: string) {
 *   yield* sleep(1);
 *   return `${name} done`;
 * }
 * const task = loop.createTask(worker("A"), { name: "worker-A" });
 * loop.runUntilCompleteSync(task);   // "A done"
 */
export class Task<T = unknown> extends Future<T> {
  // Declared, and assigned in the constructor in one fixed order (see Future's fields); what
  // few tasks set (getCoro()'s source, the signal link, cancel requests) is in FutureRare.
  /** @internal the generator the task steps */ declare readonly _coro: Generator<unknown, T, any>;
  /**
   * @internal the task's Context once there is one (the option, or its copy once made; see
   * the header), else the Data its copy holds (the snapshot): one field for the two
   */
  declare _ctx: Context | Data;
  /**
   * @internal the name given or set, or for an unnamed task the N of Task-N; while the task
   * is old, its Tracked record, which carries the name (no field of its own for it: old tasks
   * are the long-lived ones, W6)
   */
  declare _name: string | number | Tracked;
  /** @internal the Future this task waits on */ declare _futWaiter: Future<unknown> | null;
  /** @internal where it is in its loop's TaskRegistry, MUST_CANCEL, a young task's place (see above TaskRegistry) */
  declare _flags: number;

  /** @internal the task's Context, or null while its copy is only a snapshot */
  get _context(): Context | null {
    const c = this._ctx;
    return c instanceof Context ? c : null;
  }
  /** @internal */
  set _context(ctx: Context) {
    this._ctx = ctx;
  }

  /** @internal what getCoro() returns when it is not `_coro`: the sleep()/waitFor() Future or the promise the task was made from */
  get _source(): Future<T> | PromiseLike<T> | null {
    return (this._rare?.source ?? null) as Future<T> | PromiseLike<T> | null;
  }

  /** @internal the `signal` option's listener while the task is pending */
  get _abortLink(): AbortLink | null {
    return (this._rare?.abortLink ?? null) as AbortLink | null;
  }
  /** @internal */
  set _abortLink(link: AbortLink | null) {
    this._rareFields().abortLink = link;
  }

  /** @internal cancel() calls not taken back by uncancel() */
  get _numCancelsRequested(): number {
    return this._rare?.cancels ?? 0;
  }
  /** @internal */
  set _numCancelsRequested(n: number) {
    this._rareFields().cancels = n;
  }

  /**
   * Prefer `loop.createTask(coro)` or `ensureFuture(coro)`. `coro` is a coroutine (a
   * generator object), one of asyncio's coroutines this package returns as a Future (a
   * `sleep()`, `waitFor()`, `wait()` nothing has awaited yet), or a promise (a JS
   * extension), which the task awaits. Options: `name`, `context` (run in that Context
   * itself), `signal` (cancel on abort), `eagerStart` (run the first step now if the loop
   * is running), `loop`.
   * @example
   * const task = new Task(worker("A"), { name: "worker-A" });
   * const nap = loop.createTask(sleep(5, "rested"));
   */
  constructor(coro: Generator<unknown, T, any> | Future<T> | PromiseLike<T>, options: TaskOptions = {}) {
    super(options);
    const loop = this._loop;
    // loop.createTask() without options or factory passes the loop's own options object:
    // then there is nothing more to check (W5's tasks are made this way)
    const plain = options === (loop as { _own?: unknown })._own;
    let source: Future<T> | PromiseLike<T> | null = null;
    let gen: Generator<unknown, T, any>;
    // a generator first: its protocol check is a few cached loads, `instanceof` a chain walk
    // (a Future has no next/throw/return, so it never passes as a coroutine)
    if (isCoroutine(coro)) {
      gen = coro as Generator<unknown, T, any>;
    } else {
      checkCoro(plain ? "createTask" : "Task", coro);
      if (coro instanceof Future) {
        if (coro._loop !== loop && !coro._adopt(loop)) {
          throw new RuntimeError(`Task: coro belongs to another event loop than the task's`);
        }
        source = coro;
        gen = coro[Symbol.iterator]();
      } else {
        source = coro as PromiseLike<T>;
        gen = awaitThenable(coro as PromiseLike<T>);
      }
    }
    let context: Context | undefined;
    let taskName: string | null = null;
    let signal: AbortSignal | undefined;
    let eager = false;
    if (!plain) {
      const { name, eagerStart = false } = options;
      signal = options.signal;
      context = checkContext("Task", options.context);
      if (signal !== undefined) checkSignal("Task", signal);
      if (typeof eagerStart !== "boolean") {
        throw new TypeError(`Task: options.eagerStart must be a boolean, got ${describe(eagerStart)}`);
      }
      eager = eagerStart && loop.isRunning();
      if (eager && context !== undefined && context._entered) {
        throw new RuntimeError(`Task: cannot start eagerly in ${context}: it is already entered`);
      }
      if (name !== undefined && name !== null) taskName = String(name);
    }
    this._coro = gen;
    this._ctx = context ?? _snapshot();
    // as asyncio: only unnamed tasks take a number, so Task-N counts them
    this._name = taskName === null ? ++taskCounter : taskName;
    this._futWaiter = null;
    this._flags = FRESH;
    if (loop._taskRegistry === null) loop._taskRegistry = new TaskRegistry();
    if (source !== null) this._rareFields().source = source;
    if (signal !== undefined) this._linkSignal(signal);
    if (eager) this._eagerStart();
    else loop._soon(taskStep, this);
  }

  /** @internal asyncio's __eager_start: the first step now, with this task swapped in as the current one. */
  _eagerStart(): void {
    const loop = this._loop;
    const prev = loop._currentTask as Task<unknown> | null;
    loop._currentTask = null;
    // the task whose step made this one is in no ready slot now: allTasks() finds it here
    if (prev !== null) suspended.push(prev);
    try {
      this._step(false, undefined, undefined);
    } finally {
      if (prev !== null) suspended.pop();
      loop._currentTask = prev;
    }
  }

  /**
   * @internal cancels this task when `signal` aborts (now, if it has); the listener goes
   * when the task ends. A task follows one signal: later ones are ignored.
   */
  _linkSignal(signal: AbortSignal): void {
    if (this._abortLink !== null || this._state !== PENDING) return;
    if (signal.aborted) {
      this.cancel(abortMessage(signal.reason));
      return;
    }
    const listener = () => {
      if (this._state === PENDING && !this._loop.isClosed()) this.cancel(abortMessage(signal.reason));
    };
    this._abortLink = { signal, listener };
    signal.addEventListener("abort", listener, { once: true });
  }

  /** @internal The task waits on a Future for the first time: young from now on (old at once in debug mode). */
  _firstWait(loop: EventLoop): void {
    if (loop._debug) {
      this._makeOld();
      return;
    }
    const place = (loop._taskRegistry as TaskRegistry).add(this, loop._iteration);
    this._flags = (this._flags & MUST_CANCEL) | YOUNG | place;
  }

  /** @internal held weakly from now on, and reported if collected pending (TaskRegistry) */
  _makeOld(): void {
    const loop = this._loop;
    const registry = loop._taskRegistry as TaskRegistry;
    this._flags = (this._flags & MUST_CANCEL) | OLD;
    if (destroyedPending === null) {
      registry.kept.add(this);
      return;
    }
    const ref = new WeakRef<Task<unknown>>(this);
    registry.weak.add(ref);
    const tracked: Tracked = { loop, weak: registry.weak, ref, name: this.getName() };
    if (loop._debug) tracked.sourceTraceback = _sourceTraceback(this);
    this._name = tracked;
    destroyedPending.register(this, tracked, this);
  }

  /** @internal */
  _untrack(): void {
    const link = this._abortLink;
    if (link !== null) link.signal.removeEventListener("abort", link.listener);
    const flags = this._flags;
    const where = flags & WHERE;
    if (where === YOUNG) {
      (this._loop._taskRegistry as TaskRegistry).leave(flags);
    } else if (where === OLD) {
      const name = this._name;
      if (typeof name !== "object") {
        (this._loop._taskRegistry as TaskRegistry).kept.delete(this);
      } else {
        name.weak.delete(name.ref);
        destroyedPending!.unregister(this);
        this._name = name.name;
      }
    }
    this._flags = flags & MUST_CANCEL;
  }

  /**
   * @internal the tasks of `loop` that may be pending (some may be done): the running one,
   * those below an eager start, those with a step in the ready queue, young, then old
   */
  static *_pending(loop: EventLoop): Generator<Task<unknown>> {
    const current = loop._currentTask;
    if (current instanceof Task) yield current;
    for (const t of suspended) if (t._loop === loop) yield t;
    for (const t of loop._argsOf(taskStep)) yield t as Task<unknown>;
    for (const [t] of loop._argsOf(taskThrow) as [Task<unknown>, Error][]) yield t;
    const registry = loop._taskRegistry as TaskRegistry | null;
    if (registry === null) return;
    for (const bucket of registry.young) for (const t of bucket) if (t !== null && (t._flags & WHERE) === YOUNG) yield t;
    yield* registry.kept;
    for (const ref of registry.weak) {
      const t = ref.deref();
      if (t !== undefined) yield t;
    }
  }

  /** @internal close(): every fresh task of `loop` goes old (held weakly and reported if collected pending) */
  static _ageFresh(loop: EventLoop): void {
    for (const t of Task._pending(loop)) if ((t._flags & WHERE) === FRESH) t._makeOld();
  }

  /** @internal */
  override _kind(): string {
    return "Task";
  }

  /** The task's name: the one given, else `Task-N`. */
  getName(): string {
    const name = this._name;
    return typeof name === "string" ? name : typeof name === "number" ? `Task-${name}` : name.name;
  }

  /** Renames the task (the name is converted with String()). */
  setName(name: string): void {
    const s = String(name);
    const held = this._name;
    if (typeof held === "object") held.name = s;
    else this._name = s;
  }

  /** The coroutine the task runs: the generator, or the sleep()/waitFor() Future or the promise it was made from. */
  getCoro(): Generator<unknown, T, any> | Future<T> | PromiseLike<T> {
    return this._source ?? this._coro;
  }

  /**
   * The Context the task's steps run in (asyncio 3.12's get_context): the `context` option,
   * or the copy taken at creation.
   * @example
   * const ctx = task.getContext();
   * ctx.get(requestId);   // the value the task sees
   */
  getContext(): Context {
    const c = this._context;
    if (c !== null) return c;
    // the task is running with its copy still pending: make it now, as a set() would
    if (contextState.owner === this) return materialize();
    const ctx = fromData(this._ctx as Data);
    this._context = ctx;
    return ctx;
  }

  /**
   * Requests cancellation: CancelledError(msg) is thrown into the coroutine at its current
   * yield. Returns false if the task is already done.
   */
  override cancel(msg?: unknown): boolean {
    if (this._state !== PENDING) return super.cancel(msg);
    this._numCancelsRequested++;
    const waiter = this._futWaiter;
    if (waiter === null || !waiter.cancel(msg)) {
      this._flags |= MUST_CANCEL;
      this._cancelMessage = msg;
    }
    _abortRequested(this, msg);
    return true;
  }

  /** @internal a cancel request is pending, or the task ended cancelled */
  override _isCancelRequested(): boolean {
    return this._numCancelsRequested > 0 || this.cancelled();
  }

  /** @internal pending and every cancel request taken back with uncancel() */
  override _cancelTakenBack(): boolean {
    return this._state === PENDING && this._numCancelsRequested === 0;
  }

  /** How many cancellation requests are pending (cancel() calls not taken back by uncancel()). */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /** Takes back one cancellation request; returns how many remain. */
  uncancel(): number {
    if (this._numCancelsRequested > 0) this._numCancelsRequested--;
    return this._numCancelsRequested;
  }

  override setResult(_value: T): never {
    throw new RuntimeError("Task does not support setResult()");
  }

  override setException(_exception: unknown): never {
    throw new RuntimeError("Task does not support setException()");
  }

  /**
   * asyncio's get_stack: for a suspended task, its coroutine (one frame: JS cannot see
   * further into a suspended generator); for a task that failed, the frames of its
   * exception's stack, oldest first; otherwise an empty list.
   */
  getStack(options: { limit?: number | null } = {}): unknown[] {
    const limit = options?.limit ?? null;
    if (limit !== null && (typeof limit !== "number" || !Number.isInteger(limit))) {
      throw new TypeError(`getStack: options.limit must be an integer or null, got ${describe(limit)}`);
    }
    let frames: unknown[];
    if (this._state === PENDING) frames = [this.getCoro()];
    else if (this._state === FINISHED && this._exception instanceof Error && this._exception.stack) {
      frames = this._exception.stack.split("\n").filter((l) => /^\s+at /.test(l)).map((l) => l.trim()).reverse();
    } else frames = [];
    if (limit === null) return frames;
    if (this._state === PENDING) return limit <= 0 ? [] : frames.slice(-limit);
    return limit >= 0 ? frames.slice(0, limit) : frames.slice(limit);
  }

  /** Prints the stack (or traceback) from getStack() to `options.print` (default: console.error). */
  printStack(options: { limit?: number | null; print?: (line: string) => void } = {}): void {
    const print = options.print ?? ((line: string) => (globalThis as any).console?.error(line));
    const frames = this.getStack(options);
    const failed = this._state === FINISHED && this._exception !== undefined;
    if (frames.length === 0) print(`No stack for ${this}`);
    else print(`${failed ? "Traceback" : "Stack"} for ${this} (most recent call last):`);
    for (const f of frames) print(`  ${typeof f === "string" ? f : "<suspended coroutine>"}`);
    if (failed) print(reprError(this._exception));
  }

  /** @internal */
  override _reprInfo(): string[] {
    const info = super._reprInfo();
    if ((this._flags & MUST_CANCEL) !== 0) info[0] = "cancelling";
    info.splice(1, 0, `name='${this.getName()}'`, "coro=<generator>");
    if (this._futWaiter !== null) info.push(`wait_for=${this._futWaiter}`);
    return info;
  }

  /** @internal one step of the coroutine, in the task's context */
  _step(hasExc: boolean, exc: unknown, value: unknown): void {
    if (this._state !== PENDING) throw new InvalidStateError(`_step(): already done: ${this}`);
    // EMPTY first: the usual snapshot, told from a Context without a prototype walk
    const c = this._ctx;
    const ctx = c === EMPTY || !(c instanceof Context) ? null : c;
    if (ctx !== null && ctx._entered) throw new RuntimeError(`cannot enter context: ${ctx} is already entered`);
    if ((this._flags & MUST_CANCEL) !== 0) {
      if (!(exc instanceof CancelledError)) exc = this._makeCancelledError();
      hasExc = true;
      this._flags &= ~MUST_CANCEL;
    }
    this._futWaiter = null;
    const loop = this._loop;
    const current = loop._currentTask;
    if (current !== null) {
      throw new RuntimeError(`Cannot enter into task ${this} while another task ${current} is being executed.`);
    }
    const cs = contextState;
    if (ctx === null && !cs.used && cs.current === null) {
      // No variable was ever set, so this task's copy and the current context are both empty:
      // only say whose copy it is, in case the step makes the program's first set().
      const outerOwner = cs.owner;
      cs.owner = this;
      try {
        this._stepIn(loop, hasExc, exc, value);
      } finally {
        const made = this._ctx;
        if (made !== EMPTY && made instanceof Context) {
          made._entered = false;
          cs.current = null;
        }
        cs.owner = outerOwner;
      }
      return;
    }
    const savedCurrent = cs.current;
    const savedPending = cs.pending;
    const savedOwner = cs.owner;
    if (ctx !== null) {
      ctx._entered = true;
      cs.current = ctx;
      cs.owner = null;
    } else {
      cs.current = null;
      cs.pending = c as Data;
      cs.owner = this;
    }
    try {
      this._stepIn(loop, hasExc, exc, value);
    } finally {
      const now = this._context;
      if (now !== null) now._entered = false;
      cs.current = savedCurrent;
      cs.pending = savedPending;
      cs.owner = savedOwner;
    }
  }

  /** @internal */
  _stepIn(loop: EventLoop, hasExc: boolean, exc: unknown, value: unknown): void {
    loop._currentTask = this;
    let r: IteratorResult<unknown, T>;
    try {
      r = hasExc ? this._coro.throw(exc) : this._coro.next(value);
    } catch (e) {
      loop._currentTask = null;
      this._untrack();
      if (e instanceof CancelledError) {
        this._cancelledExc = e;
        super.cancel();
      } else {
        // `throw undefined` is legal JS, but a Future's exception must be a value to throw
        super.setException(e ?? new Error(`coroutine of ${this.getName()} threw ${e}`));
      }
      return;
    }
    loop._currentTask = null;
    if (r.done) {
      this._untrack();
      if ((this._flags & MUST_CANCEL) !== 0) {
        this._flags &= ~MUST_CANCEL;
        super.cancel(this._cancelMessage);
      } else {
        super.setResult(r.value);
      }
      return;
    }
    let y = r.value;
    if (y === undefined) {
      loop._soon(taskStep, this); // bare yield: give way for one iteration
      return;
    }
    if (!(y instanceof Future)) {
      if (!isThenable(y)) {
        this._throwSoon(new TypeError(badYield(y)));
        return;
      }
      y = bridge(y, loop); // `yield promise`: wait for it as for a Future
    }
    const fut = y as Future<unknown>;
    if (fut._loop !== loop && !fut._adopt(loop)) {
      this._throwSoon(new RuntimeError(`Task ${this} got Future ${fut} attached to a different loop: ${otherLoop(fut._loop, loop)}`));
    } else if (fut === this) {
      this._throwSoon(new RuntimeError(`Task cannot await on itself: ${this}`));
    } else {
      fut._addCallback(this);
      this._futWaiter = fut;
      if ((this._flags & WHERE) === FRESH) this._firstWait(loop);
      if ((this._flags & MUST_CANCEL) !== 0 && fut.cancel(this._cancelMessage)) this._flags &= ~MUST_CANCEL;
    }
  }

  /** @internal */
  _throwSoon(exc: Error): void {
    this._loop._soon(taskThrow, [this, exc]);
  }

  /** @internal the Future this task waited on is done */
  _wakeup(): void {
    const fut = this._futWaiter!;
    if (fut._state === FINISHED && fut._exception === undefined) {
      this._step(false, undefined, fut._result);
      return;
    }
    let exc: unknown;
    try {
      fut.result();
    } catch (e) {
      exc = e;
    }
    this._step(true, exc, undefined);
  }
}

/** The wrapped coroutine of a task made from a promise: waits for it as `yield promise` does. */
function* awaitThenable<T>(p: PromiseLike<T>): Generator<unknown, T, any> {
  return (yield p) as T;
}

const objectTag = (x: unknown) => Object.prototype.toString.call(x);

/** @internal TypeError, saying what to write instead, unless `coro` is what a Task can run. */
export function checkCoro(where: string, coro: unknown): void {
  if (coro instanceof Future) {
    if (coro._isFreshCoroutine()) return;
    throw new TypeError(
      `${where}: coro must be a coroutine, got ${coro}: it is already a Future; await it (yield* fut) instead of wrapping it in a Task`,
    );
  }
  if (isCoroutine(coro) || isThenable(coro)) return;
  throw new TypeError(`${where}: coro must be a coroutine (a generator object), got ${describe(coro)}${coroHint(where, coro)}`);
}

function coroHint(where: string, coro: unknown): string {
  const name = typeof coro === "function" && coro.name ? coro.name : "work";
  if (isCoroutineFunction(coro)) return `; call it: ${where}(${name}())`;
  const tag = objectTag(coro);
  if (tag === "[object AsyncFunction]") return `; call it: ${where}(${name}()) (a task awaits the promise it returns)`;
  if (tag === "[object AsyncGeneratorFunction]" || tag === "[object AsyncGenerator]") {
    return "; an async generator is not a coroutine: write the coroutine as function* and await with yield*";
  }
  if (typeof coro === "function") return "; pass the coroutine the function returns, not the function";
  return "";
}

/** "Task got bad yield: ...", with what to write instead. */
function badYield(y: unknown): string {
  const what = `Task got bad yield: ${describe(y)}`;
  if (isCoroutine(y)) return `${what}; did you forget \`*\` in \`yield*\`? Write yield* coro(), not yield coro()`;
  if (isCoroutineFunction(y)) return `${what}; call it and delegate: yield* ${y.name || "work"}()`;
  const tag = objectTag(y);
  if (tag === "[object AsyncFunction]") return `${what}; call it: yield ${(y as Function).name || "work"}()`;
  if (tag === "[object AsyncGenerator]") return `${what}; an async generator is not a coroutine: write it as function* and use yield*`;
  if (Array.isArray(y)) return `${what}; to wait for several awaitables, yield* gather(...items)`;
  return `${what}; a coroutine may yield* a Future or a coroutine, yield a Future or a promise, or yield nothing to give way for one iteration`;
}

/** Which loops a "different loop" error is about: the Future's, the task's (a loop's repr says whether it is closed). */
function otherLoop(theirs: EventLoop, ours: EventLoop): string {
  return `the Future belongs to ${theirs}, the task runs on ${ours}`;
}

/** The cancel message for an AbortSignal's reason: a string as it is, an Error's message, else its string form. */
function abortMessage(reason: unknown): string | undefined {
  if (reason === undefined) return undefined;
  if (typeof reason === "string") return reason;
  if (reason !== null && typeof reason === "object" && typeof (reason as { message?: unknown }).message === "string") {
    return (reason as { message: string }).message;
  }
  return String(reason);
}

/**
 * @internal cancels `fut` when `signal` aborts (at once if it has): a Task through its own
 * link (removed when it ends), any other Future (a custom task factory's) through a done
 * callback that removes the listener.
 */
export function linkSignal(fut: Future<unknown>, signal: AbortSignal): void {
  if (fut instanceof Task) {
    fut._linkSignal(signal);
    return;
  }
  if (fut.done()) return;
  if (signal.aborted) {
    fut.cancel(abortMessage(signal.reason));
    return;
  }
  const listener = () => {
    if (!fut.done() && !fut.getLoop().isClosed()) fut.cancel(abortMessage(signal.reason));
  };
  signal.addEventListener("abort", listener, { once: true });
  fut._addCallback(() => signal.removeEventListener("abort", listener));
}

/** @internal TypeError unless `signal` looks like an AbortSignal (aborted, reason, add/removeEventListener). */
export function checkSignal(where: string, signal: unknown): asserts signal is AbortSignal {
  const s = signal as AbortSignal | null;
  if (
    s === null ||
    typeof s !== "object" ||
    typeof s.aborted !== "boolean" ||
    typeof s.addEventListener !== "function" ||
    typeof s.removeEventListener !== "function"
  ) {
    throw new TypeError(`${where}: options.signal must be an AbortSignal, got ${describe(signal)}`);
  }
}

/** The tasks whose step is running below an eager start (Task._eagerStart), innermost last. */
const suspended: Task<unknown>[] = [];

/** `loop`'s registry of pending tasks, made at the first task that needs it. */
function registryOf(loop: EventLoop): TaskRegistry {
  let registry = loop._taskRegistry as TaskRegistry | null;
  if (registry === null) loop._taskRegistry = registry = new TaskRegistry();
  return registry;
}

function taskStep(task: Task<unknown>): void {
  task._step(false, undefined, undefined);
}

function taskThrow([task, exc]: [Task<unknown>, Error]): void {
  task._step(true, exc, undefined);
}

wakers.wakeTask = (task: Task<unknown>) => task._wakeup();
// the tracer puts these callbacks on their task's track (trace.ts)
_registerTaskSteps({ step: taskStep, throw: taskThrow, wakeup: wakers.wakeTask });

/** The task running on `loop` (default: the running loop), or null outside tasks. */
export function currentTask(loop?: EventLoop): Task<unknown> | null {
  const l = loop ?? getRunningLoop();
  if (!(l instanceof BaseEventLoop)) throw new TypeError(`currentTask: loop must be an EventLoop, got ${describe(l)}`);
  return (l._currentTask as Task<unknown> | null) ?? null;
}

/** The tasks of `loop` (default: the running loop) that are not done yet. */
export function allTasks(loop?: EventLoop): Set<Task<unknown>> {
  const l = loop ?? getRunningLoop();
  if (!(l instanceof BaseEventLoop)) throw new TypeError(`allTasks: loop must be an EventLoop, got ${describe(l)}`);
  const out = new Set<Task<unknown>>();
  for (const t of Task._pending(l)) if (!t.done()) out.add(t);
  return out;
}


/**
 * The running loop's createTask (asyncio.create_task): wraps the coroutine in a Task of the
 * running loop, through its task factory. RuntimeError outside a running loop. Options:
 * `name`, `context` (run in that Context itself), `signal` (cancel the task when it aborts).
 * As asyncio 3.12's, it makes the task unnamed and then renames it, so a named task still
 * takes a Task-N number (loop.createTask's named tasks do not).
 * @example
 * function* main() {
 *   const t = createTask(worker(), { name: "worker" });
 *   yield* sleep(1);
 *   t.cancel();
 * }
 */
export function createTask<T>(
  coro: Generator<unknown, T, any> | Future<T> | PromiseLike<T>,
  options?: { name?: string; context?: Context; signal?: AbortSignal },
): Task<T> {
  const loop = _getRunningLoop();
  if (loop === null) throw new RuntimeError("createTask: no running event loop (outside one, use loop.createTask)");
  if (options === undefined) return loop.createTask(coro);
  if (options === null || typeof options !== "object") {
    throw new TypeError(`createTask: options must be an object, got ${describe(options)}`);
  }
  const { name, ...rest } = options;
  const task = loop.createTask(coro, rest);
  if (name !== undefined && name !== null && typeof task.setName === "function") task.setName(name);
  return task;
}

/**
 * A task factory (for `loop.setTaskFactory`) that makes its tasks with `taskConstructor`
 * and starts them eagerly (asyncio 3.12's create_eager_task_factory). The constructor is
 * called as `new taskConstructor(coro, { ...options, loop, eagerStart: true })`.
 * @example
 * class TracedTask<T> extends Task<T> {}
 * loop.setTaskFactory(createEagerTaskFactory(TracedTask));
 */
export function createEagerTaskFactory(
  taskConstructor: new (coro: any, options: TaskOptions) => Future<any>,
): TaskFactory {
  if (typeof taskConstructor !== "function") {
    throw new TypeError(`createEagerTaskFactory: taskConstructor must be a class, got ${describe(taskConstructor)}`);
  }
  return (loop, coro, options) => new taskConstructor(coro, { ...options, loop, eagerStart: true });
}

/**
 * asyncio 3.12's eager task factory: with `loop.setTaskFactory(eagerTaskFactory)`, a task
 * created while the loop runs takes its first step inside createTask — up to its first
 * wait — and one that never waits is done before createTask returns, without a loop
 * iteration. Tasks created before the loop runs start as usual.
 * @example
 * loop.setTaskFactory(eagerTaskFactory);
 * function* main() {
 *   const t = createTask(cached());   // returns a done task when cached() never waits
 *   console.log(t.done());
 * }
 */
export const eagerTaskFactory: TaskFactory = createEagerTaskFactory(Task);
