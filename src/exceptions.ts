/** asyncio's exceptions. Every class sets `name`, so `${err}` and stack traces say which it is. */

/** The operation was cancelled; thrown into a coroutine by `Task.cancel()`, and by `result()` of a cancelled Future. */
export class CancelledError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "CancelledError";
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
 * A key or variable has no value: `ContextVar.get()` with no value, no default and no default argument.
 * @example
 * try { requestId.get(); } catch (e) { if (e instanceof LookupError) console.log("no request id here"); }
 */
export class LookupError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "LookupError";
  }
}

/**
 * What this runtime cannot do at all (asyncio's own class for it, a RuntimeError in Python too); the message names the runtime and the missing facility.
 * @example
 * try { fut.abortSignal(); } catch (e) { if (e instanceof NotImplementedError) console.log(e.message); }
 */
export class NotImplementedError extends RuntimeError {
  constructor(message = "") {
    super(message);
    this.name = "NotImplementedError";
  }
}
