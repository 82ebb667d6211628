// waitFor(): asyncio 3.12's wait_for (timeouts.timeout inside), after CPython's
// test_waitfor.py, on the virtual clock (timings asserted through loop.time()).
import { describe, expect, it } from "vitest";
import {
  CancelledError, EventLoop, Future, allTasks, getRunningLoop, setEventLoop, shield, sleep, waitFor,
} from "../src/index.js";
import { virtual, value } from "./fixtures.js";

/** Runs `body` in a task on `loop` and returns its result. */
function run<T>(loop: EventLoop, body: () => Generator<unknown, T, any> | Future<T>): T {
  return loop.runUntilCompleteSync(
    (function* () {
      return yield* body();
    })(),
  );
}

/** What `yield* waitFor(aw, timeout)` gives: its value, or the name of what it threw. */
function* outcome(aw: Parameters<typeof waitFor>[0], timeout: number | null) {
  try {
    return yield* waitFor(aw, timeout);
  } catch (e) {
    return (e as Error).name;
  }
}

/** A task body that ignores cancellation: it sleeps `d` seconds of loop time whatever happens. */
function* slowTask(d: number, state: { exited: boolean }) {
  const loop = getRunningLoop();
  const exitAt = loop.time() + d;
  while (loop.time() < exitAt) {
    try {
      yield* sleep(exitAt - loop.time());
    } catch {
      // cancellation ignored
    }
  }
  state.exited = true;
}

describe("waitFor: results and timeouts", () => {
  it("returns the result when it comes in time", () => {
    const loop = virtual();
    expect(run(loop, () => outcome(value("done", 0.5), 1))).toBe("done");
    expect(loop.time()).toBe(0.5);
  });

  it("on timeout cancels the inner task and raises TimeoutError (test_wait_for)", () => {
    const loop = virtual();
    let running: boolean | null = null;
    const fut = loop.createTask(
      (function* () {
        running = true;
        try {
          yield* sleep(3600);
        } finally {
          running = false;
        }
        return "done";
      })(),
    );
    expect(run(loop, () => outcome(fut, 0.1))).toBe("TimeoutError");
    expect([fut.cancelled(), running, loop.time()]).toEqual([true, false, 0.1]);
  });

  it("on timeout cancels a Future it waits on", () => {
    const loop = virtual();
    const f = loop.createFuture();
    expect(run(loop, () => outcome(f, 0.5))).toBe("TimeoutError");
    expect(f.cancelled()).toBe(true);
  });

  it("with timeout null or undefined waits as long as it takes", () => {
    const loop = virtual();
    expect(run(loop, () => outcome(value("late", 1000), null))).toBe("late");
    expect(run(loop, () => outcome(value("later", 1000), undefined as never))).toBe("later");
    expect(loop.time()).toBe(2000);
  });

  it("lets a result set before the timeout win (test_wait_for_race_condition)", () => {
    const loop = virtual();
    const fut = loop.createFuture<string>();
    const r = run(loop, function* () {
      const w = waitFor(fut, 0.2);
      loop.callSoon(() => fut.setResult("ok"));
      return yield* w;
    });
    expect(r).toBe("ok");
  });

  it("loses a result set in the same iteration as the timeout, before the task resumes (3.12)", () => {
    const loop = virtual();
    const fut = loop.createFuture<string>();
    loop.callLater(1, () => fut.setResult("late"));
    expect(run(loop, () => outcome(fut, 1))).toBe("TimeoutError");
    expect([fut.cancelled(), fut.result()]).toEqual([false, "late"]);
  });

  it("counts the timeout from when it is awaited, not when called", () => {
    const loop = virtual();
    const task = loop.createTask(value("v", 5.5));
    const r = run(loop, function* () {
      const w = waitFor(task, 1);
      yield* sleep(5);
      return yield* w;
    });
    expect([r, loop.time()]).toEqual(["v", 5.5]);
  });

  it("runs a coroutine inline in the waiting task, making no Task", () => {
    const loop = virtual();
    const sizes = run(loop, function* () {
      return yield* waitFor(
        (function* () {
          yield* sleep(1);
          return allTasks(loop).size;
        })(),
        5,
      );
    });
    expect(sizes).toBe(1);
  });

  it("waits for a promise", async () => {
    const loop = virtual();
    const r = await loop.runUntilComplete(
      (function* () {
        return yield* waitFor(Promise.resolve("promised"), 1);
      })(),
    );
    expect(r).toBe("promised");
  });

  it("gives the TimeoutError the CancelledError as its cause", () => {
    const loop = virtual();
    const cause = run(loop, function* () {
      try {
        yield* waitFor(loop.createFuture(), 1);
      } catch (e) {
        return (e as Error).cause;
      }
    });
    expect(cause).toBeInstanceOf(CancelledError);
  });
});

