// wait(): asyncio 3.12's wait/_wait, after CPython's test_wait* in test_tasks.py, on the
// virtual clock (timings asserted through loop.time()).
import { describe, expect, it } from "vitest";
import {
  ALL_COMPLETED, CancelledError, EventLoop, FIRST_COMPLETED, FIRST_EXCEPTION, Future, RuntimeError, Task, allTasks,
  setEventLoop, sleep, wait,
} from "../src/index.js";
import { virtual, value, fail } from "./fixtures.js";

/**
 * Asserts `actual` holds exactly `expected`, by identity. (toEqual would iterate the Futures,
 * which are iterable for `yield*`, and so read their results.)
 */
function expectSet(actual: Set<Future<unknown>>, expected: Future<unknown>[]): void {
  expect(actual.size).toBe(expected.length);
  for (const f of expected) expect(actual.has(f)).toBe(true);
}

/** Runs `body` in a task on `loop` and returns its result. */
function run<T>(loop: EventLoop, body: () => Generator<unknown, T, any> | Future<T>): T {
  return loop.runUntilCompleteSync(
    (function* () {
      return yield* body();
    })(),
  );
}

describe("wait: returnWhen", () => {
  it("exports the constants as asyncio's strings", () => {
    expect([FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED]).toEqual(["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"]);
  });

  it("waits for every future by default (ALL_COMPLETED)", () => {
    const loop = virtual();
    const a = loop.createTask(value(undefined, 0.1));
    const b = loop.createTask(value(undefined, 0.15));
    const [done, pending] = run(loop, () => wait([b, a]));
    expectSet(done, [a, b]);
    expect(pending.size).toBe(0);
    expect(loop.time()).toBe(0.15);
  });

  it("takes no time when every future is already done", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 0.1));
    run(loop, () => wait([a]));
    const [done] = run(loop, () => wait([a]));
    expectSet(done, [a]);
    expect(loop.time()).toBe(0.1);
  });

  it("FIRST_COMPLETED returns when one is done, with the others pending", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 10));
    const b = loop.createTask(value("b", 0.1));
    const [done, pending] = run(loop, () => wait([b, a], { returnWhen: FIRST_COMPLETED }));
    expectSet(done, [b]);
    expectSet(pending, [a]);
    expect(loop.time()).toBe(0.1);
    expect(a.done()).toBe(false);
  });

  it("FIRST_COMPLETED counts a cancelled future as completed", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 10));
    const b = loop.createFuture();
    loop.callLater(1, () => b.cancel());
    const [done] = run(loop, () => wait([a, b], { returnWhen: FIRST_COMPLETED }));
    expectSet(done, [b]);
    expect(loop.time()).toBe(1);
  });

  it("puts in done every future that is done when it returns, not only the first (test_wait_really_done)", () => {
    const loop = virtual();
    const a = loop.createTask(
      (function* () {
        yield;
      })(),
    );
    const b = loop.createTask(
      (function* () {
        yield;
        yield;
      })(),
    );
    const [done, pending] = run(loop, () => wait([b, a], { returnWhen: FIRST_COMPLETED }));
    expectSet(done, [a, b]);
    expectSet(pending, []);
  });

  it("FIRST_EXCEPTION returns at once when a future has already failed", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 10));
    const b = loop.createTask(
      (function* () {
        throw new RangeError("err");
      })(),
    );
    const [done, pending] = run(loop, () => wait([b, a], { returnWhen: FIRST_EXCEPTION }));
    expectSet(done, [b]);
    expectSet(pending, [a]);
    expect(loop.time()).toBe(0);
  });

  it("FIRST_EXCEPTION returns when a future fails during the wait", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 10));
    const b = loop.createTask(fail("err", 0.01));
    const [done, pending] = run(loop, () => wait([b, a], { returnWhen: FIRST_EXCEPTION }));
    expectSet(done, [b]);
    expectSet(pending, [a]);
    expect(loop.time()).toBe(0.01);
  });

  it("FIRST_EXCEPTION does not count a cancellation as an exception", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 2));
    const b = loop.createTask(value("b", 10));
    loop.callLater(1, () => b.cancel());
    const [done] = run(loop, () => wait([a, b], { returnWhen: FIRST_EXCEPTION }));
    expectSet(done, [a, b]);
    expect(loop.time()).toBe(2);
  });

  it("FIRST_EXCEPTION with no failure waits for all", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 0.2));
    const b = loop.createTask(value("b", 0.1));
    const [done, pending] = run(loop, () => wait([a, b], { returnWhen: FIRST_EXCEPTION }));
    expect([done.size, pending.size, loop.time()]).toEqual([2, 0, 0.2]);
  });

  it("returns failed futures in done without raising (test_wait_with_exception)", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 0.1));
    const b = loop.createTask(fail("really", 0.15));
    const [done, pending] = run(loop, () => wait([b, a]));
    expect(pending.size).toBe(0);
    const failed = [...done].filter((f) => f.exception() !== null);
    expect(failed.length === 1 && failed[0] === b).toBe(true);
    expect(loop.time()).toBe(0.15);
  });
});

