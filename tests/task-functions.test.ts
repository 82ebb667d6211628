// Bad input to the task functions — a clear error naming the argument, the loop still
// working afterwards — and the behaviours not covered by the conformance scenarios.
import { describe, expect, it } from "vitest";
import {
  CancelledError, EventLoop, RuntimeError, TimeoutError, asCompleted, ensureFuture, gather, runCoroutineThreadsafe,
  setEventLoop, shield, sleep, wait, waitFor, FIRST_COMPLETED,
} from "../src/index.js";
import { signal, virtual, value } from "./fixtures.js";

/** Runs `body` as a task on a fresh virtual loop and returns its result. */
function inLoop<T>(body: (loop: EventLoop) => Generator<unknown, T, unknown>): T {
  const loop = virtual();
  return loop.runUntilCompleteSync(body(loop));
}

/** After an error, the same loop still runs a task to completion. */
function stillWorks(loop: EventLoop): void {
  expect(loop.runUntilCompleteSync(value("ok"))).toBe("ok");
}

describe("non-awaitables", () => {
  it.each([
    ["gather", () => gather(1 as never)],
    ["ensureFuture", () => ensureFuture("x" as never)],
    ["shield", () => shield(null as never)],
    ["waitFor", () => waitFor(42 as never, 1)],
  ])("%s rejects a non-awaitable with a TypeError naming it", (name, call) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(new RegExp(`^${name}: .* must be a Future, a coroutine or a thenable, got `));
  });

  it.each([
    ["wait", () => wait(5 as never)],
    ["asCompleted", () => asCompleted(null as never)],
  ])("%s rejects what is not an iterable of awaitables", (name, call) => {
    expect(call).toThrow(new RegExp(`^${name}: aws must be an iterable of awaitables`));
  });

  it("wait names the bad element", () => {
    expect(() => wait([virtual().createFuture(), 3] as never)).toThrow(/^wait: aws\[1\] must be a Future/);
  });

  it("wait rejects an empty iterable with RangeError", () => {
    expect(() => wait([])).toThrow(new RangeError("wait: aws must not be empty"));
  });

  it("a single Future or coroutine is not a list for wait", () => {
    expect(() => wait(virtual().createFuture() as never)).toThrow(TypeError);
  });
});

describe("timeouts", () => {
  it.each([
    ["waitFor", () => waitFor(virtual().createFuture(), NaN)],
    ["wait", () => wait([virtual().createFuture()], { timeout: NaN })],
    ["asCompleted", () => asCompleted([virtual().createFuture()], { timeout: NaN })],
  ])("%s rejects a NaN timeout with RangeError naming it", (_name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(/timeout must be a number of seconds, got NaN/);
  });

  it("an infinite timeout means none (asyncio takes math.inf): nothing is armed", () => {
    const loop = virtual();
    const fut = loop.createFuture<string>();
    loop.callLater(7, () => fut.setResult("late"));
    const r = loop.runUntilCompleteSync(
      (function* () {
        const items = asCompleted([fut], { timeout: Infinity });
        const [done] = yield* wait([fut], { timeout: Infinity });
        return [yield* waitFor(fut, Infinity), done.size, yield* items[0]];
      })(),
    );
    expect(r).toEqual(["late", 1, "late"]);
    expect(loop.time()).toBe(7);
  });

  it("a timeout of -Infinity has expired already", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    const r = loop.runUntilCompleteSync(
      (function* () {
        const [done, pending] = yield* wait([fut], { timeout: -Infinity });
        try {
          yield* waitFor(loop.createFuture(), -Infinity);
        } catch (e) {
          return [done.size, pending.size, (e as Error).name];
        }
      })(),
    );
    expect(r).toEqual([0, 1, "TimeoutError"]);
  });

  it("waitFor rejects a timeout that is not a number", () => {
    expect(() => waitFor(virtual().createFuture(), "1" as never)).toThrow(/^waitFor: timeout must be a number of seconds/);
  });

  it("a negative timeout means already expired (asyncio): waitFor raises TimeoutError", () => {
    const loop = virtual();
    const r = loop.runUntilCompleteSync(
      (function* () {
        try {
          yield* waitFor(value(1, 5), -1);
          return "no timeout";
        } catch (e) {
          return e instanceof TimeoutError ? "timeout" : String(e);
        }
      })(),
    );
    expect([r, loop.time()]).toEqual(["timeout", 0]);
  });

  it("a negative timeout in wait returns at once with everything pending", () => {
    const loop = virtual();
    const t = loop.createTask(value(1, 5));
    const [done, pending] = loop.runUntilCompleteSync(wait([t], { timeout: -1 }));
    expect([done.size, pending.size]).toEqual([0, 1]);
    expect(loop.time()).toBe(0);
  });
});

describe("options", () => {
  it("gather rejects a misspelt option", () => {
    expect(() => gather(value(1), { return_exceptions: true } as never)).toThrow(/unknown option "return_exceptions"/);
  });

  it("gather rejects a returnExceptions that is not a boolean", () => {
    expect(() => gather(value(1), { returnExceptions: 1 } as never)).toThrow(/returnExceptions must be a boolean/);
  });

  it("wait rejects an unknown returnWhen with RangeError naming it", () => {
    expect(() => wait([virtual().createFuture()], { returnWhen: "SOMETIME" as never })).toThrow(
      /^wait: options.returnWhen must be FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED/,
    );
  });
});

