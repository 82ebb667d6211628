/** What counts as a coroutine: a generator object (or any object with the generator protocol). */

const toString = Object.prototype.toString;

/**
 * True for coroutine objects: generator objects (what calling a `function*` returns), or
 * objects with `next`, `throw` and `return` methods and `Symbol.iterator`.
 */
export function isCoroutine(x: unknown): x is Generator<unknown, unknown, unknown> {
  if (x === null || typeof x !== "object") return false;
  // the protocol first: four cached property reads, cheaper than Object.prototype.toString
  const g = x as Partial<Generator>;
  return (
    typeof g.next === "function" &&
    typeof g.throw === "function" &&
    typeof g.return === "function" &&
    typeof g[Symbol.iterator] === "function"
  );
}

/** True for generator functions (`function*`): calling one makes a coroutine. */
export function isCoroutineFunction(f: unknown): f is (...args: any[]) => Generator<unknown, unknown, unknown> {
  return typeof f === "function" && toString.call(f) === "[object GeneratorFunction]";
}
