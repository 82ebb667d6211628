/**
 * ExceptionGroup: Python's exception group (PEP 654), what a TaskGroup raises when its
 * children fail. It is an AggregateError, so JS code that knows AggregateError (Promise.any)
 * reads it too: `errors` and `exceptions` are the same frozen array.
 *
 * Python's `except*` has no JS syntax; `split()` does its work:
 *
 *   try { ... } catch (e) {
 *     if (!(e instanceof ExceptionGroup)) throw e;
 *     const [timeouts, rest] = e.split(TimeoutError);   // except* TimeoutError as timeouts:
 *     if (timeouts !== null) retryLater(timeouts);
 *     if (rest !== null) throw rest;                    // what no clause matched goes on
 *   }
 *
 * How split(match) / subgroup(match) walk a group (CPython's exceptiongroup_split_recursive):
 * the condition is asked of the group first; if it holds, the whole group matches as it is
 * (the same object). Otherwise a leaf is matched or not by the condition, and a nested group
 * is split the same way, recursively; each part that is not empty becomes a copy of that
 * group made by its `derive(exceptions)`, carrying its message, `cause` and `stack`. Empty
 * parts are dropped, so the nesting of what remains is the original's. A predicate is thus
 * called with each group before its members, depth first, in order.
 *
 * What a group holds: any value a JS program can throw except `undefined` and `null` — an
 * Error, and also a string or a plain object, since a Task fails with whatever its
 * coroutine threw. An Error class matches only the values that are its instances (never a
 * string); a predicate sees every value.
 */
import { describe } from "./validate.js";

/**
 * A class whose instances are errors: Error itself or a subclass (TypeError, CancelledError, ...).
 * @example
 * const cls: ErrorClass = RangeError;
 */
export type ErrorClass = abstract new (...args: any[]) => Error;

/**
 * What split() and subgroup() take: an Error class, or a predicate asked of each group and leaf.
 * @example
 * const timeouts: ExceptionMatcher = TimeoutError;
 * const transient: ExceptionMatcher = (e) => e instanceof Error && e.name.startsWith("Connection");
 */
export type ExceptionMatcher = ErrorClass | ((exc: unknown) => unknown);

/**
 * Python's ExceptionGroup: several exceptions raised together, as a TaskGroup raises its
 * children's failures. An AggregateError whose `errors` are its `exceptions`.
 * @example
 * try {
 *   yield* asyncWith(new TaskGroup(), function* (tg) { tg.createTask(a()); tg.createTask(b()); });
 * } catch (e) {
 *   if (!(e instanceof ExceptionGroup)) throw e;
 *   const [timeouts, rest] = e.split(TimeoutError);   // except* TimeoutError
 *   if (rest !== null) throw rest;
 * }
 */
export class ExceptionGroup extends AggregateError {
  /**
   * A group of `exceptions` (a non-empty iterable: any thrown values but undefined and
   * null) with `message`; Python's argument order.
   * @example
   * const eg = new ExceptionGroup("two failed", [new RangeError("a"), new TypeError("b")]);
   * String(eg);   // "two failed (2 sub-exceptions)"
   */
  constructor(message: string, exceptions: Iterable<unknown>) {
    if (typeof message !== "string") {
      throw new TypeError(`ExceptionGroup: message must be a string, got ${describe(message)}`);
    }
    const list = toList(exceptions);
    super(list, message);
    Object.defineProperty(this, "errors", { value: list, writable: false, enumerable: false, configurable: true });
  }

  /**
   * The sub-exceptions (Python's `eg.exceptions`), the same frozen array as `errors`.
   * @example
   * for (const e of eg.exceptions) console.log(String(e));
   */
  get exceptions(): readonly unknown[] {
    return this.errors;
  }

  /**
   * Python's `str(eg)`: the message and how many sub-exceptions it has.
   * @example
   * String(new ExceptionGroup("failed", [new Error("x")]));   // "failed (1 sub-exception)"
   */
  override toString(): string {
    const n = this.errors.length;
    return `${this.message} (${n} sub-exception${n === 1 ? "" : "s"})`;
  }

  /**
   * A group with this one's message and `exceptions`: split() and subgroup() make their
   * parts with it. A subclass with other constructor arguments overrides it (as in Python;
   * the base version returns a plain ExceptionGroup).
   * @example
   * const part = eg.derive([eg.exceptions[0]]);   // same message, one member
   */
  derive(exceptions: Iterable<unknown>): ExceptionGroup {
    return new ExceptionGroup(this.message, exceptions);
  }

