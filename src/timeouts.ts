/**
 * Timeout: asyncio's `timeout()` / `timeout_at()` (3.11+), a deadline around a block of code
 * running in one task:
 *
 *   yield* asyncWith(timeout(1), function* (t) { yield* work(); });   // async with timeout(1) as t:
 *
 * How it works, and the cancellation rule it shares with TaskGroup (taskgroups.ts): at the
 * deadline the Timeout cancels the task that entered it — one `cancel()`, so the block's
 * current await raises CancelledError and the body unwinds. When the CancelledError reaches
 * `aexit`, the Timeout takes its own request back (`task.uncancel()`) and turns the error
 * into TimeoutError (the CancelledError is its `cause`) only if no other cancel request is
 * left beyond those the task already had when the block was entered (`cancelling()` at
 * aenter). So a cancel from outside (the task's owner, an enclosing timeout, a TaskGroup)
 * that arrives meanwhile wins: the CancelledError goes on, and the outer party handles it.
 * Nested timeouts work by the same count: the inner one converts only its own request.
 *
 * States, as asyncio 3.12's (the names are what toString() shows):
 *
 *   created ──aenter──► active ──deadline: task.cancel()──► expiring ──aexit──► expired
 *                         │  ▲                                                (TimeoutError if
 *                         │  └─ reschedule(when)                               the CancelledError
 *                         └───────────────────aexit──► finished                was its own)
 *
 * `reschedule()` works only while active; entering twice, or without a task, is a
 * RuntimeError. The deadline is one timer on the task's loop (a `when` at or before now is
 * due at the next iteration, as asyncio's call_soon; `when` null or Infinity arms none).
 */
import { CancelledError, RuntimeError, TimeoutError } from "./exceptions.js";
import { _getRunningLoop } from "./base-events.js";
import { getEventLoop, getRunningLoop } from "./events.js";
import type { Future } from "./futures.js";
import { CoroutineFuture } from "./coroutine-future.js";
import type { Task } from "./tasks.js";
import type { EventLoop } from "./loop.js";
import { checkDuration, describe } from "./validate.js";

const CREATED = "created";
const ACTIVE = "active";
const EXPIRING = "expiring";
const EXPIRED = "expired";
const FINISHED = "finished";
type State = typeof CREATED | typeof ACTIVE | typeof EXPIRING | typeof EXPIRED | typeof FINISHED;

/**
 * An asynchronous context manager that cancels the block it guards at a loop time. Make
 * one with `timeout(delay)` or `timeoutAt(when)`.
 * @example
 * yield* asyncWith(timeout(10), function* (t) {
 *   yield* longRunningTask();
 *   if (needMore) t.reschedule(loop.time() + 10);
 * });
 */
export class Timeout {
  #state: State = CREATED;
  /** the deadline (loop time in seconds); null: none */
  #when: number | null;
  /** the task that entered the block; set by aenter */
  #task: Task<unknown> | null = null;
  /** the task's cancelling() when the block was entered: requests up to it are not ours */
  #cancelling = 0;
  /** core id of the armed deadline call; 0 when none */
  #timer = 0;

  /**
   * A timeout due at loop time `when` (seconds; null or Infinity: never). Prefer
   * `timeout()` / `timeoutAt()`.
   * @example
   * const t = new Timeout(loop.time() + 5);
   */
  constructor(when: number | null) {
    this.#when = checkWhen("Timeout", when);
  }

  /**
   * The deadline in loop time, or null when there is none.
   * @example
   * yield* asyncWith(timeout(2), function* (t) { console.log(t.when()); });
   */
  when(): number | null {
    return this.#when;
  }

