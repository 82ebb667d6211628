/**
 * Python's `<` and `==` for the values a PriorityQueue orders, so that items come out in
 * the order asyncio's PriorityQueue (heapq) gives them:
 *
 * - numbers, bigints and booleans compare as numbers (Python's int, float and bool);
 * - strings compare by code point (JS's `<` compares UTF-16 units, which puts U+E000–U+FFFF
 *   after astral characters; Python does not);
 * - arrays compare as Python's tuples and lists: the first elements that differ (by `==`)
 *   decide, else the shorter is smaller. So `[priority, data]` never compares `data`
 *   unless the priorities are equal;
 * - `Date`s compare by time (Python's datetime);
 * - an object with Python's rich comparison methods, written as JS methods of the same
 *   names, compares through them as Python's operators do: `a < b` is `a.__lt__(b)`, else the
 *   reflected `b.__gt__(a)`; `a == b` is `a.__eq__(b)` (else `b.__eq__(a)`), identity
 *   without one. So a class ported with its `__lt__` (a `dataclass(order=True)`'s, say)
 *   orders as it did in Python;
 * - anything else, and mixed kinds (a string against a number, null against anything),
 *   cannot be ordered: TypeError, with Python's message.
 */

function isNumeric(v: unknown): v is number | bigint | boolean {
  const t = typeof v;
  return t === "number" || t === "bigint" || t === "boolean";
}

/** Python's type name of a JS value, for the TypeError. */
function pyTypeName(v: unknown): string {
  switch (typeof v) {
    case "number":
      return Number.isInteger(v) ? "int" : "float";
    case "bigint":
      return "int";
    case "boolean":
      return "bool";
    case "string":
      return "str";
    case "undefined":
      return "NoneType";
    case "function":
      return "function";
    case "symbol":
      return "symbol";
    default:
      if (v === null) return "NoneType";
      if (Array.isArray(v)) return "list";
      if (v instanceof Date) return "datetime";
      return (v as object).constructor?.name || "object";
  }
}

/** The object's Python comparison method `name` (`__lt__`, `__gt__`, `__eq__`), if it has one. */
function dunder(v: unknown, name: "__lt__" | "__gt__" | "__eq__"): ((other: unknown) => unknown) | null {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return null;
  const m = (v as Record<string, unknown>)[name];
  return typeof m === "function" ? (m as (other: unknown) => unknown) : null;
}

/** Python's `a == b` for orderable values; identity for everything else. */
export function pyEquals(a: unknown, b: unknown): boolean {
  if (a === b || (a == null && b == null)) return true; // null and undefined are both None
  if (isNumeric(a) && isNumeric(b)) return (a as number) == (b as number);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  const eqA = dunder(a, "__eq__");
  if (eqA !== null) return Boolean(eqA.call(a, b));
  const eqB = dunder(b, "__eq__");
  if (eqB !== null) return Boolean(eqB.call(b, a));
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!pyEquals(a[i], b[i])) return false;
    return true;
  }
  return false;
}

/** Code-point order of two strings, as Python compares str. */
function stringLess(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // at the first differing unit, the code points starting there decide (a surrogate
      // pair's code point is above every BMP character's)
      return (a.codePointAt(i) as number) < (b.codePointAt(i) as number);
    }
  }
  return a.length < b.length;
}

/** Python's `a < b`; TypeError when Python cannot order the two. */
export function pyLess(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return (a as number) < (b as number);
  if (typeof a === "string" && typeof b === "string") return a !== b && stringLess(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!pyEquals(a[i], b[i])) return pyLess(a[i], b[i]);
    }
    return a.length < b.length;
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() < b.getTime();
  const lt = dunder(a, "__lt__");
  if (lt !== null) return Boolean(lt.call(a, b));
  const gt = dunder(b, "__gt__");
  if (gt !== null) return Boolean(gt.call(b, a));
  throw new TypeError(`'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}
