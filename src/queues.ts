/**
 * asyncio's queues (asyncio/queues.py, with 3.13's shutdown): Queue (FIFO), PriorityQueue
 * (smallest first, Python's ordering), LifoQueue.
 *
 * How they wait: a get() on an empty queue appends a Waiter Future to `_getters` and awaits
 * it inline; putNowait() completes the first getter that is not done (the wake-up) and the
 * woken getter takes an item when it runs, looping if another task took it first. put() on
 * a full queue waits the same way in `_putters`, woken by getNowait(). As in asyncio:
 * - FIFO between waiters: each wake-up goes to the oldest waiter still waiting;
 * - a waiter cancelled while queued is skipped; one woken and then cancelled before it ran
 *   wakes the next waiter in its place, so an item (or a free slot) is never left unclaimed;
 * - a waiter is removed from its FIFO however it ends (O(1): mixins.ts WaiterQueue).
 * shutdown(): put() and putNowait() raise QueueShutDown; get() raises it once the queue is
 * empty (at once with `immediate`, which also drops the items and unblocks join()); every
 * blocked getter and putter is woken to see it.
 *
 * get(), put() and join() return coroutine-like Futures (mixins.ts `coroutine()`): nothing
 * happens until they are awaited (`q.get()` alone takes no item), and they complete without
 * a loop iteration when they need not wait.
 */
import type { Future } from "./futures.js";
import { describe } from "./validate.js";
import { Event } from "./locks.js";
import { pyLess } from "./py-order.js";
import { DONE_UNDEFINED, Done, LoopBound, Waiter, WaiterQueue, coroutine, type Body } from "./mixins.js";

/**
 * getNowait() on an empty queue (asyncio.QueueEmpty).
 * @example
 * try { q.getNowait(); } catch (e) { if (!(e instanceof QueueEmpty)) throw e; console.log("nothing yet"); }
 */
export class QueueEmpty extends Error {
  constructor(message = "") {
    super(message);
    this.name = "QueueEmpty";
  }
}

/**
 * putNowait() on a full queue (asyncio.QueueFull).
 * @example
 * try { q.putNowait(job); } catch (e) { if (!(e instanceof QueueFull)) throw e; dropped++; }
 */
export class QueueFull extends Error {
  constructor(message = "") {
    super(message);
    this.name = "QueueFull";
  }
}

/**
 * put() or get() on a queue that was shut down (asyncio.QueueShutDown, 3.13).
 * @example
 * for (;;) {
 *   try { yield* work(yield* q.get()); } catch (e) { if (e instanceof QueueShutDown) break; throw e; }
 * }
 */
export class QueueShutDown extends Error {
  constructor(message = "") {
    super(message);
    this.name = "QueueShutDown";
  }
}

const inspect = Symbol.for("nodejs.util.inspect.custom");

