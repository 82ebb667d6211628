// asyncWith(): Python's `async with`, after the semantics of PEP 492 and CPython's
// test_coroutines.py (CoroutineTest.test_with_*).
import { describe, expect, it } from "vitest";
import { asyncWith, currentTask, sleep, type Future } from "../src/index.js";
import { virtual } from "./fixtures.js";

/** A context manager that records what happened to it; aexit answers `swallow`. */
function recorder(log: string[], swallow = false, value: unknown = "v") {
  return {
    *aenter() {
      log.push("aenter");
      return value;
    },
    *aexit(exc: unknown) {
      log.push(`aexit(${exc === null ? "null" : (exc as Error).message})`);
      return swallow;
    },
  };
}

describe("asyncWith: the protocol", () => {
  it("hands aenter's value to the body and returns the body's value", () => {
    const loop = virtual();
    const log: string[] = [];
    const result = loop.runUntilCompleteSync(
      asyncWith(recorder(log), function* (v) {
        log.push(`body(${v})`);
        return 42;
      }),
    );
    expect(result).toBe(42);
    expect(log).toEqual(["aenter", "body(v)", "aexit(null)"]);
  });

  it("calls aexit with the body's exception and re-raises it when aexit is falsy", () => {
    const loop = virtual();
    const log: string[] = [];
    const boom = new Error("boom");
    const fut = asyncWith(recorder(log), function* () {
      throw boom;
    });
    expect(() => loop.runUntilCompleteSync(fut)).toThrow(boom);
    expect(log).toEqual(["aenter", "aexit(boom)"]);
  });

  it("swallows the body's exception when aexit returns a truthy value", () => {
    const loop = virtual();
    const log: string[] = [];
    const result = loop.runUntilCompleteSync(
      asyncWith(recorder(log, true), function* () {
        throw new Error("swallowed");
      }),
    );
    expect(result).toBeUndefined();
    expect(log).toEqual(["aenter", "aexit(swallowed)"]);
  });

  it("raises what aexit raises instead of the body's exception", () => {
    const loop = virtual();
    const fromExit = new RangeError("from aexit");
    const cm = {
      aenter: () => sleep(0, 1),
      *aexit(): Generator<unknown, never> {
        throw fromExit;
      },
    };
    const fut = asyncWith(cm, function* () {
      throw new Error("from body");
    });
    expect(() => loop.runUntilCompleteSync(fut)).toThrow(fromExit);
  });

  it("never calls aexit when aenter raises", () => {
    const loop = virtual();
    const log: string[] = [];
    const cm = {
      *aenter(): Generator<unknown, never> {
        throw new Error("no entry");
      },
      *aexit() {
        log.push("aexit");
        return false;
      },
    };
    const fut = asyncWith(cm, function* () {
      log.push("body");
    });
    expect(() => loop.runUntilCompleteSync(fut)).toThrow("no entry");
    expect(log).toEqual([]);
  });

  it("awaits aenter and aexit that return Futures or promises", async () => {
    const loop = virtual();
    const log: string[] = [];
    const cm = {
      aenter: () => sleep(1, "slept"),
      aexit: (exc: unknown) => Promise.resolve(log.push(`aexit ${exc}`)).then(() => false),
    };
    const result = await loop.runUntilComplete(
      asyncWith(cm, function* (v) {
        log.push(`body ${v} at ${loop.time()}`);
        return v;
      }),
    );
    expect(result).toBe("slept");
    expect(log).toEqual(["body slept at 1", "aexit null"]);
  });
});

describe("asyncWith: a coroutine of the calling task", () => {
  it("runs the body in the task that awaits it", () => {
    const loop = virtual();
    let inBody: unknown = null;
    let outer: unknown = null;
    loop.runUntilCompleteSync(
      (function* () {
        outer = currentTask();
        yield* asyncWith(recorder([]), function* () {
          yield* sleep(1);
          inBody = currentTask();
        });
      })(),
    );
    expect(inBody).toBe(outer);
  });

  it("completes without a loop iteration when nothing in it waits", () => {
    const loop = virtual();
    const order: string[] = [];
    loop.runUntilCompleteSync(
      (function* () {
        loop.callSoon(() => order.push("callback"));
        yield* asyncWith(recorder([]), function* () {
          order.push("body");
        });
        order.push("after");
        yield* sleep(0);
      })(),
    );
    expect(order).toEqual(["body", "after", "callback"]);
  });

  it("does nothing until awaited, then runs in a Task when handed to the loop", () => {
    const loop = virtual();
    const log: string[] = [];
    const fut: Future<number> = asyncWith(recorder(log), function* () {
      return 7;
    });
    expect(log).toEqual([]);
    expect(loop.runUntilCompleteSync(fut)).toBe(7);
    expect(log).toEqual(["aenter", "aexit(null)"]);
  });

  it("is cancelled with its task: aexit sees the CancelledError", () => {
    const loop = virtual();
    const log: string[] = [];
    const task = loop.createTask(
      (function* () {
        yield* asyncWith(recorder(log), function* () {
          yield* sleep(10);
        });
      })(),
    );
    loop.callLater(1, () => task.cancel());
    expect(() => loop.runUntilCompleteSync(task)).toThrow(expect.objectContaining({ name: "CancelledError" }));
    expect(log).toEqual(["aenter", "aexit()"]);
  });
});

describe("asyncWith: bad input", () => {
  it.each([
    ["null", null, /asyncWith: cm must be an async context manager/],
    ["an object without aexit", { aenter() {} }, /asyncWith: cm must have an aexit\(\) method/],
    ["an object without aenter", { aexit() {} }, /asyncWith: cm must have an aenter\(\) method/],
  ])("refuses %s as cm with a TypeError", (_what, cm, message) => {
    expect(() => asyncWith(cm as never, function* () {})).toThrow(TypeError);
    expect(() => asyncWith(cm as never, function* () {})).toThrow(message);
  });

  it("refuses a body that is not a function", () => {
    expect(() => asyncWith(recorder([]), 5 as never)).toThrow(/asyncWith: body must be a generator function/);
  });

  it("fails the statement when the body does not return a generator, and aexit sees why", () => {
    const loop = virtual();
    const log: string[] = [];
    const fut = asyncWith(recorder(log), (() => 5) as never);
    expect(() => loop.runUntilCompleteSync(fut)).toThrow(/body must return a generator/);
    expect(log[1]).toMatch(/^aexit\(asyncWith: body must return a generator/);
  });

  it("fails when aenter returns something that cannot be awaited, and the loop runs on", () => {
    const loop = virtual();
    const cm = { aenter: () => 5, aexit: () => false };
    expect(() => loop.runUntilCompleteSync(asyncWith(cm as never, function* () {}))).toThrow(
      /asyncWith: cm.aenter\(\): the value it returned must be a Future, a coroutine or a thenable, got number 5/,
    );
    expect(loop.runUntilCompleteSync(sleep(1, "still works"))).toBe("still works");
  });
});

