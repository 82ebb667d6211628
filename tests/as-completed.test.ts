// asCompleted(): asyncio 3.12's as_completed, after CPython's test_as_completed* in
// test_tasks.py, on the virtual clock. It returns an array of Futures (asyncio: a generator
// of _wait_for_one() coroutines); each is `yield*`-able and usable as a Future.
import { describe, expect, it } from "vitest";
import {
  CancelledError, EventLoop, Future, TimeoutError, asCompleted, ensureFuture, setEventLoop, sleep, wait,
} from "../src/index.js";
import { virtual, value, fail } from "./fixtures.js";

/** Runs `body` in a task on `loop` and returns its result. */
function run<T>(loop: EventLoop, body: () => Generator<unknown, T, any>): T {
  return loop.runUntilCompleteSync(
    (function* () {
      return yield* body();
    })(),
  );
}

/** Awaits each of `futs` in turn; a thrown error is recorded as its name and the time. */
function* collect<T>(loop: EventLoop, futs: Iterable<Future<T>>) {
  const out: unknown[] = [];
  for (const f of futs) {
    try {
      out.push([yield* f, loop.time()]);
    } catch (e) {
      out.push([(e as Error).name, loop.time()]);
    }
  }
  return out;
}

describe("asCompleted: order", () => {
  it("gives the results in completion order", () => {
    const loop = virtual();
    const r = run(loop, () => collect(loop, asCompleted([value("b", 0.01), value("c", 0.15), value("a", 0.005)])));
    expect(r).toEqual([["a", 0.005], ["b", 0.01], ["c", 0.15]]);
  });

  it("raises each exception in its completion turn", () => {
    const loop = virtual();
    const r = run(loop, () => collect(loop, asCompleted([value("x", 0.3), fail("y", 0.1), value("z", 0.2)])));
    expect(r).toEqual([["Error", 0.1], ["z", 0.2], ["x", 0.3]]);
  });

  it("gives the i-th result to the i-th Future, whichever is awaited first (test_as_completed_reverse_wait)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      const futs = asCompleted([value("a", 0.05), value("b", 0.1)]);
      expect(futs).toHaveLength(2);
      const x = yield* futs[1];
      const tx = loop.time();
      const y = yield* futs[0];
      return [x, tx, y, loop.time()];
    });
    expect(r).toEqual(["a", 0.05, "b", 0.1]);
  });

  it("gives a done awaitable's result first", () => {
    const loop = virtual();
    const done = loop.createFuture<string>();
    done.setResult("ready");
    const r = run(loop, () => collect(loop, asCompleted([value("later", 1), done])));
    expect(r).toEqual([["ready", 0], ["later", 1]]);
  });
});

describe("asCompleted: timeout", () => {
  it("raises TimeoutError for each one not complete at the timeout (test_as_completed_with_timeout)", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 0.1));
    const b = loop.createTask(value("b", 0.15));
    const r = run(loop, () => collect(loop, asCompleted([a, b], { timeout: 0.12 })));
    expect(r).toEqual([["a", 0.1], ["TimeoutError", 0.12]]);
  });

  it("leaves the originals running after the timeout", () => {
    const loop = virtual();
    const b = loop.createTask(value("b", 5));
    run(loop, () => collect(loop, asCompleted([b], { timeout: 1 })));
    expect(b.cancelled()).toBe(false);
    expect(loop.runUntilCompleteSync(b)).toBe("b");
  });

  it("raises nothing when everything completes in time, and drops its timer (test_as_completed_with_unused_timeout)", () => {
    const loop = virtual();
    const r = run(loop, () => collect(loop, asCompleted([value("a", 0.01)], { timeout: 1 })));
    expect(r).toEqual([["a", 0.01]]);
    expect(loop.nextWakeup()).toBe(Infinity);
  });

  it("with a negative timeout raises TimeoutError for all but those already done", () => {
    const loop = virtual();
    const done = loop.createFuture<string>();
    done.setResult("ready");
    const r = run(loop, () => collect(loop, asCompleted([value("x", 1), done], { timeout: -1 })));
    expect(r).toEqual([["ready", 0], ["TimeoutError", 0]]);
  });

  it("counts the timeout from the call", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      const futs = asCompleted([value("x", 3)], { timeout: 2 });
      yield* sleep(1);
      return yield* collect(loop, futs);
    });
    expect(r).toEqual([["TimeoutError", 2]]);
  });
});

