/**
 * Errors that cross back from a worker. executor-worker.ts encodes what the called code threw;
 * this file makes it an exception again on the caller's side: the built-in class of the same
 * name where there is one (TypeError, RangeError, ...; wasmloop's RuntimeError, TimeoutError,
 * ...), else an Error whose `name` is the thrown one's (a class of the worker's own does not
 * exist here). Message, stack (the worker's frames), `cause` and other cloneable own fields
 * are kept. A thrown non-Error (a string, a number) arrives as the value itself.
 */
import { InvalidStateError, NotImplementedError, RuntimeError, TimeoutError } from "../exceptions.js";

/** @internal the encoding of executor-worker.ts */
export interface EncodedError {
  thrown?: unknown;
  name?: string;
  message?: string;
  stack?: string;
  props?: Record<string, unknown>;
  cause?: EncodedError;
  /** a variable a function sent by its source could not find in the worker */
  free?: string | null;
}

type ErrorClass = new (message?: string) => Error;

const CLASSES: Record<string, ErrorClass> = {
  Error,
  TypeError,
  RangeError,
  ReferenceError,
  SyntaxError,
  EvalError,
  URIError,
  RuntimeError,
  TimeoutError,
  InvalidStateError,
  NotImplementedError,
};

/** @internal the exception for an encoded error; `where` and `fnName` word the hint for a closure variable */
export function decodeError(enc: EncodedError, where: string, fnName: string): unknown {
  if ("thrown" in enc) {
    const v = enc.thrown;
    return v === undefined || v === null ? new Error(`${where}: ${fnName} threw ${String(v)} in the worker`) : v;
  }
  const name = enc.name ?? "Error";
  let message = enc.message ?? "";
  let stack = enc.stack ?? "";
  if (enc.free) {
    const original = message;
    message =
      `${where}: ${original} in the worker: ${fnName} was sent there by its source, so it sees only its parameters ` +
      `and the worker's globals, not the variables of the scope it was written in (closures, imports). ` +
      `Pass ${enc.free} as an argument, or export the function from a module and send { module: url, export: "name" }`;
    const header = `${name}: ${original}`;
    if (stack.startsWith(header)) stack = `${name}: ${message}` + stack.slice(header.length);
  }
  const Class = Object.prototype.hasOwnProperty.call(CLASSES, name) ? CLASSES[name] : Error;
  const err = new Class(message);
  if (err.name !== name) Object.defineProperty(err, "name", { value: name, writable: true, configurable: true });
  if (stack !== "") Object.defineProperty(err, "stack", { value: stack, writable: true, configurable: true });
  for (const [k, v] of Object.entries(enc.props ?? {})) (err as any)[k] = v;
  if (enc.cause !== undefined) {
    Object.defineProperty(err, "cause", { value: decodeError(enc.cause, where, fnName), writable: true, configurable: true });
  }
  return err;
}
