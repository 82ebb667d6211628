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
      return (v as object).constructor?.name || "object";
  }
}

/** Python's `a == b` for orderable values; identity for everything else. */
export function pyEquals(a: unknown, b: unknown): boolean {
  if (a === b || (a == null && b == null)) return true; // null and undefined are both None
  if (isNumeric(a) && isNumeric(b)) return (a as number) == (b as number);
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
  throw new TypeError(`'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}
