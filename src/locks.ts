/**
 * asyncio's synchronization primitives (asyncio/locks.py, 3.12): Lock, Event, Condition,
 * Semaphore, BoundedSemaphore, Barrier.
 *
 * How they wait: a task that has to wait appends a Waiter Future to the primitive's FIFO and
 * awaits it inline (`yield* waiter`), so the task's `cancel()` cancels that Future, exactly
 * as in asyncio. Whoever frees the resource completes the first Waiter that is not done
 * (the "wake-up"); the woken task takes the resource when it next runs. The rules that
 * make this fair and cancellation-safe, as in 3.12:
 *
 * - FIFO: a newcomer never barges past waiters. Lock.acquire takes the fast path only when
 *   every queued waiter is cancelled; Semaphore.locked() is true while a waiter that is not
 *   cancelled is queued (3.12's fairness fix), so acquire() queues behind it.
 * - A waiter cancelled while queued never takes the resource: its Future is cancelled, the
 *   wake-up skips it (`_wake_up_first` looks at the first waiter only if it is not done;
 *   `_wake_up_next` skips done ones).
 * - A waiter woken and then cancelled before it ran passes the wake-up on: Lock wakes the
 *   next waiter if the lock is still free; Semaphore gives its unit back and wakes the next.
 * - Condition.wait() re-acquires the lock even when cancelled (it retries the acquire and
 *   raises CancelledError afterwards), so the caller always holds the lock when wait() ends.
 *
 * Each coroutine method (acquire, wait, waitFor, reset, abort, aenter, aexit) returns a
 * coroutine-like Future (mixins.ts `coroutine()`): its body runs when awaited, and when it
 * need not wait it returns at once, without a loop iteration and without a generator.
 * Internally the primitives call each other's bodies (`_acquire()`, `_wait()`, `_waitFor()`),
 * as asyncio's coroutines await each other, so no Future is made for those calls.
 *
 * Barrier's states: FILLING --last party arrives--> DRAINING --last party leaves--> FILLING;
 * reset(): FILLING (nobody inside) or RESETTING (parties inside get BrokenBarrierError;
 * the last to leave makes it FILLING); abort(): BROKEN, for good.
 */
import { BrokenBarrierError, CancelledError, RuntimeError } from "./exceptions.js";
import type { Future } from "./futures.js";
import { checkFunction, describe } from "./validate.js";
import {
  DONE_TRUE,
  DONE_UNDEFINED,
  Done,
  LoopBound,
  Waiter,
  WaiterQueue,
  coroutine,
  type Body,
} from "./mixins.js";

const inspect = Symbol.for("nodejs.util.inspect.custom");

/** `n waiters` suffix of the reprs: `, waiters:2` when there are any. */
function waitersInfo(waiters: WaiterQueue<unknown> | null): string {
  return waiters !== null && waiters.length > 0 ? `, waiters:${waiters.length}` : "";
}

/**
 * A mutex for tasks (asyncio.Lock): not owned by a task, FIFO-fair. Prefer
 * `asyncWith(lock, ...)`, which releases it however the body ends.
 * @example
 * const lock = new Lock();
 * function* worker(name: string) {
 *   yield* asyncWith(lock, function* () {
 *     console.log(name, "has the lock");   // one worker at a time
 *     yield* sleep(1);
 *   });
 * }
 */
export class Lock extends LoopBound {
  /** @internal */ _locked = false;
  /** @internal made on the first wait, as asyncio's */ _waiters: WaiterQueue<true> | null = null;
  #acquireBody: (() => Body<true>) | null = null;
  #aenterBody: (() => Body<undefined>) | null = null;
  #aexitBody: (() => Body<undefined>) | null = null;

  /** True while the lock is held. */
  locked(): boolean {
    return this._locked;
  }

