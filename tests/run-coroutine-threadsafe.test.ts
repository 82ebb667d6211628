// runCoroutineThreadsafe(): asyncio's run_coroutine_threadsafe, after CPython's
// RunCoroutineThreadsafeTests. JS has no threads: "another thread" is code outside the loop's
// callbacks (a host callback, a promise job, another loop), and the returned object is a
// thenable with concurrent.futures.Future's non-blocking methods.
import { describe, expect, it } from "vitest";
import {
  CancelledError, EventLoop, InvalidStateError, RuntimeError, allTasks, currentTask, ensureFuture, getRunningLoop,
  runCoroutineThreadsafe, sleep,
} from "../src/index.js";

import { signal, virtual } from "./fixtures.js";

/** CPython's `add`: waits 0.05 s and returns a + b, or fails, or cancels itself. */
function* add(a: number, b: number, opts: { fail?: boolean; cancel?: boolean } = {}) {
  yield* sleep(0.05);
  if (opts.fail) throw new Error("Fail!");
  if (opts.cancel) {
    currentTask()!.cancel();
    yield* sleep(0);
  }
  return a + b;
}

/** Runs `loop` on the host while `body` talks to it from outside; stops it afterwards. */
async function withRunningLoop<T>(loop: EventLoop, body: () => Promise<T>): Promise<T> {
  const running = loop.runForever();
  try {
    return await body();
  } finally {
    loop.stop();
    await running;
  }
}

/** Lets the host run its queued jobs and macrotasks (the loop's steps among them). */
const hostTurn = () => new Promise((r) => setTimeout(r, 0));

describe("runCoroutineThreadsafe: outcomes", () => {
  it("settles with the coroutine's result", async () => {
    const loop = virtual();
    const r = await withRunningLoop(loop, () => Promise.resolve(runCoroutineThreadsafe(add(1, 2), loop)));
    expect(r).toBe(3);
    expect(loop.time()).toBe(0.05);
  });

  it("rejects with the coroutine's exception", async () => {
    const loop = virtual();
    await withRunningLoop(loop, async () => {
      await expect(runCoroutineThreadsafe(add(1, 2, { fail: true }), loop)).rejects.toThrow("Fail!");
    });
  });

  it("rejects with CancelledError when the task is cancelled from inside, and reports cancelled()", async () => {
    const loop = virtual();
    await withRunningLoop(loop, async () => {
      const cf = runCoroutineThreadsafe(add(1, 2, { cancel: true }), loop);
      await expect(cf).rejects.toBeInstanceOf(CancelledError);
      expect([cf.done(), cf.cancelled()]).toEqual([true, true]);
    });
  });

  it("runs the coroutine as a task of the given loop", async () => {
    const loop = virtual();
    function* where() {
      yield;
      return [getRunningLoop() === loop, currentTask() !== null];
    }
    const r = await withRunningLoop(loop, () => Promise.resolve(runCoroutineThreadsafe(where(), loop)));
    expect(r).toEqual([true, true]);
  });

  it("wakes a loop that sleeps on a real clock until a far timer", async () => {
    const loop = new EventLoop(); // real clock
    const far = loop.callLater(30, () => {});
    const due = far.when();
    try {
      const r = await withRunningLoop(loop, async () => {
        await hostTurn(); // the loop is now asleep on the host, waiting for its 30 s timer
        return await runCoroutineThreadsafe(
          (function* () {
            return "woken";
          })(),
          loop,
        );
      });
      expect(r).toBe("woken");
      expect(loop.time()).toBeLessThan(due); // answered without waiting for the timer
    } finally {
      far.cancel();
      loop.close();
    }
  });

  it("lets a task of another loop wait for the result", async () => {
    const a = virtual();
    const b = virtual();
    const runningB = b.runForever();
    try {
      const r = await a.runUntilComplete(
        (function* () {
          return yield* ensureFuture(runCoroutineThreadsafe(add(20, 22), b));
        })(),
      );
      expect(r).toBe(42);
    } finally {
      b.stop();
      await runningB;
    }
  });
});

describe("runCoroutineThreadsafe: the returned object", () => {
  it("throws InvalidStateError from result() and exception() while pending", () => {
    const loop = virtual();
    const cf = runCoroutineThreadsafe(add(1, 2), loop);
    expect(cf.done()).toBe(false);
    expect(() => cf.result()).toThrow(InvalidStateError);
    expect(() => cf.exception()).toThrow(InvalidStateError);
    cf.cancel();
  });

  it("gives the value through result() and null through exception() once done", async () => {
    const loop = virtual();
    const cf = runCoroutineThreadsafe(add(1, 2), loop);
    await withRunningLoop(loop, () => Promise.resolve(cf));
    expect([cf.done(), cf.result(), cf.exception(), cf.cancelled()]).toEqual([true, 3, null, false]);
  });

  it("throws the exception from result() and returns it from exception() once failed", async () => {
    const loop = virtual();
    const cf = runCoroutineThreadsafe(add(1, 2, { fail: true }), loop);
    await withRunningLoop(loop, () => Promise.resolve(cf).catch(() => {}));
    expect(() => cf.result()).toThrow("Fail!");
    expect((cf.exception() as Error).message).toBe("Fail!");
  });

  it("works with the loop driven by runUntilCompleteSync", () => {
    const loop = virtual();
    const cf = runCoroutineThreadsafe(add(2, 3), loop);
    loop.runUntilCompleteSync(sleep(1));
    expect(cf.result()).toBe(5);
  });
});

