// Python's ordering for PriorityQueue (src/py-order.ts).
import { describe, expect, it } from "vitest";
import { pyEquals, pyLess } from "../src/py-order.js";

describe("pyLess", () => {
  it("orders numbers, bigints and booleans numerically", () => {
    expect(pyLess(1, 2)).toBe(true);
    expect(pyLess(2n, 1.5)).toBe(false);
    expect(pyLess(false, true)).toBe(true);
    expect(pyLess(2n ** 64n, 2 ** 64 + 4096)).toBe(true);
  });

  it("orders strings by code point", () => {
    expect(pyLess("\uffff", "\u{10000}")).toBe(true); // JS's < says the opposite
    expect(pyLess("\u{1F600}", "\u{1F601}")).toBe(true);
    expect(pyLess("ab", "abc")).toBe(true);
    expect(pyLess("abc", "abc")).toBe(false);
    expect(pyLess("B", "a")).toBe(true);
  });

  it("orders arrays by their first unequal elements, then by length", () => {
    expect(pyLess([1, "b"], [1, "c"])).toBe(true);
    expect(pyLess([1, "b"], [1, "b", 0])).toBe(true);
    expect(pyLess([2], [1, "z"])).toBe(false);
    expect(pyLess([[1, 2], 0], [[1, 3], -5])).toBe(true);
    expect(pyLess([1, {}], [2, {}])).toBe(true); // the objects are never compared
  });

  it("refuses kinds Python cannot order, with Python's message", () => {
    expect(() => pyLess("a", 1)).toThrow(new TypeError("'<' not supported between instances of 'str' and 'int'"));
    expect(() => pyLess(1.5, null)).toThrow(new TypeError("'<' not supported between instances of 'float' and 'NoneType'"));
    expect(() => pyLess(undefined, undefined)).toThrow(new TypeError("'<' not supported between instances of 'NoneType' and 'NoneType'"));
    expect(() => pyLess({}, {})).toThrow(new TypeError("'<' not supported between instances of 'Object' and 'Object'"));
    expect(() => pyLess([1, "a"], [1, 2])).toThrow(new TypeError("'<' not supported between instances of 'str' and 'int'"));
    expect(() => pyLess(true, "x")).toThrow(new TypeError("'<' not supported between instances of 'bool' and 'str'"));
    expect(() => pyLess(1n, [1])).toThrow(new TypeError("'<' not supported between instances of 'int' and 'list'"));
  });
});

describe("pyEquals", () => {
  it("is numeric equality across number, bigint and boolean", () => {
    expect(pyEquals(1, 1n)).toBe(true);
    expect(pyEquals(true, 1)).toBe(true);
    expect(pyEquals(1, "1")).toBe(false);
  });

  it("compares arrays element-wise and everything else by identity; null and undefined are both None", () => {
    const o = {};
    expect(pyEquals([1, [2, o]], [1, [2, o]])).toBe(true);
    expect(pyEquals([1, {}], [1, {}])).toBe(false);
    expect(pyEquals(null, undefined)).toBe(true);
    expect(pyEquals(NaN, NaN)).toBe(false);
  });
});