describe("awaitables of another loop", () => {
  it("gather refuses futures of two loops, and the loops still work", () => {
    const a = virtual();
    const b = virtual();
    expect(() => gather(a.createFuture(), b.createFuture())).toThrow(RuntimeError);
    expect(() => gather(a.createFuture(), b.createFuture())).toThrow(/argument 1 is a Future of another event loop/);
    stillWorks(a);
    stillWorks(b);
  });

  it("ensureFuture refuses a future of another loop than the one given", () => {
    const a = virtual();
    expect(() => ensureFuture(virtual().createFuture(), { loop: a })).toThrow(/another event loop/);
    stillWorks(a);
  });

  it("a task awaiting a future of another loop gets RuntimeError thrown in", () => {
    const other = virtual();
    const r = inLoop(function* () {
      try {
        yield* other.createFuture();
        return "no error";
      } catch (e) {
        return e instanceof RuntimeError ? "RuntimeError" : String(e);
      }
    });
    expect(r).toBe("RuntimeError");
  });

  it("wait refuses futures of two loops", () => {
    expect(() => wait([virtual().createFuture(), virtual().createFuture()])).toThrow(/aws\[1\] is a Future of another event loop/);
  });
});

describe("runCoroutineThreadsafe", () => {
  it("rejects a non-coroutine and a non-loop, naming them", () => {
    expect(() => runCoroutineThreadsafe(42 as never, virtual())).toThrow(/^runCoroutineThreadsafe: coro must be a coroutine/);
    expect(() => runCoroutineThreadsafe(value(1), {} as never)).toThrow(/^runCoroutineThreadsafe: loop must be an EventLoop/);
  });

  it("settles with the task's result, waking a loop that sleeps on the host", async () => {
    const loop = virtual();
    const running = loop.runForever();
    const result = await runCoroutineThreadsafe(value("from outside", 3), loop);
    loop.stop();
    await running;
    expect([result, loop.time()]).toEqual(["from outside", 3]);
  });

  it("cancel() cancels the task and rejects with CancelledError", async () => {
    const loop = virtual();
    let cancelled = false;
    const started = signal();
    const ended = signal();
    function* long() {
      try {
        started.fire();
        yield* loop.createFuture(); // never set: only the cancellation ends it
      } catch (e) {
        cancelled = e instanceof CancelledError;
        ended.fire();
        throw e;
      }
    }
    const running = loop.runForever();
    const cf = runCoroutineThreadsafe(long(), loop);
    await started.reached;
    expect(cf.cancel()).toBe(true);
    await expect(cf).rejects.toBeInstanceOf(CancelledError);
    await ended.reached;
    loop.stop();
    await running;
    expect(cancelled).toBe(true);
    expect(cf.cancel()).toBe(true); // concurrent.futures: cancelling a cancelled future succeeds
  });
});

describe("waitFor used as a Future", () => {
  it("is taken over by the loop that runs it when made outside any loop", () => {
    const loop = virtual();
    expect(loop.runUntilCompleteSync(waitFor(value("adopted", 1), 2))).toBe("adopted");
    expect(loop.time()).toBe(1);
  });

  it("runs in a task of its own under gather", () => {
    const loop = virtual();
    const r = loop.runUntilCompleteSync(
      (function* () {
        return yield* gather(waitFor(value("a", 1), 2), waitFor(value("b", 5), 2), { returnExceptions: true });
      })(),
    );
    expect(r[0]).toBe("a");
    expect(r[1]).toBeInstanceOf(TimeoutError);
    expect(loop.time()).toBe(2);
  });

  it("works with await in an async function run on the current loop", async () => {
    // an async function starts running when it is called: outside a loop, the futures it
    // makes belong to the current event loop, as with asyncio's get_event_loop()
    const loop = virtual();
    setEventLoop(loop);
    async function main() {
      return await waitFor(value("awaited", 1), 2);
    }
    try {
      await expect(loop.runUntilComplete(main())).resolves.toBe("awaited");
    } finally {
      setEventLoop(null);
    }
  });

  it("wait with FIRST_COMPLETED as a Future of runUntilComplete", () => {
    const loop = virtual();
    const [done] = loop.runUntilCompleteSync(wait([ensureFuture(value(1, 1), { loop }), ensureFuture(value(2, 3), { loop })], { returnWhen: FIRST_COMPLETED }));
    expect([...done].map((f) => f.result())).toEqual([1]);
    expect(loop.time()).toBe(1);
  });
});

describe("waitFor handed to ensureFuture", () => {
  it("cancelling the waitFor before the Task's first step cancels the Task; the coroutine never starts", () => {
    const loop = virtual();
    let started = false;
    const wf = waitFor(
      (function* () {
        started = true;
        yield* sleep(1);
      })(),
      5,
    );
    const task = ensureFuture(wf, { loop });
    wf.cancel();
    expect(() => loop.runUntilCompleteSync(task)).toThrow(CancelledError);
    expect([started, task.cancelled()]).toEqual([false, true]);
  });
});