describe("runCoroutineThreadsafe: cancel()", () => {
  it("cancels the running task and leaves no task pending (test_run_coroutine_threadsafe_with_timeout)", async () => {
    const loop = virtual();
    let seen: unknown = null;
    const started = signal();
    const ended = signal();
    function* long() {
      try {
        started.fire();
        yield* loop.createFuture(); // never set: only the cancellation ends it
      } catch (e) {
        seen = e;
        ended.fire();
        throw e;
      }
    }
    await withRunningLoop(loop, async () => {
      const cf = runCoroutineThreadsafe(long(), loop);
      await started.reached; // the task is inside the coroutine, waiting on the Future
      expect(cf.cancel()).toBe(true);
      await expect(cf).rejects.toBeInstanceOf(CancelledError);
      await ended.reached; // resumes after the loop iteration that threw the cancellation in and ended the task
    });
    expect(seen).toBeInstanceOf(CancelledError);
    expect(allTasks(loop).size).toBe(0);
  });

  it("before the loop picks the coroutine up: the task still starts, and is cancelled at its first await (asyncio)", () => {
    const loop = virtual();
    const log: string[] = [];
    const cf = runCoroutineThreadsafe(
      (function* () {
        log.push("started");
        try {
          yield* sleep(10);
          log.push("slept (never)");
        } catch (e) {
          log.push((e as Error).name);
          throw e;
        }
      })(),
      loop,
    );
    expect(cf.cancel()).toBe(true);
    loop.runUntilCompleteSync(sleep(1));
    expect(log).toEqual(["started", "CancelledError"]);
    expect([cf.cancelled(), allTasks(loop).size]).toEqual([true, 0]);
    expect(() => cf.result()).toThrow(CancelledError);
  });

  it("accepts a sleep() nothing has awaited yet, as asyncio accepts the sleep coroutine", async () => {
    const loop = virtual();
    const r = await withRunningLoop(loop, () => Promise.resolve(runCoroutineThreadsafe(sleep(1, 3), loop)));
    expect([r, loop.time()]).toEqual([3, 1]);
  });

  it("cancelling again after a cancel succeeds, as concurrent.futures' cancel() does", () => {
    const cf = runCoroutineThreadsafe(add(1, 1), virtual());
    expect([cf.cancel(), cf.cancel()]).toEqual([true, true]);
  });

  it("returns false once the outcome is settled", async () => {
    const loop = virtual();
    const cf = runCoroutineThreadsafe(add(1, 1), loop);
    await withRunningLoop(loop, () => Promise.resolve(cf));
    expect(cf.cancel()).toBe(false);
    expect(cf.result()).toBe(2);
  });
});

describe("runCoroutineThreadsafe: bad input", () => {
  it.each([
    ["a generator function (not called)", add],
    ["a Future", () => virtual().createFuture()],
    ["a promise", () => Promise.resolve(1)],
    ["null", () => null],
  ])("refuses %s as coro with TypeError naming coro", (_name, make) => {
    const v = make === add ? add : (make as () => unknown)();
    expect(() => runCoroutineThreadsafe(v as never, virtual())).toThrow(/^runCoroutineThreadsafe: coro must be a coroutine/);
  });

  it("refuses a loop that is not an EventLoop, naming loop", () => {
    expect(() => runCoroutineThreadsafe(add(1, 2), { callSoonThreadsafe() {} } as never)).toThrow(
      /^runCoroutineThreadsafe: loop must be an EventLoop, got Object/,
    );
  });

  it("refuses a closed loop with RuntimeError", () => {
    const loop = virtual();
    loop.close();
    expect(() => runCoroutineThreadsafe(add(1, 2), loop)).toThrow(RuntimeError);
  });

  it("leaves the loop working after a refused call", () => {
    const loop = virtual();
    expect(() => runCoroutineThreadsafe(42 as never, loop)).toThrow(TypeError);
    const cf = runCoroutineThreadsafe(add(1, 2), loop);
    loop.runUntilCompleteSync(sleep(1));
    expect(cf.result()).toBe(3);
  });
});