describe("asCompleted: the Futures it returns", () => {
  it("counts a repeated awaitable once (test_as_completed_duplicate_coroutines)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      const c = value("ham", 0);
      const out: string[] = [];
      for (const f of asCompleted([c, c, value("spam", 0)])) out.push(yield* f);
      return out;
    });
    expect(r.sort()).toEqual(["ham", "spam"]);
  });

  it("can be wrapped with ensureFuture and awaited together (test_as_completed_concurrent)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      const futs = asCompleted([value("a", 0.05), value("b", 0.05)]);
      const [done] = yield* wait(futs.map((f) => ensureFuture(f)));
      return new Set([...done].map((f) => f.result()));
    });
    expect(r).toEqual(new Set(["a", "b"]));
    expect(loop.time()).toBe(0.05);
  });

  it("wakes the next consumer in line when one waiting consumer is cancelled", () => {
    const loop = virtual();
    const got: unknown[] = [];
    run(loop, function* () {
      const futs = asCompleted([value("p", 0.5), value("q", 1)]);
      function* consumer(f: Future<string>) {
        got.push([yield* f, loop.time()]);
      }
      const c1 = loop.createTask(consumer(futs[0]));
      const c2 = loop.createTask(consumer(futs[1]));
      yield* sleep(0.2);
      c1.cancel();
      yield* wait([c1, c2]);
    });
    expect(got).toEqual([["p", 0.5]]);
  });

  it("works with await in an async function", async () => {
    const loop = virtual();
    setEventLoop(loop);
    try {
      const out: string[] = [];
      async function main() {
        for (const f of asCompleted([value("slow", 2), value("fast", 1)])) out.push(await f);
      }
      await loop.runUntilComplete(main());
      expect(out).toEqual(["fast", "slow"]);
    } finally {
      setEventLoop(null);
    }
  });

  it("wraps coroutines on the running loop (test_as_completed_coroutine_use_running_loop)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      const futs = asCompleted([value(42, 0)]);
      expect(futs[0].getLoop()).toBe(loop);
      return yield* futs[0];
    });
    expect(r).toBe(42);
  });

  it("cancelling a returned Future's consumer leaves the original running", () => {
    const loop = virtual();
    const a = loop.createTask(value("a", 1));
    const t = loop.createTask(
      (function* () {
        return yield* asCompleted([a])[0];
      })(),
    );
    loop.callLater(0.5, () => t.cancel());
    expect(() => loop.runUntilCompleteSync(t)).toThrow(CancelledError);
    expect(loop.runUntilCompleteSync(a)).toBe("a");
  });
});

describe("asCompleted: bad input", () => {
  it("refuses a Future or a coroutine instead of an iterable (test_as_completed_invalid_args)", () => {
    expect(() => asCompleted(virtual().createFuture() as never)).toThrow(/^asCompleted: aws must be an iterable of awaitables, got Future/);
    expect(() => asCompleted(value(1) as never)).toThrow(/^asCompleted: aws must be an iterable of awaitables, got Generator/);
  });

  it("yields nothing for an empty iterable, and arms no timeout (as asyncio)", () => {
    const loop = virtual();
    setEventLoop(loop);
    try {
      expect(asCompleted(new Set<Future<unknown>>(), { timeout: 5 })).toEqual([]);
      expect(loop.nextWakeup()).toBe(Infinity);
    } finally {
      setEventLoop(null);
    }
  });

  it("refuses a NaN timeout with RangeError naming it", () => {
    expect(() => asCompleted([virtual().createFuture()], { timeout: NaN })).toThrow(
      new RangeError("asCompleted: options.timeout must be a number of seconds, got NaN"),
    );
  });

  it("refuses unknown options", () => {
    expect(() => asCompleted([virtual().createFuture()], { returnWhen: "x" } as never)).toThrow(/unknown option "returnWhen"/);
  });

  it("names the element that is not awaitable, and the loop still works afterwards", () => {
    const loop = virtual();
    expect(() => asCompleted([loop.createFuture(), 7] as never)).toThrow(/^asCompleted: aws\[1\] must be a Future/);
    const r = run(loop, () => collect(loop, asCompleted([value("ok", 1)])));
    expect(r).toEqual([["ok", 1]]);
  });

  it("refuses awaitables of two loops", () => {
    expect(() => asCompleted([virtual().createFuture(), virtual().createFuture()])).toThrow(/aws\[1\] is a Future of another event loop/);
  });
});

describe("asCompleted: TimeoutError", () => {
  it("is wasmloop's TimeoutError", () => {
    const loop = virtual();
    const err = run(loop, function* () {
      try {
        yield* asCompleted([value(1, 5)], { timeout: 1 })[0];
      } catch (e) {
        return e;
      }
    });
    expect(err).toBeInstanceOf(TimeoutError);
  });
});
