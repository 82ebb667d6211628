import { Future } from "./futures.js";
import { isCoroutine } from "./coroutines.js";
import { describe } from "./validate.js";

/**
 * API.md rule 3: a trailing plain object — not a Future, not a generator, not a thenable —
 * is the options object of a variadic call. Returns [positional, options].
 */
export function splitOptions<O extends object>(args: readonly unknown[]): [unknown[], Partial<O>] {
  const last = args[args.length - 1];
  if (args.length > 0 && isPlainOptions(last)) return [args.slice(0, -1), last as Partial<O>];
  return [args as unknown[], {}];
}

function isPlainOptions(x: unknown): boolean {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  if (x instanceof Future || isCoroutine(x) || typeof (x as { then?: unknown }).then === "function") return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** Checks an options object: an object with only the known keys (catches typos such as `return_exceptions`). */
export function checkOptions(where: string, options: unknown, known: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object") {
    throw new TypeError(`${where}: options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new TypeError(`${where}: unknown option ${JSON.stringify(key)} (known: ${known.join(", ")})`);
    }
  }
}