  /**
   * Waits until the lock is free, takes it and returns true. Waiters get the lock in the
   * order they started waiting; a waiter that is cancelled never gets it.
   * @example
   * yield* lock.acquire();
   * try { yield* work(); } finally { lock.release(); }
   */
  acquire(): Future<true> {
    return coroutine((this.#acquireBody ??= () => this._acquire()));
  }

  /** @internal acquire()'s body, for `yield*` by the other primitives */
  _acquire(): Body<true> {
    if (!this._locked && (this._waiters === null || this._waiters.allCancelled())) {
      this._locked = true;
      return DONE_TRUE;
    }
    return this.#acquireSlow();
  }

  *#acquireSlow(): Generator<unknown, true, unknown> {
    const waiters = (this._waiters ??= new WaiterQueue<true>());
    const fut = new Waiter<true>(this._getLoop());
    waiters.push(fut);
    try {
      try {
        yield* fut;
      } finally {
        // before the CancelledError handling below, so that it never wakes this waiter itself
        waiters.remove(fut);
      }
    } catch (e) {
      // woken and then cancelled, or cancelled while a release is on its way: hand the
      // lock to the next waiter, since this one will not take it
      if (e instanceof CancelledError && !this._locked) this.#wakeUpFirst();
      throw e;
    }
    this._locked = true;
    return true;
  }

  /**
   * Releases the lock and wakes the first waiter, if any. RuntimeError if the lock is not held.
   * @example
   * lock.release();
   */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this.#wakeUpFirst();
  }

  /** asyncio's `_wake_up_first`: a first waiter already done will run and take the lock, or pass it on. */
  #wakeUpFirst(): void {
    const first = this._waiters?.head ?? null;
    if (first !== null && !first.done()) first.setResult(true);
  }

  /**
   * `async with lock`: acquires the lock; the value is undefined.
   * @example
   * yield* asyncWith(lock, function* () { ... });
   */
  aenter(): Future<undefined> {
    return coroutine((this.#aenterBody ??= () => enterBody(this._acquire())));
  }

  /**
   * The end of `async with lock`: releases the lock; never swallows `exc`.
   * @example
   * yield* lock.aenter();
   * try { yield* work(); } finally { yield* lock.aexit(null); }
   */
  aexit(_exc: unknown = null): Future<undefined> {
    return coroutine((this.#aexitBody ??= () => {
      this.release();
      return DONE_UNDEFINED;
    }));
  }

  toString(): string {
    return `<${this.constructor.name} [${this._locked ? "locked" : "unlocked"}${waitersInfo(this._waiters)}]>`;
  }

  /** Node's `util.inspect` shows toString(). */

  [inspect](): string {
    return this.toString();
  }
}

/** The body of a coroutine that does nothing. */
const doneUndefined = (): Body<undefined> => DONE_UNDEFINED;

/** The body of an aenter that acquires and returns undefined (asyncio's `_ContextManagerMixin`). */
function enterBody(acquiring: Body<true>): Body<undefined> {
  return acquiring === DONE_TRUE ? DONE_UNDEFINED : enterSlow(acquiring);
}

function* enterSlow(acquiring: Body<true>): Generator<unknown, undefined, unknown> {
  yield* acquiring;
  return undefined;
}

/**
 * A flag tasks can wait for (asyncio.Event): `wait()` returns as soon as `set()` was called,
 * and wakes every waiting task when it is.
 * @example
 * const event = new Event();
 * loop.createTask((function* () { yield* event.wait(); console.log("set!"); })());
 * loop.callLater(1, () => event.set());
 */
export class Event extends LoopBound {
  /** @internal */ _waiters: WaiterQueue<true> = new WaiterQueue<true>();
  /** @internal */ _value = false;
  #waitBody: (() => Body<true>) | null = null;

  /** True when the flag is set. */
  isSet(): boolean {
    return this._value;
  }

  /**
   * Sets the flag and wakes every task waiting for it; later wait() calls return at once.
   * @example
   * event.set();
   */
  set(): void {
    if (this._value) return;
    this._value = true;
    for (let w = this._waiters.head; w !== null; w = w._next) if (!w.done()) w.setResult(true);
  }

  /**
   * Clears the flag: wait() blocks again until the next set().
   * @example
   * event.clear();
   */
  clear(): void {
    this._value = false;
  }

