/**
 * Host error codes → asyncio's exception classes (Python's errno → OSError subclass
 * mapping), with messages that read as Python's `str(exc)`: `[Errno 111] Connect call
 * failed ('127.0.0.1', 1)`, `[Errno 104] Connection reset by peer`. Hosts report errors with
 * a code ("ECONNRESET") and, where they have one, the errno; this file is where both become
 * one of the exported classes, for every host alike.
 */
import {
  BrokenPipeError,
  ConnectionAbortedError,
  ConnectionRefusedError,
  ConnectionResetError,
  FileNotFoundError,
  OSError,
  PermissionError,
  TimeoutError,
} from "../exceptions.js";

type OSErrorClass = new (message?: string, options?: { errno?: number | null; code?: string | null; cause?: unknown }) => OSError;

/** code → [class, Linux errno (when the host gives none), strerror as glibc words it] */
const CODES: Record<string, [OSErrorClass | null, number, string]> = {
  ECONNREFUSED: [ConnectionRefusedError, 111, "Connection refused"],
  ECONNRESET: [ConnectionResetError, 104, "Connection reset by peer"],
  ECONNABORTED: [ConnectionAbortedError, 103, "Software caused connection abort"],
  EPIPE: [BrokenPipeError, 32, "Broken pipe"],
  ENOENT: [FileNotFoundError, 2, "No such file or directory"],
  EACCES: [PermissionError, 13, "Permission denied"],
  EPERM: [PermissionError, 1, "Operation not permitted"],
  ETIMEDOUT: [null, 110, "Connection timed out"],
  EADDRINUSE: [OSError, 98, "Address already in use"],
  EADDRNOTAVAIL: [OSError, 99, "Cannot assign requested address"],
  EHOSTUNREACH: [OSError, 113, "No route to host"],
  ENETUNREACH: [OSError, 101, "Network is unreachable"],
  EINVAL: [OSError, 22, "Invalid argument"],
  EMFILE: [OSError, 24, "Too many open files"],
  ENFILE: [OSError, 23, "Too many open files in system"],
  ENOTSOCK: [OSError, 88, "Socket operation on non-socket"],
  ENOTFOUND: [OSError, -2, "Name or service not known"],
  EAI_AGAIN: [OSError, -3, "Temporary failure in name resolution"],
};

/** `('127.0.0.1', 8888)` or `'/tmp/s.sock'`: an address as Python prints it. */
export function pyAddress(address: { host: string | null; port: number } | { path: string }): string {
  if ("path" in address) return `'${address.path}'`;
  return `('${address.host ?? "0.0.0.0"}', ${address.port})`;
}

/**
 * The exception for host error `code`. `context` says what failed, as asyncio's messages
 * do: "connect" (`Connect call failed ADDR`), "bind" (`error while attempting to bind on
 * address ADDR: strerror`), or null (the strerror alone).
 */
export function osError(
  code: string | null | undefined,
  errno: number | null | undefined,
  options: { context?: "connect" | "bind" | null; address?: string; detail?: string; cause?: unknown } = {},
): OSError {
  const known = code ? CODES[code] : undefined;
  const num = typeof errno === "number" && errno !== 0 ? (code === "ENOTFOUND" || code === "EAI_AGAIN" ? errno : Math.abs(errno)) : (known?.[1] ?? null);
  const strerror = known?.[2] ?? options.detail ?? code ?? "I/O error";
  let text = strerror;
  if (options.context === "connect" && options.address !== undefined) text = `Connect call failed ${options.address}`;
  else if (options.context === "bind" && options.address !== undefined) {
    text = `error while attempting to bind on address ${options.address}: ${strerror.toLowerCase()}`;
  }
  const message = num === null ? text : `[Errno ${num}] ${text}`;
  const init = { errno: num, code: code ?? null, cause: options.cause };
  if (code === "ETIMEDOUT") {
    const err = new TimeoutError(message);
    Object.assign(err, { errno: num, code });
    return err as unknown as OSError;
  }
  const Cls = known?.[0] ?? OSError;
  return new Cls(message, init);
}