/** Python's repr of an item, for the queue's repr. */
function pyRepr(v: unknown): string {
  if (typeof v === "string") return `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  if (typeof v === "object") {
    const s = String(v);
    return s === "[object Object]" ? `<${(v as object).constructor?.name ?? "object"}>` : s;
  }
  return String(v);
}

/**
 * A FIFO queue for tasks (asyncio.Queue). With `maxsize > 0`, put() waits while the queue
 * holds `maxsize` items; `maxsize <= 0` (the default) is unbounded.
 * @example
 * const q = new Queue<string>(10);
 * function* producer() { for (const job of ["a", "b"]) yield* q.put(job); }
 * function* consumer() {
 *   for (;;) { const job = yield* q.get(); console.log("working on", job); q.taskDone(); }
 * }
 */
export class Queue<T = unknown> extends LoopBound {
  readonly #maxsize: number;
  /** @internal tasks waiting for an item */ _getters: WaiterQueue<undefined> = new WaiterQueue<undefined>();
  /** @internal tasks waiting for a free slot */ _putters: WaiterQueue<undefined> = new WaiterQueue<undefined>();
  /** @internal items put and not yet marked done with taskDone() */ _unfinishedTasks = 0;
  /** @internal set while _unfinishedTasks is 0: what join() waits for */ _finished: Event = new Event();
  /** @internal */ _isShutdown = false;
  /** FIFO storage: a ring buffer, `#count` items from `#head` on; its length is a power of two */
  #ring: (T | undefined)[] = new Array(8);
  #head = 0;
  #count = 0;
  #getBody: (() => Body<T>) | null = null;
  #putBody: ((item: T) => Body<undefined>) | null = null;
  #joinBody: (() => Body<undefined>) | null = null;

  /** `maxsize`: how many items the queue holds before put() waits; 0 or less: no limit. */
  constructor(maxsize: number = 0) {
    super();
    const where = new.target.name;
    if (typeof maxsize !== "number") {
      throw new TypeError(`${where}: maxsize must be a number (0 or less: unbounded), got ${describe(maxsize)}`);
    }
    if (Number.isNaN(maxsize)) throw new RangeError(`${where}: maxsize must be a number (0 or less: unbounded), got NaN`);
    this.#maxsize = maxsize;
    this._finished._owner = this;
    this._finished.set();
  }

  // The storage: subclasses override these four (asyncio's _init/_put/_get).

  /** @internal number of items */
  _size(): number {
    return this.#count;
  }

  /** @internal adds an item; throws, changing nothing, if it cannot */
  _store(item: T): void {
    let ring = this.#ring;
    if (this.#count === ring.length) {
      // full: unroll into a ring twice the size
      const bigger = new Array<T | undefined>(ring.length * 2);
      for (let i = 0; i < this.#count; i++) bigger[i] = ring[(this.#head + i) & (ring.length - 1)];
      this.#ring = ring = bigger;
      this.#head = 0;
    }
    ring[(this.#head + this.#count) & (ring.length - 1)] = item;
    this.#count++;
  }

  /** @internal removes the next item (the queue is not empty); throws, changing nothing, if it cannot */
  _take(): T {
    const ring = this.#ring;
    const item = ring[this.#head] as T;
    ring[this.#head] = undefined; // let it go
    this.#head = (this.#head + 1) & (ring.length - 1);
    this.#count--;
    return item;
  }

  /** @internal the items in storage order, for the repr */
  _snapshot(): T[] {
    const ring = this.#ring;
    const out: T[] = [];
    for (let i = 0; i < this.#count; i++) out.push(ring[(this.#head + i) & (ring.length - 1)] as T);
    return out;
  }

  /** @internal drops every item */
  _clear(): void {
    this.#ring = new Array(8);
    this.#head = 0;
    this.#count = 0;
  }

  /** How many items the queue holds before put() waits (0 or less: no limit). */
  get maxsize(): number {
    return this.#maxsize;
  }

  /** The number of items in the queue. */
  qsize(): number {
    return this._size();
  }

  /** True when the queue holds no item. */
  empty(): boolean {
    return this._size() === 0;
  }

  /** True when the queue holds `maxsize` items (never for an unbounded queue). */
  full(): boolean {
    return this.#maxsize > 0 && this._size() >= this.#maxsize;
  }

  /**
   * Puts an item in the queue, waiting while it is full. QueueShutDown after shutdown().
   * @example
   * yield* q.put(job);
   */
  put(item: T): Future<void> {
    return coroutine((this.#putBody ??= (it: T) => (this.full() ? this.#putSlow(it) : (this.putNowait(it), DONE_UNDEFINED))), item);
  }

  *#putSlow(item: T): Generator<unknown, undefined, unknown> {
    while (this.full()) {
      if (this._isShutdown) throw new QueueShutDown();
      const putter = new Waiter<undefined>(this._getLoop());
      this._putters.push(putter);
      let woken = false;
      try {
        yield* putter;
        woken = true;
      } finally {
        if (!woken) {
          putter.cancel(); // in case it is not done yet
          this._putters.remove(putter); // getNowait() or shutdown() may have taken it out already
          // woken by getNowait() but unable to use the slot: wake the next putter instead
          if (!this.full() && !putter.cancelled()) wakeupNext(this._putters);
        }
      }
    }
    this.putNowait(item);
    return undefined;
  }

  /**
   * Puts an item in the queue without waiting: QueueFull if it is full, QueueShutDown after shutdown().
   * @example
   * q.putNowait(job);
   */
  putNowait(item: T): void {
    if (this._isShutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this._store(item);
    this._unfinishedTasks++;
    this._finished.clear();
    wakeupNext(this._getters);
  }

  /**
   * Removes and returns the next item, waiting while the queue is empty. QueueShutDown once
   * a shut-down queue is empty (at once after `shutdown(true)`).
   * @example
   * const job = yield* q.get();
   */
  get(): Future<T> {
    return coroutine((this.#getBody ??= () => (this.empty() ? this.#getSlow() : new Done(this.getNowait()))));
  }

  *#getSlow(): Generator<unknown, T, unknown> {
    while (this.empty()) {
      if (this._isShutdown) throw new QueueShutDown();
      const getter = new Waiter<undefined>(this._getLoop());
      this._getters.push(getter);
      let woken = false;
      try {
        yield* getter;
        woken = true;
      } finally {
        if (!woken) {
          getter.cancel(); // in case it is not done yet
          this._getters.remove(getter); // putNowait() or shutdown() may have taken it out already
          // woken by putNowait() but unable to take the item: wake the next getter instead
          if (!this.empty() && !getter.cancelled()) wakeupNext(this._getters);
        }
      }
    }
    return this.getNowait();
  }

  /**
   * Removes and returns the next item without waiting: QueueEmpty if there is none
   * (QueueShutDown if the queue is shut down and empty).
   * @example
   * try { const job = q.getNowait(); } catch (e) { if (!(e instanceof QueueEmpty)) throw e; }
   */
  getNowait(): T {
    if (this.empty()) {
      if (this._isShutdown) throw new QueueShutDown();
      throw new QueueEmpty();
    }
    const item = this._take();
    wakeupNext(this._putters);
    return item;
  }

  /**
   * Marks one item got from the queue as processed; join() returns when every item put has
   * been marked. RangeError (asyncio's ValueError) when called more times than items were put.
   * @example
   * const job = yield* q.get();
   * try { yield* work(job); } finally { q.taskDone(); }
   */
  taskDone(): void {
    if (this._unfinishedTasks <= 0) throw new RangeError("taskDone() called too many times");
    this._unfinishedTasks--;
    if (this._unfinishedTasks === 0) this._finished.set();
  }

  /**
   * Waits until every item put in the queue has been marked with taskDone() (returns at once
   * if none is pending).
   * @example
   * yield* q.join();   // all the work is done
   */
  join(): Future<void> {
    return coroutine((this.#joinBody ??= () => (this._unfinishedTasks > 0 ? this.#joinSlow() : DONE_UNDEFINED)));
  }

  *#joinSlow(): Generator<unknown, undefined, unknown> {
    yield* this._finished._wait();
    return undefined;
  }

  /**
   * Shuts the queue down (3.13): put() and putNowait() raise QueueShutDown from now on, and
   * get() does once the queue is empty. With `immediate`, the items are dropped (each counts
   * as done for join()), so get() raises at once. Blocked put() and get() calls wake up to
   * raise QueueShutDown (a get() takes an item if one is left).
   * @example
   * q.shutdown();        // let the consumers drain what is left
   * q.shutdown(true);    // stop now
   */
  shutdown(immediate: boolean = false): void {
    if (typeof immediate !== "boolean") {
      throw new TypeError(`${this.constructor.name}.shutdown: immediate must be a boolean, got ${describe(immediate)}`);
    }
    this._isShutdown = true;
    if (immediate) {
      const dropped = this._size();
      this._clear();
      this._unfinishedTasks = Math.max(0, this._unfinishedTasks - dropped);
      if (this._unfinishedTasks === 0) this._finished.set();
    }
    // every getter re-checks the queue (empty and shut down: QueueShutDown); every putter raises
    wakeAll(this._getters);
    wakeAll(this._putters);
  }

  /** asyncio's `Queue.__str__`: the size limit, the items, the waiters, the pending tasks. */
  toString(): string {
    let s = `maxsize=${this.#maxsize}`;
    if (this._size() > 0) s += ` _queue=${pyRepr(this._snapshot())}`;
    if (this._getters.length > 0) s += ` _getters[${this._getters.length}]`;
    if (this._putters.length > 0) s += ` _putters[${this._putters.length}]`;
    if (this._unfinishedTasks > 0) s += ` tasks=${this._unfinishedTasks}`;
    if (this._isShutdown) s += " shutdown";
    return `<${this.constructor.name} ${s}>`;
  }

  /** Node's `util.inspect` shows toString(). */

  [inspect](): string {
    return this.toString();
  }
}

/** Wakes the first waiter that is not done (cancelled ones are dropped on the way). */
function wakeupNext(waiters: WaiterQueue<undefined>): void {
  for (let w = waiters.shift(); w !== null; w = waiters.shift()) {
    if (!w.done()) {
      w.setResult(undefined);
      return;
    }
  }
}

/** Empties the FIFO, waking every waiter that is not done. */
function wakeAll(waiters: WaiterQueue<undefined>): void {
  for (let w = waiters.shift(); w !== null; w = waiters.shift()) if (!w.done()) w.setResult(undefined);
}

/**
 * A queue that returns its smallest item first (asyncio.PriorityQueue), ordered as Python
 * orders values: numbers, bigints and strings; arrays element by element, as tuples, so
 * `[priority, data]` items come out by priority; Dates by time; objects through their
 * `__lt__`/`__gt__`/`__eq__` methods (py-order.ts). Items that cannot be ordered against the
 * queue's items raise TypeError, as in Python, and the queue is left as it was.
 * @example
 * const q = new PriorityQueue<[number, string]>();
 * q.putNowait([2, "later"]);
 * q.putNowait([1, "first"]);
 * q.getNowait();   // [1, "first"]
 */
export class PriorityQueue<T = unknown> extends Queue<T> {
  /** a binary min-heap, laid out and sifted exactly as Python's heapq */
  #heap: T[] = [];

  /** @internal */
  override _size(): number {
    return this.#heap.length;
  }

  /** heapq.heappush; every comparison happens before anything moves */
  /** @internal */
  override _store(item: T): void {
    const heap = this.#heap;
    let pos = heap.length;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!pyLess(item, heap[parent])) break;
      pos = parent;
    }
    let i = heap.length;
    heap.push(item);
    while (i > pos) {
      const parent = (i - 1) >> 1;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[pos] = item;
  }

  /**
   * heapq.heappop: the last item replaces the root, the smaller children move up along one
   * path to a leaf, and the item climbs back up that path. Every comparison happens first
   * (on the untouched heap), then the moves, so an item that cannot be ordered changes nothing.
   */
  /** @internal */
  override _take(): T {
    const heap = this.#heap;
    const end = heap.length - 1;
    const last = heap[end];
    if (end === 0) {
      heap.pop();
      return last;
    }
    const path = [0];
    for (let child = 1; child < end; child = 2 * child + 1) {
      const right = child + 1;
      if (right < end && !pyLess(heap[child], heap[right])) child = right;
      path.push(child);
    }
    // after the moves, the slot above path[m] holds what was at path[m]
    let m = path.length - 1;
    while (m > 0 && pyLess(last, heap[path[m]])) m--;
    const top = heap[0];
    for (let j = 0; j < m; j++) heap[path[j]] = heap[path[j + 1]];
    heap[path[m]] = last;
    heap.pop();
    return top;
  }

  /** @internal */
  override _snapshot(): T[] {
    return this.#heap.slice();
  }

  /** @internal */
  override _clear(): void {
    this.#heap = [];
  }
}

/**
 * A queue that returns the item put last first (asyncio.LifoQueue).
 * @example
 * const q = new LifoQueue<number>();
 * q.putNowait(1); q.putNowait(2);
 * q.getNowait();   // 2
 */
export class LifoQueue<T = unknown> extends Queue<T> {
  #stack: T[] = [];

  /** @internal */
  override _size(): number {
    return this.#stack.length;
  }

  /** @internal */
  override _store(item: T): void {
    this.#stack.push(item);
  }

  /** @internal */
  override _take(): T {
    return this.#stack.pop() as T;
  }

  /** @internal */
  override _snapshot(): T[] {
    return this.#stack.slice();
  }

  /** @internal */
  override _clear(): void {
    this.#stack = [];
  }
}
