// gather(): asyncio 3.12's _GatheringFuture, case by case (after CPython's GatherTestsBase,
// FutureGatherTests, CoroutineGatherTests and test_cancel_gather_* in test_tasks.py).
import { describe, expect, it } from "vitest";
import {
  CancelledError, EventLoop, Future, RuntimeError, allTasks, gather, setEventLoop, sleep, type ExceptionContext,
} from "../src/index.js";
import { virtual, value, fail } from "./fixtures.js";

/** A coroutine that returns what `fut` gives (CoroutineGatherTests.wrap_futures). */
function* awaitIt<T>(fut: Future<T>) {
  return yield* fut;
}

/** Runs `body` in a task on `loop` (so coroutines it gathers go on that loop) and returns its result. */
function run<T>(loop: EventLoop, body: () => Generator<unknown, T, any> | Future<T>): T {
  return loop.runUntilCompleteSync(
    (function* () {
      return yield* body();
    })(),
  );
}

/** Runs every callback that is ready, without advancing time (test_utils.run_briefly until idle). */
function runReady(loop: EventLoop): void {
  while (loop.nextWakeup() <= loop.time()) loop.runOnce();
}

describe("gather: results", () => {
  it("gives the results in input order, not completion order", () => {
    const loop = virtual();
    const [a, b, c] = [loop.createFuture<number>(), loop.createFuture<number>(), loop.createFuture<number>()];
    const g = gather(a, b, c);
    b.setResult(1);
    a.setResult(2);
    c.setResult(3);
    expect(loop.runUntilCompleteSync(g)).toEqual([2, 1, 3]);
  });

  it("stays pending until the last child is done", () => {
    const loop = virtual();
    const [a, b, c] = [loop.createFuture<number>(), loop.createFuture<number>(), loop.createFuture<number>()];
    const g = gather(a, b, c);
    b.setResult(1);
    a.setResult(2);
    runReady(loop);
    expect(g.done()).toBe(false);
    c.setResult(3);
    runReady(loop);
    expect(g.result()).toEqual([2, 1, 3]);
  });

  it("runs coroutines concurrently: the gather takes as long as the longest child", () => {
    const loop = virtual();
    const r = run(loop, () => gather(value("a", 3), value("b", 1), value("c", 2)));
    expect([r, loop.time()]).toEqual([["a", "b", "c"], 3]);
  });

  it("accepts promises beside Futures and coroutines", async () => {
    const loop = virtual();
    const f = loop.createFuture<number>();
    loop.callLater(1, () => f.setResult(1));
    const r = await loop.runUntilComplete(
      (function* () {
        return yield* gather(f, value("two"), Promise.resolve(3n));
      })(),
    );
    expect(r).toEqual([1, "two", 3n]);
  });

  it("runs its done callbacks once", () => {
    const loop = virtual();
    const a = loop.createFuture<number>();
    const g = gather(a);
    const calls: unknown[] = [];
    g.addDoneCallback((f) => calls.push(f));
    a.setResult(1);
    runReady(loop);
    runReady(loop);
    expect(calls).toEqual([g]);
  });

  it("with returnExceptions true and no failure gives the plain results", () => {
    const loop = virtual();
    expect(run(loop, () => gather(value(1), value(2), { returnExceptions: true }))).toEqual([1, 2]);
  });

  it("is done at once when every child is already done", () => {
    const loop = virtual();
    const [a, b] = [loop.createFuture<number>(), loop.createFuture<number>()];
    a.setResult(1);
    b.setResult(2);
    const g = gather(a, b);
    expect(g.done()).toBe(true);
    expect(g.result()).toEqual([1, 2]);
  });
});

