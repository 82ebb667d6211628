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

describe("pyLess and pyEquals with Python's comparison methods and dates", () => {
  /** A port of `@dataclass(order=True) class Job: priority: int; name: str = field(compare=False)`. */
  class Job {
    constructor(readonly priority: number, readonly name: string) {}
    __lt__(other: Job) { return this.priority < other.priority; }
    __eq__(other: unknown) { return other instanceof Job && other.priority === this.priority; }
  }

  it("orders objects through their __lt__, as Python's < does", () => {
    expect(pyLess(new Job(1, "a"), new Job(2, "b"))).toBe(true);
    expect(pyLess(new Job(2, "a"), new Job(1, "b"))).toBe(false);
    expect(pyLess(new Job(1, "a"), new Job(1, "b"))).toBe(false);
  });

  it("falls back on the other operand's __gt__ (Python's reflected comparison)", () => {
    const big = { __gt__: (other: unknown) => other !== big };
    expect(pyLess(3, big)).toBe(true);
    expect(() => pyLess(big, 3)).toThrow(new TypeError("'<' not supported between instances of 'Object' and 'int'"));
  });

  it("compares equal through __eq__, so arrays holding such objects go on to the next element", () => {
    expect(pyEquals(new Job(1, "a"), new Job(1, "b"))).toBe(true);
    expect(pyLess([new Job(1, "a"), 2], [new Job(1, "b"), 3])).toBe(true);
    expect(pyLess([new Job(1, "a"), 3], [new Job(1, "b"), 2])).toBe(false);
  });

  it("orders Dates by their time, as Python orders datetimes, and names them in the TypeError", () => {
    expect(pyLess(new Date(1000), new Date(2000))).toBe(true);
    expect(pyEquals(new Date(1000), new Date(1000))).toBe(true);
    expect(pyLess([new Date(5), "x"], [new Date(5), "y"])).toBe(true);
    expect(() => pyLess(new Date(0), 1)).toThrow(new TypeError("'<' not supported between instances of 'datetime' and 'int'"));
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