  /**
   * Waits until the flag is set (returns at once if it is); returns true.
   * @example
   * yield* event.wait();
   */
  wait(): Future<true> {
    return coroutine((this.#waitBody ??= () => this._wait()));
  }

  /** @internal wait()'s body */
  _wait(): Body<true> {
    return this._value ? DONE_TRUE : this.#waitSlow();
  }

  *#waitSlow(): Generator<unknown, true, unknown> {
    const fut = new Waiter<true>(this._getLoop());
    this._waiters.push(fut);
    try {
      yield* fut;
      return true;
    } finally {
      this._waiters.remove(fut);
    }
  }

  toString(): string {
    return `<${this.constructor.name} [${this._value ? "set" : "unset"}${waitersInfo(this._waiters)}]>`;
  }

  /** Node's `util.inspect` shows toString(). */

  [inspect](): string {
    return this.toString();
  }
}

/**
 * A condition variable (asyncio.Condition): tasks holding its lock wait() to be notified by
 * another task holding it. Several Conditions may share one Lock.
 * @example
 * const cond = new Condition();
 * function* consumer() {
 *   yield* asyncWith(cond, function* () {
 *     const item = yield* cond.waitFor(() => items.shift());
 *     console.log("got", item);
 *   });
 * }
 * function* producer() {
 *   yield* asyncWith(cond, function* () { items.push("x"); cond.notify(); });
 * }
 */
export class Condition extends LoopBound {
  /** @internal */ readonly _lock: Lock;
  /** @internal */ _waiters: WaiterQueue<boolean> = new WaiterQueue<boolean>();
  #waitBody: (() => Body<true>) | null = null;
  #waitForBody: ((predicate: () => unknown) => Body<unknown>) | null = null;
  #aexitBody: (() => Body<undefined>) | null = null;

  /** `lock`: the Lock to use (default: a new one). */
  constructor(lock: Lock | null = null) {
    super();
    if (lock === null || lock === undefined) lock = new Lock();
    else if (!(lock instanceof Lock)) {
      throw new TypeError(`Condition: lock must be a Lock or null, got ${describe(lock)}`);
    }
    this._lock = lock;
  }

  /** True while the underlying lock is held. */
  locked(): boolean {
    return this._lock._locked;
  }

  /**
   * Acquires the underlying lock (see Lock.acquire).
   * @example
   * yield* cond.acquire();
   */
  acquire(): Future<true> {
    return this._lock.acquire();
  }

  /**
   * Releases the underlying lock; RuntimeError if it is not held.
   * @example
   * cond.release();
   */
  release(): void {
    this._lock.release();
  }