describe("gather: exceptions", () => {
  it("fails with the first exception at once and ignores what the other children do later", () => {
    const loop = virtual();
    const [a, b, c, d, e] = Array.from({ length: 5 }, () => loop.createFuture<number>());
    const g = gather(a, b, c, d, e);
    const exc = new RangeError("first");
    a.setResult(1);
    b.setException(exc);
    runReady(loop);
    expect(g.exception()).toBe(exc);
    c.setResult(3);
    d.cancel();
    e.setException(new Error("later"));
    runReady(loop);
    expect(g.exception()).toBe(exc);
  });

  it("does not cancel the siblings of a failing child", () => {
    const loop = virtual();
    const sibling = loop.createTask(value("sibling", 5));
    const r = loop.runUntilCompleteSync(
      (function* () {
        try {
          yield* gather(fail("boom", 1), sibling);
        } catch (e) {
          return [(e as Error).message, loop.time(), sibling.done()];
        }
      })(),
    );
    expect(r).toEqual(["boom", 1, false]);
    expect(loop.runUntilCompleteSync(sibling)).toBe("sibling");
    expect(loop.time()).toBe(5);
  });

  it("with returnExceptions puts the exceptions in the list, in input order", () => {
    const loop = virtual();
    const [a, b, c, d] = Array.from({ length: 4 }, () => loop.createFuture<number>());
    const g = gather(a, b, c, d, { returnExceptions: true });
    const exc = new RangeError("c");
    const exc2 = new TypeError("d");
    b.setResult(1);
    c.setException(exc);
    a.setResult(3);
    runReady(loop);
    expect(g.done()).toBe(false);
    d.setException(exc2);
    expect(loop.runUntilCompleteSync(g)).toEqual([3, 1, exc, exc2]);
  });

  it("marks the exceptions of children that fail after the gather as retrieved", async () => {
    const gc = (globalThis as { gc?: () => void }).gc!;
    const loop = virtual();
    const reports: ExceptionContext[] = [];
    loop.setExceptionHandler((_l, ctx) => reports.push(ctx));
    (function () {
      const r = loop.runUntilCompleteSync(
        (function* () {
          try {
            yield* gather(fail("first", 1), fail("second", 2));
          } catch (e) {
            return (e as Error).message;
          }
        })(),
      );
      expect(r).toBe("first");
      loop.runUntilCompleteSync(sleep(5)); // the second child fails meanwhile
      // the control: an exception nobody retrieved, which must be reported
      loop.createFuture().setException(new Error("control"));
    })();
    for (let i = 0; i < 20 && reports.length === 0; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(reports.map((r) => (r.exception as Error).message)).toEqual(["control"]);
  });
});

describe("gather: cancellation", () => {
  it("a child cancelled on its own fails the gather with CancelledError; the gather is not cancelled", () => {
    const loop = virtual();
    const [a, b, c] = Array.from({ length: 3 }, () => loop.createFuture<number>());
    const g = gather(a, b, c);
    a.setResult(1);
    b.cancel("only b");
    runReady(loop);
    expect(g.cancelled()).toBe(false);
    expect(g.exception()).toBeInstanceOf(CancelledError);
    expect((g.exception() as Error).message).toBe("only b");
    expect(c.cancelled()).toBe(false);
  });

  it("with returnExceptions a cancelled child is a CancelledError in the list, with its message", () => {
    const loop = virtual();
    const [a, b, c, d] = Array.from({ length: 4 }, () => loop.createFuture<number>());
    const g = gather(a, b, c, d, { returnExceptions: true });
    const zde = new RangeError("b");
    a.setResult(1);
    b.setException(zde);
    c.cancel("c went");
    runReady(loop);
    expect(g.done()).toBe(false);
    d.setResult(3);
    const res = loop.runUntilCompleteSync(g);
    expect(res[2]).toBeInstanceOf(CancelledError);
    expect((res[2] as Error).message).toBe("c went");
    expect([res[0], res[1], res[3]]).toEqual([1, zde, 3]);
  });

  it("cancelling the gather cancels every child not done, passing the message on", () => {
    const loop = virtual();
    const done = loop.createFuture<number>();
    done.setResult(1);
    const [a, b] = [loop.createFuture(), loop.createFuture()];
    const g = gather(done, a, b);
    expect(g.cancel("stop")).toBe(true);
    expect([a.cancelled(), b.cancelled(), done.cancelled()]).toEqual([true, true, false]);
    runReady(loop);
    expect(() => g.result()).toThrow(new CancelledError("stop"));
  });

  it("cancelling the task that awaits the gather cancels the children (cancellation broadcast)", () => {
    const loop = virtual();
    const waiter = loop.createFuture();
    let proof = 0;
    function* inner() {
      yield* waiter;
      proof += 1;
    }
    const child1 = loop.createTask(inner());
    const child2 = loop.createTask(inner());
    let gatherer: Future<unknown> | null = null;
    const outer = loop.createTask(
      (function* () {
        gatherer = gather(child1, child2);
        yield* gatherer;
        proof += 100;
      })(),
    );
    loop.runOnce();
    expect(outer.cancel()).toBe(true);
    expect(() => loop.runUntilCompleteSync(outer)).toThrow(CancelledError);
    expect(gatherer!.cancel()).toBe(false);
    expect([waiter.cancelled(), child1.cancelled(), child2.cancelled()]).toEqual([true, true, true]);
    runReady(loop);
    expect(proof).toBe(0);
  });

  it("a cancelled gather with returnExceptions raises CancelledError once every child is done", () => {
    const loop = virtual();
    function* stubborn() {
      try {
        yield* sleep(10);
      } catch {
        // ignores the cancellation, then takes 2 more seconds
      }
      yield* sleep(2);
      return "stubborn";
    }
    const task = loop.createTask(
      (function* () {
        return yield* gather(value("a", 5), stubborn(), { returnExceptions: true });
      })(),
    );
    loop.callLater(1, () => task.cancel());
    expect(() => loop.runUntilCompleteSync(task)).toThrow(CancelledError);
    expect(task.cancelled()).toBe(true);
    expect(loop.time()).toBe(3);
  });

  it("keeps the cancel message when a looping task is cancelled inside gather (test_cancel_gather_2)", () => {
    const loop = virtual();
    const qwe = loop.createTask(
      (function* () {
        for (;;) yield* gather(sleep(0.05), { returnExceptions: true });
      })(),
    );
    loop.callLater(0.2, () => qwe.cancel("my message"));
    expect(() => loop.runUntilCompleteSync(qwe)).toThrow(new CancelledError("my message"));
  });

  it("refuses cancel() once every child is done, even before the gather is (test_cancel_gather_1)", () => {
    const loop = virtual();
    const fut = loop.createFuture<number>();
    const g = loop.runUntilCompleteSync(
      (function* () {
        return gather(awaitIt(fut));
      })(),
    );
    runReady(loop); // the child now waits on fut, so it is woken before the callback below
    let cancelResult: boolean | null = null;
    fut.addDoneCallback(() => {
      cancelResult = g.cancel();
    });
    fut.setResult(42);
    expect(loop.runUntilCompleteSync(g)).toEqual([42]);
    expect(cancelResult).toBe(false);
  });

  it("cancel() of a done gather returns false", () => {
    const loop = virtual();
    const g = run(loop, function* () {
      const g = gather(value(1));
      yield* g;
      return g;
    });
    expect(g.cancel()).toBe(false);
  });
});

describe("gather: children", () => {
  it("takes the same awaitable twice as one child and repeats its result", () => {
    const loop = virtual();
    const c = value("abc", 1);
    const r = loop.runUntilCompleteSync(
      (function* () {
        return yield* gather(c, c, value("def", 1), c);
      })(),
    );
    expect(r).toEqual(["abc", "abc", "def", "abc"]);
  });

  it("wraps a repeated coroutine in one Task only", () => {
    const loop = virtual();
    const seen: number[] = [];
    loop.runUntilCompleteSync(
      (function* () {
        const c = value("x");
        const g = gather(c, c, c);
        seen.push(allTasks(loop).size);
        yield* g;
      })(),
    );
    expect(seen).toEqual([2]); // this task and one child
  });

  it("belongs to its children's loop", () => {
    const other = virtual();
    const children = [other.createFuture(), other.createFuture()];
    expect(gather(...children).getLoop()).toBe(other);
  });

  it("wraps coroutines on the current event loop when called outside a running loop", () => {
    const loop = virtual();
    setEventLoop(loop);
    try {
      const g = gather(value("abc"), value("def"));
      expect(g.getLoop()).toBe(loop);
      expect(loop.runUntilCompleteSync(g)).toEqual(["abc", "def"]);
    } finally {
      setEventLoop(null);
    }
  });

  it("with no arguments is a done Future with [] on the current event loop", () => {
    const loop = virtual();
    setEventLoop(loop);
    try {
      const g = gather();
      expect(g.getLoop()).toBe(loop);
      expect(g.done()).toBe(true);
      expect(g.result()).toEqual([]);
    } finally {
      setEventLoop(null);
    }
  });

  it("with no arguments inside a task uses the running loop", () => {
    const loop = virtual();
    const g = loop.runUntilCompleteSync(
      (function* () {
        return gather();
      })(),
    );
    expect(g.getLoop()).toBe(loop);
  });
});

describe("gather: bad input", () => {
  it("throws TypeError for a non-awaitable before making any Task", () => {
    const loop = virtual();
    let started = false;
    function* coro() {
      started = true;
      return 1;
    }
    setEventLoop(loop);
    try {
      expect(() => gather(coro(), 42 as never)).toThrow(/^gather: argument 1 must be a Future, a coroutine or a thenable, got number 42/);
      expect(allTasks(loop).size).toBe(0);
      loop.runUntilCompleteSync(sleep(1));
      expect(started).toBe(false);
    } finally {
      setEventLoop(null);
    }
  });

  it("takes a trailing class instance as an argument, not as options", () => {
    class Options {
      returnExceptions = true;
    }
    expect(() => gather(virtual().createFuture(), new Options() as never)).toThrow(/argument 1 must be a Future/);
  });

  it("refuses Futures of two loops with RuntimeError and cancels the Tasks it made for earlier coroutines", () => {
    const a = virtual();
    const b = virtual();
    let started = false;
    function* coro() {
      started = true;
      return 1;
    }
    setEventLoop(a);
    try {
      expect(() => gather(coro(), b.createFuture())).toThrow(RuntimeError);
      a.runUntilCompleteSync(sleep(1));
      expect(started).toBe(false);
    } finally {
      setEventLoop(null);
    }
  });

  it("leaves the loop working after a refused call", () => {
    const loop = virtual();
    expect(() => gather(loop.createFuture(), virtual().createFuture())).toThrow(/argument 1 is a Future of another event loop/);
    expect(run(loop, () => gather(value(1), value(2)))).toEqual([1, 2]);
  });

  it("throws TypeError for options that are not an object of known keys", () => {
    expect(() => gather(value(1), { returnExceptions: "yes" } as never)).toThrow(
      /^gather: options.returnExceptions must be a boolean, got string "yes"/,
    );
    expect(() => gather(value(1), { timeout: 1 } as never)).toThrow(/^gather: unknown option "timeout"/);
  });
});