describe("wait: timeout", () => {
  it("returns the unfinished ones in pending at the timeout, without raising", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 0.1));
    const b = loop.createTask(value("b", 0.15));
    const [done, pending] = run(loop, () => wait([b, a], { timeout: 0.11 }));
    expectSet(done, [a]);
    expectSet(pending, [b]);
    expect(loop.time()).toBe(0.11);
  });

  it("counts a future finishing exactly at the timeout as done (test_wait_concurrent_complete)", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 0.1));
    const b = loop.createTask(value("b", 0.15));
    const [done, pending] = loop.runUntilCompleteSync(wait([b, a], { timeout: 0.1 }));
    expectSet(done, [a]);
    expectSet(pending, [b]);
    expect(loop.time()).toBe(0.1);
  });

  it("leaves the pending futures running", () => {
    const loop = virtual();
    const b = loop.createTask(value("b", 5));
    run(loop, () => wait([b], { timeout: 1 }));
    expect(b.cancelled()).toBe(false);
    expect(loop.runUntilCompleteSync(b)).toBe("b");
    expect(loop.time()).toBe(5);
  });

  it("cancels its timer when everything finishes first", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 1));
    run(loop, () => wait([a], { timeout: 100 }));
    expect(loop.nextWakeup()).toBe(Infinity);
  });

  it("timeout 0 returns after one pass with the unfinished ones pending", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 1));
    const [done, pending] = run(loop, () => wait([a], { timeout: 0 }));
    expect([done.size, pending.size, loop.time()]).toEqual([0, 1, 0]);
  });

  it("timeout null waits without limit", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 1000));
    const [done] = run(loop, () => wait([a], { timeout: null }));
    expect([done.size, loop.time()]).toEqual([1, 1000]);
  });

  it("starts counting when awaited, not when called", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 10));
    const [, pending] = run(loop, function* () {
      const w = wait([a], { timeout: 1 });
      yield* sleep(2);
      return yield* w;
    });
    expect([pending.size, loop.time()]).toEqual([1, 3]);
  });
});

describe("wait: inputs", () => {
  it("counts a repeated future once", () => {
    const loop = virtual();
    const c = loop.createTask(value("test", 0));
    const [done, pending] = run(loop, () => wait([c, c, loop.createTask(value("spam", 0))]));
    expect(pending.size).toBe(0);
    expect(new Set([...done].map((f) => f.result()))).toEqual(new Set(["test", "spam"]));
    expect(done.size).toBe(2);
  });

  it("accepts any iterable: an iterator of tasks", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 0.1));
    const b = loop.createTask(value("b", 0.15));
    const [done] = run(loop, () => wait([b, a][Symbol.iterator]()));
    expectSet(done, [a, b]);
  });

  it("refuses a generator object of tasks, which is a coroutine in this model (spread it into an array)", () => {
    const loop = virtual();
    const tasks = (function* () {
      for (let i = 0; i < 3; i++) yield loop.createTask(value(i, 0));
    })();
    expect(() => wait(tasks as never)).toThrow(/^wait: aws must be an iterable of awaitables, got Generator/);
    const [done] = run(loop, () => wait([...tasks]));
    expect(done.size).toBe(3);
  });

  it("wraps coroutines in Tasks (asyncio 3.12 refuses them)", () => {
    const loop = virtual();
    const [done] = run(loop, () => wait([value("a", 1), value("b", 2)]));
    expect([...done].every((f) => f instanceof Task)).toBe(true);
    expect(new Set([...done].map((f) => f.result()))).toEqual(new Set(["a", "b"]));
  });

  it("works as a Future handed to runUntilCompleteSync", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 1));
    const [done] = loop.runUntilCompleteSync(wait([a]));
    expectSet(done, [a]);
  });
});

