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
 * An operating-system or host I/O error (Python's OSError): `errno` is the POSIX number where
 * known (else null), `code` the symbolic name (`"ECONNRESET"`), and the message reads as
 * Python's `str(exc)`: `[Errno 104] Connection reset by peer`.
 */
export class OSError extends Error {
  /** the POSIX error number, or null */
  errno: number | null;
  /** the symbolic error name ("ECONNREFUSED"), or null */
  code: string | null;
  constructor(message = "", options: { errno?: number | null; code?: string | null; cause?: unknown } = {}) {
    super(message);
    this.name = "OSError";
    this.errno = options.errno ?? null;
    this.code = options.code ?? null;
    if (options.cause !== undefined) {
      Object.defineProperty(this, "cause", { value: options.cause, writable: true, configurable: true });
    }
  }
}

/** A connection failed (Python's ConnectionError): the base of the four below. */
export class ConnectionError extends OSError {
  constructor(message = "", options?: { errno?: number | null; code?: string | null; cause?: unknown }) {
    super(message, options);
    this.name = "ConnectionError";
  }
}

/** Nothing listens at the address connected to (ECONNREFUSED). */
export class ConnectionRefusedError extends ConnectionError {
  constructor(message = "", options?: { errno?: number | null; code?: string | null; cause?: unknown }) {
    super(message, options);
    this.name = "ConnectionRefusedError";
  }
}

/** The peer reset the connection (ECONNRESET); also what drain() raises once the connection is lost. */
export class ConnectionResetError extends ConnectionError {
  constructor(message = "", options?: { errno?: number | null; code?: string | null; cause?: unknown }) {
    super(message, options);
    this.name = "ConnectionResetError";
  }
}

/** The connection was aborted on this side (ECONNABORTED), e.g. a TLS handshake that took too long. */
export class ConnectionAbortedError extends ConnectionError {
  constructor(message = "", options?: { errno?: number | null; code?: string | null; cause?: unknown }) {
    super(message, options);
    this.name = "ConnectionAbortedError";
  }
}

/** Writing to a connection whose other end is gone (EPIPE). */
export class BrokenPipeError extends ConnectionError {
  constructor(message = "", options?: { errno?: number | null; code?: string | null; cause?: unknown }) {
    super(message, options);
    this.name = "BrokenPipeError";
  }
}

/** A path that does not exist (ENOENT), e.g. connecting to a Unix socket nobody created. */
export class FileNotFoundError extends OSError {
  constructor(message = "", options?: { errno?: number | null; code?: string | null; cause?: unknown }) {
    super(message, options);
    this.name = "FileNotFoundError";
  }
}

/**
 * The runtime has the facility but denies it (EACCES/EPERM; Deno without `--allow-net`):
 * the message names the permission to grant.
 */
export class PermissionError extends OSError {
  constructor(message = "", options?: { errno?: number | null; code?: string | null; cause?: unknown }) {
    super(message, options);
    this.name = "PermissionError";
  }
}

/**
 * What this loop cannot do on this runtime (no sockets in a browser, no half-close on TLS):
 * the message names the runtime and the missing facility. As in Python, a RuntimeError.
 * @example
 * try { fut.abortSignal(); } catch (e) { if (e instanceof NotImplementedError) console.log(e.message); }
 */
export class NotImplementedError extends RuntimeError {
  constructor(message = "") {
    super(message);
    this.name = "NotImplementedError";
  }
}

/**
 * The stream ended before a read got what it asked for: `partial` holds the bytes read,
 * `expected` how many were wanted (null: up to a separator).
 */
export class IncompleteReadError extends Error {
  /** The bytes read before the stream ended. */
  readonly partial: Uint8Array;
  /** How many bytes were asked for; null for a read up to a separator. */
  readonly expected: number | null;
  constructor(partial: Uint8Array, expected: number | null) {
    super(`${partial.length} bytes read on a total of ${expected === null ? "undefined" : expected} expected bytes`);
    this.name = "IncompleteReadError";
    this.partial = partial;
    this.expected = expected;
  }
}

/** A separator was not found within the reader's limit; `consumed` bytes are left to read. */
export class LimitOverrunError extends Error {
  /** How many bytes to consume to get past the data that overran the limit. */
  readonly consumed: number;
  constructor(message: string, consumed: number) {
    super(message);
    this.name = "LimitOverrunError";
    this.consumed = consumed;
  }
}

/** A TLS failure (Python's ssl.SSLError): a handshake, protocol or certificate error; the message is the TLS library's. */
export class SSLError extends OSError {
  constructor(message = "", options?: { errno?: number | null; code?: string | null; cause?: unknown }) {
    super(message, options);
    this.name = "SSLError";
  }
}

/** The peer's certificate did not verify (untrusted, expired, or not for the name connected to). */
export class SSLCertVerificationError extends SSLError {
  constructor(message = "", options?: { errno?: number | null; code?: string | null; cause?: unknown }) {
    super(message, options);
    this.name = "SSLCertVerificationError";
  }
}

/**
 * The process is gone (ESRCH): what Process.sendSignal/terminate/kill raise once the
 * subprocess transport has finished (asyncio's ProcessLookupError).
 */
export class ProcessLookupError extends OSError {
  constructor(message = "", options?: { errno?: number | null; code?: string | null; cause?: unknown }) {
    super(message, options);
    this.name = "ProcessLookupError";
  }
}