describe("waitFor: cancellation of the inner", () => {
  it("returns the value of an inner that suppresses the cancellation (test_wait_for_cancel_suppressed)", () => {
    const loop = virtual();
    function* return42() {
      try {
        yield* sleep(10);
      } catch {
        return 42;
      }
    }
    expect(run(loop, () => outcome(return42(), 0.1))).toBe(42);
    expect(loop.time()).toBe(0.1);
  });

  it("returns the result of an inner that catches the cancel and goes on (test_wait_for_cancellation_race_condition)", () => {
    const loop = virtual();
    function* inner() {
      let caught = false;
      try {
        yield* sleep(1);
      } catch (e) {
        caught = e instanceof CancelledError;
      }
      return caught ? 1 : 0;
    }
    expect(run(loop, () => outcome(inner(), 0.01))).toBe(1);
  });

  it("waits until the inner task has finished cancelling (test_wait_for_waits_for_task_cancellation)", () => {
    const loop = virtual();
    let taskDone = false;
    const innerTask = loop.createTask(
      (function* () {
        try {
          yield* sleep(10);
        } catch (e) {
          yield* sleep(0.5);
          throw e;
        } finally {
          taskDone = true;
        }
      })(),
    );
    expect(run(loop, () => outcome(innerTask, 1))).toBe("TimeoutError");
    expect([taskDone, loop.time()]).toEqual([true, 1.5]);
  });

  it("with timeout 0 also waits until the inner task has finished cancelling", () => {
    const loop = virtual();
    let taskDone = false;
    const innerTask = loop.createTask(
      (function* () {
        try {
          yield* sleep(10);
        } catch (e) {
          yield* sleep(0.5);
          throw e;
        } finally {
          taskDone = true;
        }
      })(),
    );
    const r = run(loop, function* () {
      yield* sleep(0.25);
      return yield* outcome(innerTask, 0);
    });
    expect([r, taskDone, loop.time()]).toEqual(["TimeoutError", true, 0.75]);
  });

  it("raises the exception an inner throws while being cancelled (test_wait_for_reraises_exception_during_cancellation)", () => {
    const loop = virtual();
    class FooError extends Error {
      override name = "FooError";
    }
    const innerTask = loop.createTask(
      (function* () {
        try {
          yield* sleep(0.2);
        } finally {
          // eslint-disable-next-line no-unsafe-finally
          throw new FooError();
        }
      })(),
    );
    expect(run(loop, () => outcome(innerTask, 0.1))).toBe("FooError");
  });

  it("keeps the inner running after the timeout when it is shielded (test_shielded_timeout)", () => {
    const loop = virtual();
    const task = loop.createTask(value("done", 0.1));
    expect(run(loop, () => outcome(shield(task), 0.01))).toBe("TimeoutError");
    expect([task.done(), task.cancelled()]).toEqual([false, false]);
    expect(loop.runUntilCompleteSync(task)).toBe("done");
  });

  it("with a shield and timeout null runs to completion (test_none_timeout)", () => {
    const loop = virtual();
    const task = loop.createTask(value("done", 0.1));
    expect(run(loop, () => outcome(shield(task), null))).toBe("done");
  });

  it("waits for an inner that ignores the cancellation, and returns what it returns (test_asyncio_wait_for_timeout)", () => {
    const loop = virtual();
    const state = { exited: false };
    expect(run(loop, () => outcome(slowTask(0.2, state), 0.1))).toBeUndefined();
    expect([state.exited, loop.time()]).toEqual([true, 0.2]);
  });
});