describe("wait: cancellation", () => {
  it("cancelling the waiting task does not cancel the futures (test_yield_wait_does_not_shield_cancel)", () => {
    const loop = virtual();
    const waiter = loop.createFuture();
    let proof = 0;
    const inner = loop.createTask(
      (function* () {
        yield* waiter;
        proof += 1;
      })(),
    );
    const outer = loop.createTask(
      (function* () {
        yield* wait([inner]);
        proof += 100;
      })(),
    );
    loop.runOnce();
    outer.cancel();
    expect(() => loop.runUntilCompleteSync(outer)).toThrow(CancelledError);
    waiter.setResult(undefined);
    loop.runUntilCompleteSync(inner);
    expect(proof).toBe(1);
  });

  it("removes its done callbacks from the futures when cancelled", () => {
    const loop = virtual();
    const f = loop.createFuture();
    const outer = loop.createTask(
      (function* () {
        yield* wait([f]);
      })(),
    );
    loop.runOnce();
    expect(String(f)).toBe("<Future pending cb=[1]>");
    outer.cancel();
    expect(() => loop.runUntilCompleteSync(outer)).toThrow(CancelledError);
    expect(f._callbacks).toBeNull();
  });
});

describe("wait: bad input", () => {
  it("refuses an empty iterable with RangeError naming aws, and the loop goes on", () => {
    const loop = virtual();
    expect(() => wait(new Set<Future<unknown>>())).toThrow(new RangeError("wait: aws must not be empty"));
    const a = loop.createTask(value("a", 1));
    expect(run(loop, () => wait([a]))[0].size).toBe(1);
  });

  it("refuses a coroutine passed instead of a list", () => {
    expect(() => wait(value(1) as never)).toThrow(/^wait: aws must be an iterable of awaitables, got Generator/);
  });

  it("refuses an unknown returnWhen with RangeError naming it", () => {
    const loop = virtual();
    expect(() => wait([loop.createFuture()], { returnWhen: -1 as never })).toThrow(RangeError);
    expect(() => wait([loop.createFuture()], { returnWhen: -1 as never })).toThrow(/options.returnWhen/);
  });

  it("refuses a NaN or string timeout", () => {
    const loop = virtual();
    expect(() => wait([loop.createFuture()], { timeout: NaN })).toThrow(RangeError);
    expect(() => wait([loop.createFuture()], { timeout: "1" as never })).toThrow(/^wait: options.timeout must be a number of seconds/);
  });

  it("refuses options that are not an object or carry unknown keys", () => {
    const loop = virtual();
    expect(() => wait([loop.createFuture()], null as never)).toThrow(/^wait: options must be an object/);
    expect(() => wait([loop.createFuture()], { return_when: FIRST_COMPLETED } as never)).toThrow(/unknown option "return_when"/);
  });

  it("makes no Task when an element is not awaitable", () => {
    const loop = virtual();
    setEventLoop(loop);
    try {
      expect(() => wait([value(1), "x"] as never)).toThrow(/^wait: aws\[1\] must be a Future, a coroutine or a thenable/);
      expect(allTasks(loop).size).toBe(0);
    } finally {
      setEventLoop(null);
    }
  });

  it("refuses Futures of two loops and cancels the Tasks it made before noticing", () => {
    const loop = virtual();
    let started = false;
    setEventLoop(loop);
    try {
      expect(() =>
        wait([
          (function* () {
            started = true;
          })(),
          virtual().createFuture(),
        ]),
      ).toThrow(RuntimeError);
      loop.runUntilCompleteSync(sleep(1));
      expect(started).toBe(false);
    } finally {
      setEventLoop(null);
    }
  });
});
