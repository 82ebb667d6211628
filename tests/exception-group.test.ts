// ExceptionGroup: Python's exception group (PEP 654), after CPython's test_exception_group.py.
import { describe, expect, it } from "vitest";
import { ExceptionGroup, TimeoutError } from "../src/index.js";

class ValueError extends Error {
  constructor(m?: unknown) {
    super(String(m));
    this.name = "ValueError";
  }
}
class MyGroup extends ExceptionGroup {}

/** The shape of a group: nested arrays of leaf messages (strings for non-Error leaves). */
function shape(x: unknown): unknown {
  if (x === null) return null;
  if (x instanceof ExceptionGroup) return x.exceptions.map(shape);
  return x instanceof Error ? `${x.name}(${x.message})` : x;
}

/** [VE(1), TE(int), VE(2)], as CPython's create_simple_eg */
const simple = () => new ExceptionGroup("simple eg", [new ValueError(1), new TypeError("int"), new ValueError(2)]);

/** outer [ inner [VE(1), TE(a)], VE(2), MyGroup [TE(b)] ] */
const nested = () =>
  new ExceptionGroup("outer", [
    new ExceptionGroup("inner", [new ValueError(1), new TypeError("a")]),
    new ValueError(2),
    new MyGroup("mine", [new TypeError("b")]),
  ]);

describe("ExceptionGroup: construction", () => {
  it("takes the message first and the exceptions second, as Python", () => {
    const a = new ValueError(1);
    const eg = new ExceptionGroup("msg", [a]);
    expect(eg.message).toBe("msg");
    expect(eg.exceptions).toEqual([a]);
  });

  it("is named ExceptionGroup and is an AggregateError and an Error", () => {
    const eg = simple();
    expect(eg.name).toBe("ExceptionGroup");
    expect(eg).toBeInstanceOf(AggregateError);
    expect(eg).toBeInstanceOf(Error);
  });

  it("has errors and exceptions as one frozen array", () => {
    const eg = simple();
    expect(eg.errors).toBe(eg.exceptions);
    expect(Object.isFrozen(eg.exceptions)).toBe(true);
    expect(() => (eg.exceptions as unknown[]).push(1)).toThrow(TypeError);
  });

  it("copies the iterable it is given: a Set works, later changes to it do not show", () => {
    const src = new Set<unknown>([new ValueError(1)]);
    const eg = new ExceptionGroup("m", src);
    src.add(new ValueError(2));
    expect(eg.exceptions).toHaveLength(1);
  });

  it("prints as Python's str(): the message and the count of sub-exceptions", () => {
    expect(String(simple())).toBe("simple eg (3 sub-exceptions)");
    expect(String(new ExceptionGroup("one", [new ValueError(1)]))).toBe("one (1 sub-exception)");
    expect(`${new ExceptionGroup("", [new ValueError(1)])}`).toBe(" (1 sub-exception)");
  });

  it("keeps the bare message in message", () => {
    expect(simple().message).toBe("simple eg");
  });

  it("has a stack that names ExceptionGroup", () => {
    expect(simple().stack!.split("\n")[0]).toBe("ExceptionGroup: simple eg");
  });

  it("holds non-Error thrown values (a Task fails with whatever was thrown)", () => {
    const obj = { code: 7 };
    const eg = new ExceptionGroup("m", ["oops", 0, obj, false]);
    expect(eg.exceptions).toEqual(["oops", 0, obj, false]);
  });

  it("refuses a message that is not a string with TypeError", () => {
    expect(() => new ExceptionGroup(1 as never, [new ValueError(1)])).toThrow(
      new TypeError("ExceptionGroup: message must be a string, got number 1"),
    );
    expect(() => new ExceptionGroup(undefined as never, [new ValueError(1)])).toThrow(TypeError);
  });

  it("refuses exceptions that are not iterable with TypeError naming the argument", () => {
    for (const bad of [5, null, undefined, {}, NaN]) {
      expect(() => new ExceptionGroup("m", bad as never)).toThrow(/^ExceptionGroup: exceptions must be an iterable/);
    }
  });

  it("refuses a string as the exceptions (Python's ValueError for its characters)", () => {
    expect(() => new ExceptionGroup("m", "ab" as never)).toThrow(TypeError);
  });

  it("refuses an empty list with RangeError (Python's ValueError)", () => {
    expect(() => new ExceptionGroup("m", [])).toThrow(new RangeError("ExceptionGroup: exceptions must not be empty"));
  });

  it("refuses undefined or null members with RangeError naming the index", () => {
    expect(() => new ExceptionGroup("m", [new ValueError(1), undefined])).toThrow(
      new RangeError("ExceptionGroup: exceptions[1] must be a thrown value (not undefined or null), got undefined"),
    );
    expect(() => new ExceptionGroup("m", [null])).toThrow(RangeError);
  });
});

