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

/** A time in seconds: a finite number (negative delays are allowed and mean "as soon as possible"). */
export function checkSeconds(where: string, name: string, v: unknown): asserts v is number {
  if (typeof v !== "number") {
    throw new TypeError(`${where}: ${name} must be a number of seconds, got ${describe(v)}`);
  }
  if (!Number.isFinite(v)) {
    throw new RangeError(`${where}: ${name} must be a finite number of seconds, got ${v}`);
  }
}

/** A timeout: null/undefined (no timeout) or a finite number of seconds. */
export function checkTimeout(where: string, name: string, v: unknown): asserts v is number | null | undefined {
  if (v === null || v === undefined) return;
  checkSeconds(where, name, v);
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
