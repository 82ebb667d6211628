/** asyncio's exceptions. Every class sets `name`, so `${err}` and stack traces say which it is. */

/**
 * The operation was cancelled; thrown into a coroutine by `Task.cancel()`, and by `result()` of a cancelled Future.
 * @example
 * task.cancel(Symbol.for("shutdown"));
 * // later, where it surfaces:
 * catch (e) { if (e instanceof CancelledError && e.args[0] === Symbol.for("shutdown")) ... }
 */
export class CancelledError extends Error {
  /**
   * The cancel message as given, as Python's `args`: `[msg]`, or `[]` when `cancel()` had
   * none (undefined or null). Any value; `message` is its string form. Not enumerable, as
   * `message` is not: comparing errors compares their messages.
   */
  declare readonly args: unknown[];

  constructor(message?: unknown) {
    super(message === undefined || message === null ? "" : messageString(message));
    Object.defineProperty(this, "args", { value: message === undefined || message === null ? [] : [message] });
    this.name = "CancelledError";
  }
}

/** String(v), or its Object.prototype.toString tag when String() throws (a null-prototype object, a throwing toString). */
function messageString(v: unknown): string {
  if (typeof v === "string") return v;
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/** The Future or Task is not in a state that allows the operation (`result()` while pending, `setResult` when done). */
export class InvalidStateError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "InvalidStateError";
  }
}

/** A deadline passed: `waitFor`, `asCompleted`. */
export class TimeoutError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "TimeoutError";
  }
}

/** asyncio's RuntimeError cases: a closed loop, a loop already running, a blocking run the host cannot do. */
export class RuntimeError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "RuntimeError";
  }
}

/**
 * A Barrier was reset or aborted while a task waited on it, or is broken (asyncio.BrokenBarrierError).
 * @example
 * try { yield* barrier.wait(); } catch (e) { if (!(e instanceof BrokenBarrierError)) throw e; }
 */
export class BrokenBarrierError extends RuntimeError {
  constructor(message = "") {
    super(message);
    this.name = "BrokenBarrierError";
  }
}

/** A key or variable has no value: `ContextVar.get()` with no value, no default and no default argument. */
export class LookupError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "LookupError";
  }
}

/** What this runtime cannot do at all (asyncio's own class for it, a RuntimeError in Python too); the message names the runtime and the missing facility. */
export class NotImplementedError extends RuntimeError {
  constructor(message = "") {
    super(message);
    this.name = "NotImplementedError";
  }
}