describe("ExceptionGroup.subgroup", () => {
  it("returns the group itself when the class matches the group (test_basics_subgroup_by_type__passthrough)", () => {
    const eg = simple();
    for (const cls of [Error, AggregateError, ExceptionGroup]) expect(eg.subgroup(cls)).toBe(eg);
  });

  it("returns the group itself when the predicate holds for it", () => {
    const eg = simple();
    expect(eg.subgroup(() => true)).toBe(eg);
  });

  it("returns null when nothing matches", () => {
    expect(simple().subgroup(RangeError)).toBeNull();
    expect(simple().subgroup(() => false)).toBeNull();
  });

  it("keeps the matching leaves, in order, in a copy with the same message", () => {
    const eg = simple();
    const sub = eg.subgroup(ValueError)!;
    expect(sub).not.toBe(eg);
    expect(sub.message).toBe("simple eg");
    expect(shape(sub)).toEqual(["ValueError(1)", "ValueError(2)"]);
  });

  it("returns a copy, not the group, when every leaf matches but the group does not", () => {
    const eg = new ExceptionGroup("x", [new ValueError(1), new ValueError(2)]);
    const sub = eg.subgroup(ValueError)!;
    expect(sub).not.toBe(eg);
    expect(shape(sub)).toEqual(shape(eg));
  });

  it("keeps the nesting and drops the groups left empty", () => {
    expect(shape(nested().subgroup(TypeError))).toEqual([["TypeError(a)"], ["TypeError(b)"]]);
    expect(shape(nested().subgroup(ValueError))).toEqual([["ValueError(1)"], "ValueError(2)"]);
  });

  it("takes a nested group whole when the class matches it", () => {
    const eg = nested();
    const sub = eg.subgroup(MyGroup)!;
    expect(sub.exceptions).toHaveLength(1);
    expect(sub.exceptions[0]).toBe(eg.exceptions[2]);
  });

  it("asks a predicate about each group before its members, depth first", () => {
    const seen: unknown[] = [];
    nested().subgroup((e) => {
      seen.push(e instanceof ExceptionGroup ? `group ${e.message}` : (e as Error).message);
      return false;
    });
    expect(seen).toEqual(["group outer", "group inner", "1", "a", "2", "group mine", "b"]);
  });

  it("matches non-Error leaves only by predicate", () => {
    const eg = new ExceptionGroup("m", ["oops", new ValueError(1)]);
    expect(shape(eg.subgroup(Error))).toEqual(["oops", "ValueError(1)"]); // the group is an Error
    expect(shape(eg.subgroup(ValueError))).toEqual(["ValueError(1)"]);
    expect(shape(eg.subgroup((e) => typeof e === "string"))).toEqual(["oops"]);
  });

  it("makes plain ExceptionGroups of a subclass's parts unless it overrides derive()", () => {
    const eg = new MyGroup("m", [new ValueError(1), new TypeError("t")]);
    expect(eg.subgroup(ValueError)!.constructor).toBe(ExceptionGroup);
    class Tagged extends ExceptionGroup {
      constructor(message: string, excs: Iterable<unknown>, readonly tag: string) {
        super(message, excs);
      }
      override derive(excs: Iterable<unknown>) {
        return new Tagged(this.message, excs, this.tag);
      }
    }
    const part = new Tagged("m", [new ValueError(1), new TypeError("t")], "mine").subgroup(TypeError)!;
    expect(part).toBeInstanceOf(Tagged);
    expect((part as Tagged).tag).toBe("mine");
  });

  it("refuses a derive() that does not return an ExceptionGroup", () => {
    class Bad extends ExceptionGroup {
      override derive(): never {
        return 42 as never;
      }
    }
    expect(() => new Bad("m", [new ValueError(1), new TypeError("t")]).subgroup(ValueError)).toThrow(
      /derive must return an ExceptionGroup, got number 42/,
    );
  });

  it("lets a predicate's exception propagate", () => {
    const boom = new Error("boom");
    expect(() =>
      simple().subgroup(() => {
        throw boom;
      }),
    ).toThrow(boom);
  });
});

