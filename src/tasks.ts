/**
 * Task: a Future that drives a coroutine (a generator) on its loop.
 *
 * Each step is one loop callback: `coro.next(value)` or `coro.throw(exc)`, and then, by
 * what the coroutine yielded:
 *   a Future of this loop (`yield* fut` or `yield fut`) → wait: the Future wakes the task
 *     with its result, or throws its exception in; a Future of another loop or the task
 *     itself → RuntimeError thrown in at the next step;
 *   nothing (bare `yield`) → step again at the next iteration (asyncio's `sleep(0)`);
 *   anything else → TypeError ("bad yield") thrown in at the next step.
 * Return → setResult; throw CancelledError → cancelled; throw anything else → setException.
 *
 * States (asyncio's): PENDING, running steps; `cancel(msg)` cancels the Future the task
 * waits on, or, if it waits on nothing, sets _mustCancel so the next step throws
 * CancelledError(msg) into the coroutine. The coroutine may catch it and go on; the task
 * is cancelled only when CancelledError escapes the coroutine. `cancelling()` counts
 * pending cancel requests, `uncancel()` takes one back.
 *
 * A pending task that is garbage-collected is reported "Task was destroyed but it is
 * pending!" through its loop's exception handler (where the host has FinalizationRegistry).
 */
import { CancelledError, InvalidStateError, RuntimeError } from "./exceptions.js";
import { FINISHED, Future, PENDING, reprError, wakers } from "./futures.js";
import { getRunningLoop } from "./events.js";
import { BaseEventLoop } from "./base-events.js";
import type { EventLoop } from "./loop.js";
import { isCoroutine } from "./coroutines.js";
import { describe } from "./validate.js";

let taskCounter = 0;

/** What the registry keeps of a task that waits on a Future, to report it if it is collected pending. */
interface Tracked {
  loop: EventLoop;
  weak: Set<WeakRef<Task<unknown>>>;
  ref: WeakRef<Task<unknown>>;
  name: string;
}

/**
 * The pending tasks of one loop, for allTasks(). A task is held strongly until it first
 * waits on a Future: until then the loop holds it anyway (its next step is scheduled), and
 * it sits in an intrusive doubly linked list (O(1) in and out, no hashing, no allocation).
 * From its first wait on, only the Future it waits on holds it, so the registry keeps a
 * WeakRef, as asyncio's WeakSet, and reports the task if it is collected while pending.
 * WeakRefs and registrations are costly (about 2 µs a task), so tasks that never wait pay
 * for neither.
 */
class TaskRegistry {
  /** the strongly held tasks in creation order, linked through Task.#prev / #next */
  head: Task<unknown> | null = null;
  tail: Task<unknown> | null = null;
  readonly weak = new Set<WeakRef<Task<unknown>>>();
}
const registries = new WeakMap<EventLoop, TaskRegistry>();