  /**
   * Moves the deadline to loop time `when` (null: no deadline); a time already past is due
   * at the next iteration. Only while the block runs: RuntimeError before aenter and once
   * the timeout expired or the block exited.
   * @example
   * t.reschedule(getRunningLoop().time() + 1);   // one more second from now
   */
  reschedule(when: number | null): void {
    const w = checkWhen("Timeout.reschedule", when);
    if (this.#state !== ACTIVE) {
      if (this.#state === CREATED) throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this.#state} Timeout`);
    }
    this.#when = w;
    this._arm();
  }

  /**
   * True once the deadline passed while the block ran (from the cancellation on).
   * @example
   * if (t.expired()) console.log("gave up");
   */
  expired(): boolean {
    return this.#state === EXPIRING || this.#state === EXPIRED;
  }

  /**
   * Enters the block: binds the timeout to the current task and arms the deadline.
   * One of asyncio's coroutines (`__aenter__`): `yield*` it, or let asyncWith do so.
   * @example
   * const t = yield* cm.aenter();
   */
  aenter(): Future<this> {
    return new CoroutineFuture<this>(getEventLoop(), () => this.#enter());
  }

  /**
   * Leaves the block; `exc` is what the block raised (null: nothing). Raises TimeoutError
   * when `exc` is the cancellation this timeout caused; otherwise resolves to false (the
   * block's exception goes on). One of asyncio's coroutines (`__aexit__`).
   * @example
   * yield* cm.aexit(null);
   */
  aexit(exc: unknown): Future<boolean> {
    return new CoroutineFuture<boolean>(this.#task?._loop ?? getEventLoop(), () => this.#exit(exc));
  }

  // eslint-disable-next-line require-yield
  *#enter(): Generator<unknown, this, unknown> {
    return this._enter();
  }

  // eslint-disable-next-line require-yield
  *#exit(exc: unknown): Generator<unknown, boolean, unknown> {
    return this._exit(exc);
  }

  /** @internal aenter's work, which never waits: waitFor calls it without the Future */
  _enter(): this {
    if (this.#state !== CREATED) throw new RuntimeError("Timeout has already been entered");
    const loop = _getRunningLoop();
    const task = loop === null ? null : (loop._currentTask as Task<unknown> | null);
    if (task === null) throw new RuntimeError("Timeout should be used inside a task");
    this.#state = ACTIVE;
    this.#task = task;
    this.#cancelling = task.cancelling();
    this._arm();
    return this;
  }

  /** @internal aexit's work, which never waits either */
  _exit(exc: unknown): false {
    if (this.#state !== ACTIVE && this.#state !== EXPIRING) {
      throw new RuntimeError(`Timeout.aexit: ${this} was not entered (or was exited already)`);
    }
    this._disarm();
    if (this.#state === EXPIRING) {
      this.#state = EXPIRED;
      // our cancel request is taken back; raise TimeoutError only if no newer one is left
      if (this.#task!.uncancel() <= this.#cancelling && exc instanceof CancelledError) throw timeoutFrom(exc);
    } else {
      this.#state = FINISHED;
    }
    return false;
  }

  /** @internal (plain methods, not `#private` ones: those cost each Timeout a brand slot) */
  _arm(): void {
    this._disarm();
    const when = this.#when;
    if (when === null || when === Infinity) return;
    const loop: EventLoop = this.#task!._loop;
    this.#timer = when <= loop.time() ? loop._soon(onTimeout, this) : loop._at(when, onTimeout, this);
  }

  /** @internal */
  _disarm(): void {
    if (this.#timer !== 0) {
      this.#task!._loop._cancelId(this.#timer);
      this.#timer = 0;
    }
  }

  /** @internal the deadline passed */
  _onTimeout(): void {
    this.#timer = 0;
    if (this.#state !== ACTIVE) return;
    this.#task!.cancel();
    this.#state = EXPIRING;
  }

  /**
   * asyncio's repr: `<Timeout [active] when=12.5>`, `<Timeout [expired]>`.
   * @example
   * String(t);   // "<Timeout [finished]>"
   */
  toString(): string {
    if (this.#state !== ACTIVE) return `<Timeout [${this.#state}]>`;
    const w = this.#when;
    return `<Timeout [active] when=${w === null ? "None" : pyRound3(w)}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

function onTimeout(t: Timeout): void {
  t._onTimeout();
}

/**
 * A Timeout due `delay` seconds from now (null or Infinity: never; zero or less: at the
 * next iteration). For `asyncWith`, inside a running loop; the block raises TimeoutError
 * when the deadline passes.
 * @example
 * try {
 *   yield* asyncWith(timeout(10), function* () { yield* longRunningTask(); });
 * } catch (e) {
 *   if (e instanceof TimeoutError) console.log("The long operation timed out, but we've handled it.");
 * }
 */
export function timeout(delay: number | null): Timeout {
  const loop = getRunningLoop();
  if (delay === null || delay === undefined) return new Timeout(null);
  checkDuration("timeout", "delay", delay);
  return new Timeout(loop.time() + delay);
}

/**
 * A Timeout due at loop time `when` (seconds, as `loop.time()`; null: never).
 * @example
 * const loop = getRunningLoop();
 * yield* asyncWith(timeoutAt(loop.time() + 10), function* () { yield* longRunningTask(); });
 */
export function timeoutAt(when: number | null): Timeout {
  return new Timeout(checkWhen("timeoutAt", when));
}

function checkWhen(where: string, when: unknown): number | null {
  if (when === null || when === undefined) return null;
  if (typeof when !== "number") {
    throw new TypeError(`${where}: when must be a loop time in seconds (a number) or null, got ${describe(when)}`);
  }
  if (Number.isNaN(when)) throw new RangeError(`${where}: when must be a loop time in seconds, got NaN`);
  return when;
}

/** @internal asyncio's `raise TimeoutError from exc`: the CancelledError becomes the `cause`. */
export function timeoutFrom(cancelled: CancelledError): TimeoutError {
  const err = new TimeoutError();
  Object.defineProperty(err, "cause", { value: cancelled, writable: true, enumerable: false, configurable: true });
  return err;
}

/**
 * Python's `repr(round(x, 3))`: rounded on the double's exact decimal value, ties to even
 * (0.0625 → 0.062, where Math.round and toFixed go up), printed as Python prints floats
 * (10.0, 1.5, 1e+16, inf).
 */
function pyRound3(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  let r = x;
  if (Math.abs(x) < 1e15) {
    // exact: a double of at least 2**-47 has at most 99 binary, so decimal, places (smaller
    // ones round to 0 whatever their expansion)
    const [int, frac] = Math.abs(x).toFixed(100).split(".");
    const kept = frac.slice(0, 3);
    const rest = frac.slice(3).replace(/0+$/, "");
    let n = BigInt(int + kept);
    if (rest > "5" || (rest === "5" && n % 2n === 1n)) n += 1n; // "5…" beyond "5" compares greater
    const digits = n.toString().padStart(4, "0");
    r = (x < 0 || Object.is(x, -0) ? -1 : 1) * parseFloat(`${digits.slice(0, -3)}.${digits.slice(-3)}`);
  }
  if (Object.is(r, -0)) return "-0.0";
  if (Math.abs(r) >= 1e16) return r.toExponential(); // 1e+16, as Python
  return Number.isInteger(r) ? r.toFixed(1) : String(r);
}