describe("waitFor: timeout <= 0", () => {
  it("returns the result of a done future (test_wait_for_timeout_less_then_0_or_0_future_done)", () => {
    const loop = virtual();
    const fut = loop.createFuture<string>();
    fut.setResult("done");
    expect(run(loop, () => outcome(fut, 0))).toBe("done");
  });

  it("raises the exception of a failed future", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    fut.setException(new RangeError("early"));
    expect(run(loop, () => outcome(fut, 0))).toBe("RangeError");
  });

  it("never starts a coroutine (test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started)", () => {
    const loop = virtual();
    let started = false;
    function* foo() {
      started = true;
    }
    expect(run(loop, () => outcome(foo(), 0))).toBe("TimeoutError");
    expect(started).toBe(false);
  });

  it.each([0, -1])("cancels a running task with timeout %s and raises TimeoutError at once", (timeout) => {
    const loop = virtual();
    let running: boolean | null = null;
    const started = loop.createFuture();
    const fut = loop.createTask(
      (function* () {
        running = true;
        started.setResult(undefined);
        try {
          yield* sleep(10);
        } finally {
          running = false;
        }
        return "done";
      })(),
    );
    const r = run(loop, function* () {
      yield* started;
      return yield* outcome(fut, timeout);
    });
    expect([r, fut.cancelled(), running, loop.time()]).toEqual(["TimeoutError", true, false, 0]);
  });

  it("cancels the shield but not the task it protects (WaitForShieldTests.test_zero_timeout)", () => {
    const loop = virtual();
    const task = loop.createTask(value("done", 0.01));
    const shielded = shield(task);
    expect(run(loop, () => outcome(shielded, 0))).toBe("TimeoutError");
    expect([task.done(), task.cancelled(), shielded.cancelled()]).toEqual([false, false, true]);
    loop.runUntilCompleteSync(sleep(0.1));
    expect(task.result()).toBe("done");
  });
});

describe("waitFor: cancellation of the waiter", () => {
  it.each([null, 60])("cancelling the waiting task cancels the inner (timeout %s)", (timeout) => {
    const loop = virtual();
    const task = loop.createTask(
      (function* () {
        yield* loop.createFuture(); // never set
      })(),
    );
    const w = loop.createTask(outcomeOrThrow(task, timeout));
    loop.callSoon(() => w.cancel());
    expect(() => loop.runUntilCompleteSync(w)).toThrow(CancelledError);
    expect(task.cancelled()).toBe(true);
  });

  it("passes the waiter's cancellation to the inner and ends when the inner does (test_asyncio_wait_for_cancelled)", () => {
    const loop = virtual();
    const state = { exited: false };
    const w = loop.createTask(outcomeOrThrow(slowTask(0.2, state), 0.4));
    loop.callLater(0.05, () => w.cancel());
    // the inner swallows the cancellation and returns: so does the waiter, as in asyncio
    expect(loop.runUntilCompleteSync(w)).toBeUndefined();
    expect([state.exited, loop.time()]).toEqual([true, 0.2]);
  });

  it("does not swallow a cancellation that comes after it returned (test_wait_for_issue86296)", () => {
    const loop = virtual();
    const innerTask = loop.createTask(
      (function* () {
        return "done";
      })(),
    );
    let reachedEnd = false;
    const task = loop.createTask(
      (function* () {
        yield* waitFor(innerTask, 100);
        yield* sleep(1);
        reachedEnd = true;
      })(),
    );
    run(loop, function* () {
      yield;
      task.cancel();
      try {
        yield* task;
      } catch {
        // expected
      }
    });
    expect([task.cancelled(), innerTask.result(), reachedEnd]).toEqual([true, "done", false]);
  });

  it("lets a cancellation from elsewhere win over the timeout that fires with it", () => {
    const loop = virtual();
    const w = loop.createTask(outcomeOrThrow(loop.createFuture(), 1));
    loop.runOnce(); // w starts and arms waitFor's timer
    loop.callLater(1, () => w.cancel()); // scheduled after waitFor's timer: both fire at 1
    expect(() => loop.runUntilCompleteSync(w)).toThrow(CancelledError);
    expect(loop.time()).toBe(1);
  });
});

describe("waitFor: bad input", () => {
  it("refuses a non-awaitable, naming aw, and the loop goes on", () => {
    const loop = virtual();
    expect(() => waitFor({ not: "awaitable" } as never, 1)).toThrow(/^waitFor: aw must be a Future, a coroutine or a thenable, got Object/);
    expect(run(loop, () => outcome(value(1), 2))).toBe(1);
  });

  it("refuses a NaN timeout with RangeError naming timeout", () => {
    expect(() => waitFor(virtual().createFuture(), NaN)).toThrow(new RangeError("waitFor: timeout must be a number of seconds, got NaN"));
  });

  it("refuses a timeout given as a string", () => {
    expect(() => waitFor(virtual().createFuture(), "1" as never)).toThrow(TypeError);
  });

  it("checks its arguments at the call, before a coroutine could be wrapped in a Task", () => {
    const loop = virtual();
    setEventLoop(loop);
    try {
      expect(() => waitFor(value(1), NaN)).toThrow(RangeError);
      expect(allTasks(loop).size).toBe(0);
    } finally {
      setEventLoop(null);
    }
  });
});

/** A task body: `yield* waitFor(aw, timeout)`, letting every exception out. */
function* outcomeOrThrow(aw: Parameters<typeof waitFor>[0], timeout: number | null) {
  return yield* waitFor(aw, timeout);
}