const destroyedPending: FinalizationRegistry<Tracked> | null =
  typeof FinalizationRegistry === "function" && typeof WeakRef === "function"
    ? new FinalizationRegistry((t) => {
        t.weak.delete(t.ref);
        t.loop.callExceptionHandler({ message: "Task was destroyed but it is pending!", task: `<Task pending name='${t.name}'>` });
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
  /** @internal the generator the task steps */ readonly _coro: Generator<unknown, T, any>;
  /** what getCoro() returns when it is not `_coro`: the sleep()/waitFor() Future the task was made from */
  readonly #source: Future<T> | null = null;
  /** @internal */ _name: string | null;
  readonly #number: number;
  /** @internal the Future this task waits on */ _futWaiter: Future<unknown> | null = null;
  /** @internal */ _mustCancel = false;
  /** @internal */ _numCancelsRequested = 0;
  /** the loop's registry while the task is pending; null once done */
  #registry: TaskRegistry | null = null;
  /** neighbours in the registry's list while held strongly */
  #prev: Task<unknown> | null = null;
  #next: Task<unknown> | null = null;
  /** set once the task waited: it is held weakly from then on */
  #tracked: Tracked | null = null;

  /**
   * Prefer `loop.createTask(coro)` or `ensureFuture(coro)`. `coro` is a coroutine (a
   * generator object), or one of asyncio's coroutines this package returns as a Future
   * (a `sleep()`, `waitFor()`, `wait()` nothing has awaited yet), which the task awaits.
   * @example
   * const task = new Task(worker("A"), { name: "worker-A" });
   * const nap = loop.createTask(sleep(5, "rested"));
   */
  constructor(coro: Generator<unknown, T, any> | Future<T>, options: { loop?: EventLoop; name?: string } = {}) {
    super(options);
    if (coro instanceof Future && coro._isFreshCoroutine()) {
      if (coro._loop !== this._loop && !coro._adopt(this._loop)) {
        throw new RuntimeError(`Task: coro belongs to another event loop than the task's`);
      }
      this.#source = coro;
      this._coro = coro[Symbol.iterator]();
    } else if (isCoroutine(coro)) {
      this._coro = coro;
    } else {
      throw new TypeError(
        `Task: coro must be a coroutine (a generator object, or a sleep() / waitFor() / wait() not awaited yet), got ${describe(coro)}`,
      );
    }
    this._name = options.name === undefined || options.name === null ? null : String(options.name);
    // as asyncio: only unnamed tasks take a number, so Task-N counts them
    this.#number = this._name === null ? ++taskCounter : 0;
    this._loop._soon(taskStep, this);
    this.#track();
  }

  #track(): void {
    let registry = registries.get(this._loop);
    if (registry === undefined) registries.set(this._loop, (registry = new TaskRegistry()));
    this.#registry = registry;
    const tail = registry.tail;
    this.#prev = tail;
    if (tail === null) registry.head = this;
    else tail.#next = this;
    registry.tail = this;
  }

  #unlink(): void {
    const registry = this.#registry!;
    const prev = this.#prev;
    const next = this.#next;
    if (prev === null) registry.head = next;
    else prev.#next = next;
    if (next === null) registry.tail = prev;
    else next.#prev = prev;
    this.#prev = this.#next = null;
  }

  /** The task waits on a Future for the first time: hold it weakly from now on. */
  #weaken(): void {
    const registry = this.#registry!;
    this.#unlink();
    const ref = new WeakRef<Task<unknown>>(this);
    registry.weak.add(ref);
    this.#tracked = { loop: this._loop, weak: registry.weak, ref, name: this.getName() };
    destroyedPending!.register(this, this.#tracked, this);
  }

  #untrack(): void {
    const tracked = this.#tracked;
    if (tracked === null) {
      this.#unlink();
    } else {
      tracked.weak.delete(tracked.ref);
      destroyedPending!.unregister(this);
      this.#tracked = null;
    }
    this.#registry = null;
  }

  /** @internal the strongly held pending tasks of `loop`'s registry, then those held weakly */
  static *_pending(loop: EventLoop): Generator<Task<unknown>> {
    const registry = registries.get(loop);
    if (registry === undefined) return;
    for (let t = registry.head; t !== null; t = t.#next) yield t;
    for (const ref of registry.weak) {
      const t = ref.deref();
      if (t !== undefined) yield t;
    }
  }

  /** @internal */
  override _kind(): string {
    return "Task";
  }

  /** The task's name: the one given, else `Task-N`. */
  getName(): string {
    return this._name ?? `Task-${this.#number}`;
  }

  /** Renames the task (the name is converted with String()). */
  setName(name: string): void {
    this._name = String(name);
    if (this.#tracked !== null) this.#tracked.name = this._name;
  }

  /** The coroutine the task runs: the generator, or the sleep()/waitFor() Future it was made from. */
  getCoro(): Generator<unknown, T, any> | Future<T> {
    return this.#source ?? this._coro;
  }

  /**
   * Requests cancellation: CancelledError(msg) is thrown into the coroutine at its current
   * yield. Returns false if the task is already done.
   */
  override cancel(msg?: unknown): boolean {
    if (this._state !== PENDING) return super.cancel(msg);
    this._numCancelsRequested++;
    const waiter = this._futWaiter;
    if (waiter !== null && waiter.cancel(msg)) return true;
    this._mustCancel = true;
    this._cancelMessage = msg;
    return true;
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
    if (this._mustCancel) info[0] = "cancelling";
    info.splice(1, 0, `name='${this.getName()}'`, "coro=<generator>");
    if (this._futWaiter !== null) info.push(`wait_for=${this._futWaiter}`);
    return info;
  }

  /** @internal one step of the coroutine */
  _step(hasExc: boolean, exc: unknown, value: unknown): void {
    if (this._state !== PENDING) throw new InvalidStateError(`_step(): already done: ${this}`);
    if (this._mustCancel) {
      if (!(exc instanceof CancelledError)) exc = this._makeCancelledError();
      hasExc = true;
      this._mustCancel = false;
    }
    this._futWaiter = null;
    const loop = this._loop;
    const current = loop._currentTask;
    if (current !== null) {
      throw new RuntimeError(`Cannot enter into task ${this} while another task ${current} is being executed.`);
    }
    loop._currentTask = this;
    let r: IteratorResult<unknown, T>;
    try {
      r = hasExc ? this._coro.throw(exc) : this._coro.next(value);
    } catch (e) {
      loop._currentTask = null;
      this.#untrack();
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
      this.#untrack();
      if (this._mustCancel) {
        this._mustCancel = false;
        super.cancel(this._cancelMessage);
      } else {
        super.setResult(r.value);
      }
      return;
    }
    const y = r.value;
    if (y === undefined) {
      loop._soon(taskStep, this); // bare yield: give way for one iteration
    } else if (y instanceof Future) {
      if (y._loop !== loop && !y._adopt(loop)) {
        this.#throwSoon(new RuntimeError(`Task ${this} got Future ${y} attached to a different loop`));
      } else if (y === this) {
        this.#throwSoon(new RuntimeError(`Task cannot await on itself: ${this}`));
      } else {
        y._addCallback(this);
        this._futWaiter = y;
        if (this.#tracked === null && destroyedPending !== null) this.#weaken();
        if (this._mustCancel && y.cancel(this._cancelMessage)) this._mustCancel = false;
      }
    } else {
      this.#throwSoon(new TypeError(`Task got bad yield: ${describe(y)}`));
    }
  }

  #throwSoon(exc: Error): void {
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

function taskStep(task: Task<unknown>): void {
  task._step(false, undefined, undefined);
}

function taskThrow([task, exc]: [Task<unknown>, Error]): void {
  task._step(true, exc, undefined);
}

wakers.wakeTask = (task: Task<unknown>) => task._wakeup();

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