describe("ExceptionGroup.split", () => {
  it("puts each leaf in exactly one of match and rest, both with the group's message", () => {
    const [match, rest] = simple().split(ValueError);
    expect(shape(match)).toEqual(["ValueError(1)", "ValueError(2)"]);
    expect(shape(rest)).toEqual(["TypeError(int)"]);
    expect([match!.message, rest!.message]).toEqual(["simple eg", "simple eg"]);
  });

  it("gives [group, null] when the class matches the group", () => {
    const eg = simple();
    expect(eg.split(ExceptionGroup)).toEqual([eg, null]);
    expect(eg.split(ExceptionGroup)[0]).toBe(eg);
  });

  it("gives [null, copy] when nothing matches", () => {
    const eg = simple();
    const [match, rest] = eg.split(RangeError);
    expect(match).toBeNull();
    expect(rest).not.toBe(eg);
    expect(shape(rest)).toEqual(shape(eg));
  });

  it("gives [copy, null] when every leaf matches", () => {
    const [match, rest] = simple().split((e) => e instanceof ValueError || e instanceof TypeError);
    expect(shape(match)).toEqual(shape(simple()));
    expect(rest).toBeNull();
  });

  it("splits nested groups, keeping their nesting and messages", () => {
    const [match, rest] = nested().split(TypeError);
    expect(shape(match)).toEqual([["TypeError(a)"], ["TypeError(b)"]]);
    expect(shape(rest)).toEqual([["ValueError(1)"], "ValueError(2)"]);
    expect((match!.exceptions[0] as ExceptionGroup).message).toBe("inner");
    expect((match!.exceptions[1] as ExceptionGroup).message).toBe("mine");
  });

  it("keeps the leaves themselves, not copies", () => {
    const eg = simple();
    const [match] = eg.split(TypeError);
    expect(match!.exceptions[0]).toBe(eg.exceptions[1]);
  });

  it("carries the group's cause and stack over to both parts", () => {
    const eg = simple();
    const cause = new Error("why");
    Object.defineProperty(eg, "cause", { value: cause, writable: true, configurable: true });
    const [match, rest] = eg.split(ValueError);
    for (const part of [match!, rest!]) {
      expect(part.cause).toBe(cause);
      expect(part.stack).toBe(eg.stack);
    }
  });

  it("does the work of except* (API.md rule 7)", () => {
    const handled: string[] = [];
    const body = () => {
      throw new ExceptionGroup("two", [new TimeoutError("slow"), new ValueError("bad")]);
    };
    let escaped: unknown = null;
    try {
      try {
        body();
      } catch (e) {
        if (!(e instanceof ExceptionGroup)) throw e;
        const [timeouts, rest] = e.split(TimeoutError); // except* TimeoutError
        if (timeouts !== null) handled.push(...timeouts.exceptions.map((x) => (x as Error).message));
        if (rest !== null) throw rest;
      }
    } catch (e) {
      escaped = e;
    }
    expect(handled).toEqual(["slow"]);
    expect(shape(escaped)).toEqual(["ValueError(bad)"]);
  });
});

describe("ExceptionGroup: bad match arguments", () => {
  it("refuses a match that is neither an Error class nor a function with TypeError", () => {
    const eg = simple();
    for (const bad of [5, "ValueError", new ValueError(1), [ValueError], null, undefined, NaN]) {
      expect(() => eg.subgroup(bad as never)).toThrow(/^ExceptionGroup.subgroup: match must be an Error class or a predicate function/);
      expect(() => eg.split(bad as never)).toThrow(/^ExceptionGroup.split: match must be an Error class or a predicate function/);
    }
  });

  it("refuses a class that does not extend Error", () => {
    class NotAnError {}
    expect(() => simple().split(NotAnError as never)).toThrow(
      new TypeError("ExceptionGroup.split: match must be an Error class or a predicate function, got class NotAnError, which does not extend Error"),
    );
  });

  it("stays usable after a refused call", () => {
    const eg = simple();
    expect(() => eg.split(5 as never)).toThrow(TypeError);
    expect(shape(eg.split(TypeError)[0])).toEqual(["TypeError(int)"]);
    expect(String(eg)).toBe("simple eg (3 sub-exceptions)");
  });
});