  /**
   * The part of this group that matches `match` (an Error class, or a predicate asked of
   * each group and leaf), nesting kept, empty groups dropped; null when nothing matches;
   * this group itself when the condition holds for it.
   * @example
   * const eg = new ExceptionGroup("x", [new RangeError("a"), new TypeError("b")]);
   * eg.subgroup(RangeError)?.exceptions;         // [RangeError: a]
   * eg.subgroup((e) => e instanceof TypeError);   // ExceptionGroup with [TypeError: b]
   */
  subgroup(match: ExceptionMatcher): ExceptionGroup | null {
    const matches = matcher("ExceptionGroup.subgroup", match);
    return splitGroup(this, matches, false)[0] as ExceptionGroup | null;
  }

  /**
   * `[match, rest]`: the part that matches `match` and the part that does not, each with
   * the nesting kept (null when empty). Python's `except*` clause is one split().
   * @example
   * const [timeouts, rest] = eg.split(TimeoutError);
   * if (rest !== null) throw rest;
   */
  split(match: ExceptionMatcher): [ExceptionGroup | null, ExceptionGroup | null] {
    const matches = matcher("ExceptionGroup.split", match);
    return splitGroup(this, matches, true) as [ExceptionGroup | null, ExceptionGroup | null];
  }
}

// On the prototype too, so the stack V8 formats at construction already says ExceptionGroup.
Object.defineProperty(ExceptionGroup.prototype, "name", {
  value: "ExceptionGroup",
  writable: true,
  enumerable: false,
  configurable: true,
});

function toList(exceptions: unknown): unknown[] {
  if (
    exceptions === null ||
    (typeof exceptions !== "object" && typeof exceptions !== "function") ||
    typeof (exceptions as Iterable<unknown>)[Symbol.iterator] !== "function"
  ) {
    throw new TypeError(`ExceptionGroup: exceptions must be an iterable of exceptions (an array), got ${describe(exceptions)}`);
  }
  const list = Array.from(exceptions as Iterable<unknown>);
  if (list.length === 0) throw new RangeError("ExceptionGroup: exceptions must not be empty");
  for (let i = 0; i < list.length; i++) {
    if (list[i] === undefined || list[i] === null) {
      throw new RangeError(`ExceptionGroup: exceptions[${i}] must be a thrown value (not undefined or null), got ${describe(list[i])}`);
    }
  }
  return Object.freeze(list) as unknown[];
}

function matcher(where: string, match: unknown): (exc: unknown) => boolean {
  if (typeof match !== "function") {
    throw new TypeError(`${where}: match must be an Error class or a predicate function, got ${describe(match)}`);
  }
  const cls = match as ErrorClass;
  if (cls === Error || cls.prototype instanceof Error) return (exc) => exc instanceof cls;
  if (/^class\b/.test(Function.prototype.toString.call(match))) {
    throw new TypeError(`${where}: match must be an Error class or a predicate function, got class ${match.name || "(anonymous)"}, which does not extend Error`);
  }
  const predicate = match as (exc: unknown) => unknown;
  return (exc) => Boolean(predicate(exc));
}

/** [matching part, rest (null unless withRest)] of `exc`, a group or a leaf. */
function splitGroup(exc: unknown, matches: (exc: unknown) => boolean, withRest: boolean): [unknown, unknown] {
  if (matches(exc)) return [exc, null];
  if (!(exc instanceof ExceptionGroup)) return [null, withRest ? exc : null];
  const matched: unknown[] = [];
  const rest: unknown[] = [];
  for (const e of exc.errors) {
    const [m, r] = splitGroup(e, matches, withRest);
    if (m !== null) matched.push(m);
    if (r !== null) rest.push(r);
  }
  return [part(exc, matched), withRest ? part(exc, rest) : null];
}

/** A copy of `group`'s shell around `members` (null if none), as CPython's exceptiongroup_subset. */
function part(group: ExceptionGroup, members: unknown[]): ExceptionGroup | null {
  if (members.length === 0) return null;
  const eg = group.derive(members);
  if (!(eg instanceof ExceptionGroup)) {
    throw new TypeError(`ExceptionGroup.derive must return an ExceptionGroup, got ${describe(eg)}`);
  }
  // Python copies __cause__ and __traceback__; here `cause` and `stack`, when the group has them
  for (const key of ["cause", "stack"] as const) {
    const d = Object.getOwnPropertyDescriptor(group, key);
    if (d !== undefined && "value" in d) {
      Object.defineProperty(eg, key, { value: d.value, writable: true, enumerable: false, configurable: true });
    }
  }
  return eg;
}
