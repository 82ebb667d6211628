/** Argument checks shared by the public API: each error names the argument and what it accepts. */

/** A short description of a value for error messages: `number NaN`, `string "x"`, `Promise`, `null`. */
export function describe(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  switch (typeof v) {
    case "string":
      return `string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
    case "function":
      return `function ${v.name || "(anonymous)"}`;
    case "object":
      // a generator object's constructor has an empty name: fall back to its tag ("Generator")
      return (v as object).constructor?.name || Object.prototype.toString.call(v).slice(8, -1);
    default:
      return `${typeof v} ${String(v)}`;
  }
}

export function checkFunction(where: string, name: string, v: unknown): asserts v is (...args: never[]) => unknown {
  if (typeof v !== "function") {
    throw new TypeError(`${where}: ${name} must be a function, got ${describe(v)}`);
  }
}

function checkNumber(where: string, name: string, v: unknown): asserts v is number {
  if (typeof v !== "number") {
    throw new TypeError(`${where}: ${name} must be a number of seconds, got ${describe(v)}`);
  }
}

/** A number of seconds, infinities allowed (a sleep or a timeout that never ends). */
export function checkDuration(where: string, name: string, v: unknown): asserts v is number {
  checkNumber(where, name, v);
  if (Number.isNaN(v)) throw new RangeError(`${where}: ${name} must be a number of seconds, got NaN`);
}

/** A time for the timer heap: a finite number of seconds (negative delays mean "as soon as possible"). */
export function checkSeconds(where: string, name: string, v: unknown): asserts v is number {
  checkNumber(where, name, v);
  if (!Number.isFinite(v)) {
    throw new RangeError(`${where}: ${name} must be a finite number of seconds, got ${v}`);
  }
}

/**
 * A timeout, checked: null/undefined or Infinity (none: wait for ever) → null; any other
 * number of seconds as it is (zero or less: already expired), as asyncio takes `math.inf`.
 */
export function checkTimeout(where: string, name: string, v: unknown): number | null {
  if (v === null || v === undefined || v === Infinity) return null;
  checkDuration(where, name, v);
  // -Infinity: expired long ago; the most negative finite delay keeps a timer's ordering
  return v === -Infinity ? -Number.MAX_VALUE : v;
}

/** asyncio-style repr of a callback and its arguments: `cb('a', 1)`. */
export function formatCallback(fn: unknown, args: readonly unknown[] | null | undefined): string {
  const name = typeof fn === "function" ? fn.name || "<anonymous>" : String(fn);
  const list = (args ?? []).map(formatArg).join(", ");
  return `${name}(${list})`;
}

function formatArg(a: unknown): string {
  if (typeof a === "string") return `'${a.length > 40 ? a.slice(0, 40) + "…" : a}'`;
  if (typeof a === "function") return a.name || "<anonymous>";
  if (a === null || a === undefined) return "None";
  if (typeof a === "object") {
    const s = String(a);
    return s === "[object Object]" ? `<${(a as object).constructor?.name ?? "object"}>` : s;
  }
  return String(a);
}