  /**
   * Releases the lock, waits until notified, re-acquires the lock and returns true. The
   * lock is re-acquired even when the wait is cancelled (CancelledError is raised after).
   * RuntimeError if the lock is not held.
   * @example
   * yield* asyncWith(cond, function* () { yield* cond.wait(); });
   */
  wait(): Future<true> {
    return coroutine((this.#waitBody ??= () => this._wait()));
  }

  /** @internal wait()'s body */
  *_wait(): Generator<unknown, true, unknown> {
    if (!this.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
    this.release();
    try {
      const fut = new Waiter<boolean>(this._getLoop());
      this._waiters.push(fut);
      try {
        yield* fut;
        return true;
      } finally {
        this._waiters.remove(fut);
      }
    } finally {
      // the lock must be held again when wait() ends, however it ends
      let cancelled = false;
      for (;;) {
        try {
          yield* this._lock._acquire();
          break;
        } catch (e) {
          if (!(e instanceof CancelledError)) throw e;
          cancelled = true;
        }
      }
      if (cancelled) throw new CancelledError();
    }
  }

  /**
   * Waits until `predicate()` is truthy (checked first, then after each notification, with
   * the lock held) and returns its value. Returns at once, lock or not, if it is truthy already.
   * @example
   * const item = yield* cond.waitFor(() => queue.shift());
   */
  waitFor<T>(predicate: () => T): Future<T> {
    checkFunction("Condition.waitFor", "predicate", predicate);
    return coroutine((this.#waitForBody ??= (p: () => unknown) => this._waitFor(p)) as (p: () => T) => Body<T>, predicate);
  }

  /** @internal waitFor()'s body */
  _waitFor<T>(predicate: () => T): Body<T> {
    const result = predicate();
    return result ? new Done(result) : this.#waitForSlow(predicate);
  }

  *#waitForSlow<T>(predicate: () => T): Generator<unknown, T, unknown> {
    let result: T;
    do {
      yield* this._wait();
      result = predicate();
    } while (!result);
    return result;
  }

  /**
   * Wakes up to `n` (default 1) waiting tasks; each returns from wait() once it holds the
   * lock again, so release it soon. RuntimeError if the lock is not held.
   * @example
   * yield* asyncWith(cond, function* () { cond.notify(2); });
   */
  notify(n: number = 1): void {
    if (typeof n !== "number") {
      throw new TypeError(`Condition.notify: n must be a number, got ${describe(n)}`);
    }
    if (!(n >= 0) || (!Number.isInteger(n) && n !== Infinity)) {
      throw new RangeError(`Condition.notify: n must be a non-negative integer or Infinity, got ${n}`);
    }
    if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    let woken = 0;
    for (let w = this._waiters.head; w !== null && woken < n; w = w._next) {
      if (!w.done()) {
        woken++;
        w.setResult(false);
      }
    }
  }

  /**
   * Wakes every waiting task. RuntimeError if the lock is not held.
   * @example
   * yield* asyncWith(cond, function* () { ready = true; cond.notifyAll(); });
   */
  notifyAll(): void {
    this.notify(this._waiters.length);
  }

  /**
   * `async with cond`: acquires the underlying lock; the value is undefined.
   * @example
   * yield* asyncWith(cond, function* () { yield* cond.wait(); });
   */
  aenter(): Future<undefined> {
    return this._lock.aenter();
  }

  /**
   * The end of `async with cond`: releases the underlying lock; never swallows `exc`.
   * @example
   * yield* cond.aexit(null);
   */
  aexit(_exc: unknown = null): Future<undefined> {
    return coroutine((this.#aexitBody ??= () => {
      this.release();
      return DONE_UNDEFINED;
    }));
  }

  toString(): string {
    return `<${this.constructor.name} [${this.locked() ? "locked" : "unlocked"}${waitersInfo(this._waiters)}]>`;
  }

  /** Node's `util.inspect` shows toString(). */

  [inspect](): string {
    return this.toString();
  }
}

/** `where: name must be a <kind> integer, got ...`: a TypeError for non-numbers, a RangeError for the rest. */
function checkInteger(where: string, name: string, v: unknown, min: number): asserts v is number {
  const kind = min === 0 ? "non-negative" : "positive";
  if (typeof v !== "number") throw new TypeError(`${where}: ${name} must be a ${kind} integer, got ${describe(v)}`);
  if (!Number.isInteger(v) || v < min) throw new RangeError(`${where}: ${name} must be a ${kind} integer, got ${describe(v)}`);
}

/**
 * A counter of free units (asyncio.Semaphore): acquire() takes one, waiting while there are
 * none; release() gives one back. FIFO-fair: a newcomer waits behind queued tasks.
 * @example
 * const sem = new Semaphore(2);   // at most two at a time
 * function* fetchOne(url: string) {
 *   yield* asyncWith(sem, function* () { yield* download(url); });
 * }
 */
export class Semaphore extends LoopBound {
  /** @internal free units, minus the ones handed to woken waiters that have not run yet */ _value: number;
  /** @internal made on the first wait, as asyncio's */ _waiters: WaiterQueue<true> | null = null;
  #acquireBody: (() => Body<true>) | null = null;
  #aenterBody: (() => Body<undefined>) | null = null;
  #aexitBody: (() => Body<undefined>) | null = null;

  /** `value`: the initial number of free units, a non-negative integer (default 1). */
  constructor(value: number = 1) {
    super();
    checkInteger(new.target.name, "value", value, 0);
    this._value = value;
  }

  /** True when acquire() would wait: no free unit, or tasks are queued (they go first). */
  locked(): boolean {
    if (this._value === 0) return true;
    const waiters = this._waiters;
    return waiters !== null && !waiters.allCancelled();
  }

  /**
   * Takes a unit, waiting in FIFO order while there is none; returns true.
   * @example
   * yield* sem.acquire();
   * try { yield* work(); } finally { sem.release(); }
   */
  acquire(): Future<true> {
    return coroutine((this.#acquireBody ??= () => this._acquire()));
  }

  /** @internal acquire()'s body */
  _acquire(): Body<true> {
    if (!this.locked()) {
      this._value--;
      return DONE_TRUE;
    }
    return this.#acquireSlow();
  }

  *#acquireSlow(): Generator<unknown, true, unknown> {
    const waiters = (this._waiters ??= new WaiterQueue<true>());
    const fut = new Waiter<true>(this._getLoop());
    waiters.push(fut);
    try {
      try {
        yield* fut;
      } finally {
        waiters.remove(fut);
      }
    } catch (e) {
      // woken (a unit was set aside for this waiter) and then cancelled: give it back
      if (e instanceof CancelledError && !fut.cancelled()) {
        this._value++;
        this.#wakeUpNext();
      }
      throw e;
    }
    // units released while this waiter was on its way: wake the next in line
    if (this._value > 0) this.#wakeUpNext();
    return true;
  }

  /**
   * Gives a unit back and wakes the first waiting task, if any.
   * @example
   * sem.release();
   */
  release(): void {
    this._value++;
    this.#wakeUpNext();
  }

  /** asyncio's `_wake_up_next`: sets a unit aside for the first waiter not done and wakes it. */
  #wakeUpNext(): void {
    const waiters = this._waiters;
    if (waiters === null) return;
    for (let w = waiters.head; w !== null; w = w._next) {
      if (!w.done()) {
        this._value--;
        w.setResult(true);
        return;
      }
    }
  }

  /**
   * `async with sem`: acquires a unit; the value is undefined.
   * @example
   * yield* asyncWith(sem, function* () { ... });
   */
  aenter(): Future<undefined> {
    return coroutine((this.#aenterBody ??= () => enterBody(this._acquire())));
  }

  /**
   * The end of `async with sem`: releases the unit; never swallows `exc`.
   * @example
   * yield* sem.aexit(null);
   */
  aexit(_exc: unknown = null): Future<undefined> {
    return coroutine((this.#aexitBody ??= () => {
      this.release();
      return DONE_UNDEFINED;
    }));
  }

  toString(): string {
    const state = this.locked() ? "locked" : `unlocked, value:${this._value}`;
    return `<${this.constructor.name} [${state}${waitersInfo(this._waiters)}]>`;
  }

  /** Node's `util.inspect` shows toString(). */

  [inspect](): string {
    return this.toString();
  }
}

/**
 * A Semaphore that refuses to be released above its initial value (asyncio.BoundedSemaphore):
 * such a release() throws RangeError (asyncio's ValueError) and changes nothing.
 * @example
 * const sem = new BoundedSemaphore(1);
 * sem.release();   // RangeError: BoundedSemaphore released too many times
 */
export class BoundedSemaphore extends Semaphore {
  /** @internal */ readonly _boundValue: number;

  constructor(value: number = 1) {
    super(value);
    this._boundValue = value;
  }

  override release(): void {
    if (this._value >= this._boundValue) throw new RangeError("BoundedSemaphore released too many times");
    super.release();
  }
}

const FILLING = "filling";
const DRAINING = "draining";
const RESETTING = "resetting";
const BROKEN = "broken";
type BarrierState = typeof FILLING | typeof DRAINING | typeof RESETTING | typeof BROKEN;

/**
 * A barrier (asyncio.Barrier): tasks calling wait() block until `parties` of them are
 * waiting, then all pass at once, each getting a distinct index from 0 to parties - 1. It
 * can be passed again and again; reset() and abort() make the waiting tasks raise
 * BrokenBarrierError.
 * @example
 * const b = new Barrier(3);
 * function* party(name: string) {
 *   const i = yield* b.wait();   // until three parties wait
 *   console.log(name, "passed as", i);
 * }
 */
export class Barrier extends LoopBound {
  /** notifies every task inside when the state changes */
  readonly #cond = new Condition();
  readonly #parties: number;
  #state: BarrierState = FILLING;
  /** tasks inside wait(): filling up, or draining out */
  #count = 0;

  /** `parties`: how many tasks must wait to pass, a positive integer. */
  constructor(parties: number) {
    super();
    checkInteger("Barrier", "parties", parties, 1);
    this.#parties = parties;
    this.#cond._owner = this;
    this.#cond._lock._owner = this;
  }

  /** How many tasks must wait for the barrier to let them pass. */
  get parties(): number {
    return this.#parties;
  }

  /** How many tasks wait while the barrier fills (0 while it drains, resets or is broken). */
  get nWaiting(): number {
    return this.#state === FILLING ? this.#count : 0;
  }

  /** True once abort() broke the barrier. */
  get broken(): boolean {
    return this.#state === BROKEN;
  }

  /**
   * Waits until `parties` tasks wait, then returns this task's index (0 .. parties-1).
   * BrokenBarrierError if the barrier is broken, or reset or aborted while waiting. A task
   * cancelled while it waits leaves the barrier as it was (one fewer waiting).
   * @example
   * const i = yield* barrier.wait();
   * if (i === 0) console.log("everyone is here");
   */
  wait(): Future<number> {
    return coroutine(() => this.#wait());
  }

  *#wait(): Generator<unknown, number, unknown> {
    const cond = this.#cond;
    yield* cond._lock._acquire();
    try {
      yield* this.#block();
      try {
        const index = this.#count++;
        if (index + 1 === this.#parties) this.#release();
        else yield* this.#waitFilled();
        return index;
      } finally {
        this.#count--;
        this.#exit();
      }
    } finally {
      cond.release();
    }
  }

  /** Waits while the barrier drains or resets; BrokenBarrierError if it is broken. */
  *#block(): Generator<unknown, void, unknown> {
    yield* this.#cond._waitFor(() => this.#state !== DRAINING && this.#state !== RESETTING);
    if (this.#state === BROKEN) throw new BrokenBarrierError("Barrier aborted");
  }

  /** The last party arrived: let everyone pass. */
  #release(): void {
    this.#state = DRAINING;
    this.#cond.notifyAll();
  }

  /** Waits until the barrier is full; BrokenBarrierError if it is reset or broken meanwhile. */
  *#waitFilled(): Generator<unknown, void, unknown> {
    yield* this.#cond._waitFor(() => this.#state !== FILLING);
    if (this.#state === BROKEN || this.#state === RESETTING) {
      throw new BrokenBarrierError("Abort or reset of barrier");
    }
  }

  /** A task leaves wait(): the last one out ends a drain or a reset. */
  #exit(): void {
    if (this.#count === 0) {
      if (this.#state === RESETTING || this.#state === DRAINING) this.#state = FILLING;
      this.#cond.notifyAll();
    }
  }

  /**
   * Returns the barrier to its empty, filling state; tasks waiting in it raise BrokenBarrierError.
   * @example
   * yield* barrier.reset();
   */
  reset(): Future<void> {
    return coroutine(() => this.#reset());
  }

  *#reset(): Generator<unknown, undefined, unknown> {
    yield* this.#cond._lock._acquire();
    try {
      if (this.#count > 0) {
        if (this.#state !== RESETTING) this.#state = RESETTING;
      } else {
        this.#state = FILLING;
      }
      this.#cond.notifyAll();
    } finally {
      this.#cond.release();
    }
    return undefined;
  }

  /**
   * Breaks the barrier: tasks waiting in it, and every later wait(), raise BrokenBarrierError.
   * @example
   * yield* barrier.abort();
   */
  abort(): Future<void> {
    return coroutine(() => this.#abort());
  }

  *#abort(): Generator<unknown, undefined, unknown> {
    yield* this.#cond._lock._acquire();
    try {
      this.#state = BROKEN;
      this.#cond.notifyAll();
    } finally {
      this.#cond.release();
    }
    return undefined;
  }

  /**
   * `async with barrier as i`: wait(); the value is this task's index.
   * @example
   * yield* asyncWith(barrier, function* (i) { if (i === 0) console.log("all here"); });
   */
  aenter(): Future<number> {
    return this.wait();
  }

  /**
   * The end of `async with barrier`: does nothing; never swallows `exc`.
   * @example
   * yield* barrier.aexit(null);
   */
  aexit(_exc: unknown = null): Future<undefined> {
    return coroutine(doneUndefined);
  }

  toString(): string {
    const extra = this.#state === BROKEN ? "" : `, waiters:${this.nWaiting}/${this.#parties}`;
    return `<${this.constructor.name} [${this.#state}${extra}]>`;
  }

  /** Node's `util.inspect` shows toString(). */

  [inspect](): string {
    return this.toString();
  }
}
