// timeout() / timeoutAt() / Timeout: asyncio 3.12's timeouts.py, after CPython's
// test_timeouts.py, on the virtual clock (timings asserted through loop.time()).
import { describe, expect, it } from "vitest";
import {
  CancelledError, EventLoop, Future, RuntimeError, Task, Timeout, TimeoutError, asyncWith, currentTask,
  getRunningLoop, sleep, timeout, timeoutAt,
} from "../src/index.js";
import { virtual } from "./fixtures.js";

/** Runs `body` in a task on `loop` and returns its result. */
function run<T>(loop: EventLoop, body: () => Generator<unknown, T, any>): T {
  return loop.runUntilCompleteSync(body());
}

/** What a generator threw: its name, or "ok". */
function* outcome(g: Generator<unknown, unknown, any> | Future<unknown>): Generator<unknown, string, any> {
  try {
    yield* g;
    return "ok";
  } catch (e) {
    return (e as Error).name;
  }
}

describe("timeout: expiry", () => {
  it("raises TimeoutError at the deadline and marks the timeout expired (test_timeout_basic)", () => {
    const loop = virtual();
    let cm!: Timeout;
    const r = run(loop, function* () {
      cm = timeout(0.5);
      return yield* outcome(asyncWith(cm, function* () {
        yield* sleep(10);
      }));
    });
    expect([r, cm.expired(), loop.time()]).toEqual(["TimeoutError", true, 0.5]);
  });

  it("keeps the deadline given to timeoutAt (test_timeout_at_basic)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      yield* sleep(1);
      const cm = timeoutAt(getRunningLoop().time() + 2);
      const o = yield* outcome(asyncWith(cm, function* () {
        yield* sleep(10);
      }));
      return [o, cm.when(), cm.expired()];
    });
    expect(r).toEqual(["TimeoutError", 3, true]);
    expect(loop.time()).toBe(3);
  });

  it("throws CancelledError into the body's await (test_waiter_cancelled)", () => {
    const loop = virtual();
    const seen: string[] = [];
    run(loop, function* () {
      yield* outcome(asyncWith(timeout(1), function* () {
        try {
          yield* sleep(10);
        } catch (e) {
          seen.push((e as Error).name);
          throw e;
        }
      }));
    });
    expect(seen).toEqual(["CancelledError"]);
  });

  it("gives the TimeoutError the CancelledError as its cause (test_timeout_exception_cause)", () => {
    const loop = virtual();
    const err = run(loop, function* () {
      try {
        yield* asyncWith(timeout(0), function* () {
          yield* sleep(1);
        });
      } catch (e) {
        return e;
      }
    }) as TimeoutError;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.cause).toBeInstanceOf(CancelledError);
  });

  it("leaves the task's cancel count as it found it and its later awaits alone", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      yield* outcome(asyncWith(timeout(1), function* () {
        yield* sleep(10);
      }));
      const c = currentTask()!.cancelling();
      yield* sleep(5);
      return c;
    });
    expect([r, loop.time()]).toEqual([0, 6]);
  });

  it("does not cancel the task that ran the block (test_outer_task_is_not_cancelled)", () => {
    const loop = virtual();
    const task = loop.createTask((function* () {
      return yield* outcome(asyncWith(timeout(0.001), function* () {
        yield* sleep(10);
      }));
    })());
    expect(loop.runUntilCompleteSync(task)).toBe("TimeoutError");
    expect([task.cancelled(), task.done()]).toEqual([false, true]);
  });

  it("with delay 0 expires at the next iteration, even around sleep(0) (test_timeout_zero_sleep_zero)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      const cm = timeout(0);
      const o = yield* outcome(asyncWith(cm, function* () {
        yield* sleep(0);
      }));
      return [o, cm.expired(), cm.when()];
    });
    expect(r).toEqual(["TimeoutError", true, 0]);
  });

  it("with a deadline in the past expires at the next iteration (test_timeout_in_the_past_sleep_zero)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      yield* sleep(20);
      const cm = timeout(-11);
      return [yield* outcome(asyncWith(cm, function* () {
        yield* sleep(0);
      })), cm.when()];
    });
    expect(r).toEqual(["TimeoutError", 9]);
  });

  it("does not expire when the block ends first (test_timeout_not_called)", () => {
    const loop = virtual();
    const cm = run(loop, function* () {
      return yield* asyncWith(timeout(10), function* (t) {
        yield* sleep(0.01);
        return t;
      });
    });
    expect([cm.expired(), cm.when()! > loop.time(), String(cm)]).toEqual([false, true, "<Timeout [finished]>"]);
  });

  it("never expires with null or Infinity (test_timeout_disabled, test_timeout_at_disabled)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      const out: unknown[] = [];
      for (const cm of [timeout(null), timeoutAt(null), timeout(Infinity), timeoutAt(Infinity)]) {
        yield* asyncWith(cm, function* () {
          yield* sleep(1000);
        });
        out.push(cm.expired(), cm.when());
      }
      return out;
    });
    expect(r).toEqual([false, null, false, null, false, Infinity, false, Infinity]);
    expect(loop.time()).toBe(4000);
  });

  it("lets the body's own exception through (test_foreign_exception_passed)", () => {
    const loop = virtual();
    const boom = new RangeError("key");
    const r = run(loop, function* () {
      const cm = timeout(0.01);
      try {
        yield* asyncWith(cm, function* () {
          throw boom;
        });
      } catch (e) {
        return [e, cm.expired()];
      }
    });
    expect(r).toEqual([boom, false]);
  });

  it("lets an exception the cancelled body raises instead win (test_foreign_exception_on_timeout)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      return yield* outcome(asyncWith(timeout(0.01), function* () {
        try {
          yield* sleep(1);
        } finally {
          // eslint-disable-next-line no-unsafe-finally
          throw new RangeError("1/0");
        }
      }));
    });
    expect(r).toBe("RangeError");
  });

  it("passes a cancel from outside through when it has not expired (test_foreign_cancel_doesnt_timeout_if_not_expired)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      const cm = timeout(10);
      const o = yield* outcome(asyncWith(cm, function* () {
        currentTask()!.cancel();
        yield* sleep(10);
      }));
      currentTask()!.uncancel();
      return [o, cm.expired()];
    });
    expect(r).toEqual(["CancelledError", false]);
  });

  it("lets a cancel from outside in the iteration of the deadline win over the timeout", () => {
    const loop = virtual();
    let cm!: Timeout;
    const task = loop.createTask((function* () {
      cm = timeout(1);
      yield* asyncWith(cm, function* () {
        yield* sleep(10);
      });
    })());
    loop.callAt(1, () => task.cancel()); // the timeout's own timer, armed later for the same time, runs next
    expect(() => loop.runUntilCompleteSync(task)).toThrow(CancelledError);
    expect([task.cancelled(), cm.expired(), loop.time()]).toEqual([true, true, 1]);
  });

  it("ends normally when the body swallows the cancellation, expired all the same", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      const cm = timeout(1);
      const v = yield* asyncWith(cm, function* () {
        try {
          yield* sleep(10);
        } catch (e) {
          if (!(e instanceof CancelledError)) throw e;
        }
        return "swallowed";
      });
      return [v, cm.expired(), String(cm), currentTask()!.cancelling()];
    });
    expect(r).toEqual(["swallowed", true, "<Timeout [expired]>", 0]);
  });
});

describe("timeout: nesting", () => {
  it("with equal deadlines, only the outermost raises TimeoutError (test_nested_timeouts)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      const deadline = getRunningLoop().time() + 0.01;
      const cm1 = timeoutAt(deadline);
      const cm2 = timeoutAt(deadline);
      let inner = "";
      const o = yield* outcome(asyncWith(cm1, function* () {
        inner = yield* outcome(asyncWith(cm2, function* () {
          yield* sleep(10);
        }));
        if (inner === "CancelledError") throw new CancelledError();
      }));
      return [o, inner, cm1.expired(), cm2.expired()];
    });
    expect(r).toEqual(["TimeoutError", "CancelledError", true, true]);
  });

  it("an inner timeout that expires first raises TimeoutError inside the outer one, which goes on", () => {
    const loop = virtual();
    const log: unknown[] = [];
    run(loop, function* () {
      yield* asyncWith(timeout(5), function* () {
        log.push(yield* outcome(asyncWith(timeout(1), function* () {
          yield* sleep(10);
        })), getRunningLoop().time());
        yield* sleep(1);
      });
      log.push("outer done", getRunningLoop().time());
    });
    expect(log).toEqual(["TimeoutError", 1, "outer done", 2]);
  });

  it("an outer timeout that expires first cancels through the inner one (test_nested_timeouts_loop_busy)", () => {
    const loop = virtual();
    const log: unknown[] = [];
    run(loop, function* () {
      const outer = timeout(1);
      const inner = timeout(5);
      log.push(yield* outcome(asyncWith(outer, function* () {
        try {
          yield* asyncWith(inner, function* () {
            yield* sleep(10);
          });
        } catch (e) {
          log.push((e as Error).name);
          throw e;
        }
      })), outer.expired(), inner.expired(), getRunningLoop().time());
    });
    expect(log).toEqual(["CancelledError", "TimeoutError", true, false, 1]);
    expect(String(log)).not.toContain("ok");
  });

  it("works in a finally block of a timed-out body (test_nested_timeout_in_finally)", () => {
    const loop = virtual();
    const log: string[] = [];
    run(loop, function* () {
      log.push(yield* outcome(asyncWith(timeout(0.01), function* () {
        try {
          yield* sleep(1);
        } finally {
          log.push(yield* outcome(asyncWith(timeout(0.01), function* () {
            yield* sleep(10);
          })));
        }
      })));
    });
    expect(log).toEqual(["TimeoutError", "TimeoutError"]);
  });

  it("times out after the task swallowed a cancellation (test_timeout_after_cancellation)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      try {
        currentTask()!.cancel();
        yield* sleep(1);
      } catch {
        // swallowed: cancelling() stays 1
      }
      return yield* outcome(asyncWith(timeout(0), function* () {
        yield* sleep(1);
      }));
    });
    expect(r).toBe("TimeoutError");
  });

  it("lets a new cancel through after the task swallowed one (test_cancel_in_timeout_after_cancellation)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      try {
        currentTask()!.cancel();
        yield* sleep(1);
      } catch {
        // swallowed
      }
      return yield* outcome(asyncWith(timeout(1), function* () {
        currentTask()!.cancel();
        yield* sleep(2);
      }));
    });
    expect(r).toBe("CancelledError");
  });
});

describe("Timeout.reschedule", () => {
  it("moves the deadline later, then off, from another task (test_reschedule)", () => {
    const loop = virtual();
    const started = loop.createFuture<Timeout>();
    const task = loop.createTask((function* () {
      yield* asyncWith(timeoutAt(10), function* (cm) {
        started.setResult(cm);
        yield* sleep(50);
      });
    })());
    const cm = loop.runUntilCompleteSync(started);
    expect(cm.when()).toBe(10);
    cm.reschedule(30);
    expect(cm.when()).toBe(30);
    cm.reschedule(null);
    expect(cm.when()).toBeNull();
    expect(loop.runUntilCompleteSync(outcome(task))).toBe("ok");
    expect([cm.expired(), loop.time()]).toEqual([false, 50]);
  });

  it("moves the deadline earlier", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      return yield* outcome(asyncWith(timeout(100), function* (cm) {
        cm.reschedule(getRunningLoop().time() + 2);
        yield* sleep(50);
      }));
    });
    expect([r, loop.time()]).toEqual(["TimeoutError", 2]);
  });

  it("to a time already past expires at the next iteration", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      yield* sleep(5);
      return yield* outcome(asyncWith(timeout(100), function* (cm) {
        cm.reschedule(1);
        yield* sleep(50);
      }));
    });
    expect([r, loop.time()]).toEqual(["TimeoutError", 5]);
  });

  it("refuses before the timeout is entered (test_timeout_not_entered)", () => {
    const loop = virtual();
    run(loop, function* () {
      expect(() => timeout(0.01).reschedule(0.02)).toThrow(new RuntimeError("Timeout has not been entered"));
    });
  });

  it("refuses once the block exited (test_timeout_finished)", () => {
    const loop = virtual();
    run(loop, function* () {
      const cm = timeout(0.01);
      yield* asyncWith(cm, function* () {});
      expect(() => cm.reschedule(0.02)).toThrow(new RuntimeError("Cannot change state of finished Timeout"));
    });
  });

  it("refuses once expired (test_timeout_expired)", () => {
    const loop = virtual();
    run(loop, function* () {
      const cm = timeout(0.01);
      yield* outcome(asyncWith(cm, function* () {
        yield* sleep(1);
      }));
      expect(() => cm.reschedule(0.02)).toThrow(new RuntimeError("Cannot change state of expired Timeout"));
    });
  });

  it("refuses while expiring (test_timeout_expiring)", () => {
    const loop = virtual();
    let msg = "";
    run(loop, function* () {
      yield* asyncWith(timeout(0.01), function* (cm) {
        try {
          yield* sleep(1);
        } catch {
          try {
            cm.reschedule(0.02);
          } catch (e) {
            msg = (e as Error).message;
          }
        }
      });
    });
    expect(msg).toBe("Cannot change state of expiring Timeout");
  });

  it("refuses a bad when, and the timeout and loop stay usable", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      return yield* outcome(asyncWith(timeout(100), function* (cm) {
        expect(() => cm.reschedule(NaN)).toThrow(new RangeError("Timeout.reschedule: when must be a loop time in seconds, got NaN"));
        expect(() => cm.reschedule("1" as never)).toThrow(
          new TypeError('Timeout.reschedule: when must be a loop time in seconds (a number) or null, got string "1"'),
        );
        expect(cm.when()).toBe(100);
        cm.reschedule(3);
        yield* sleep(50);
      }));
    });
    expect([r, loop.time()]).toEqual(["TimeoutError", 3]);
    expect(loop.runUntilCompleteSync(sleep(1, "still fine"))).toBe("still fine");
  });
});

describe("Timeout: entering and leaving", () => {
  it("enters in the calling task, aenter giving the Timeout itself", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      const me = currentTask();
      const cm = timeout(1);
      return yield* asyncWith(cm, function* (t) {
        return [t === cm, currentTask() === me];
      });
    });
    expect(r).toEqual([true, true]);
  });

  it("runs aenter and aexit without a loop iteration", () => {
    const loop = virtual();
    const order: string[] = [];
    run(loop, function* () {
      loop.callSoon(() => order.push("callback"));
      const cm = timeout(1);
      yield* cm.aenter();
      order.push("entered");
      yield* cm.aexit(null);
      order.push("exited");
      yield* sleep(0);
    });
    expect(order).toEqual(["entered", "exited", "callback"]);
  });

  it("refuses to be entered while active (test_timeout_already_entered)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      return yield* asyncWith(timeout(0.01), function* (cm) {
        try {
          yield* asyncWith(cm, function* () {});
        } catch (e) {
          return (e as Error).message;
        }
      });
    });
    expect(r).toBe("Timeout has already been entered");
  });

  it("refuses to be entered twice (test_timeout_double_enter)", () => {
    const loop = virtual();
    run(loop, function* () {
      const cm = timeout(0.01);
      yield* asyncWith(cm, function* () {});
      expect(yield* outcome(asyncWith(cm, function* () {}))).toBe("RuntimeError");
    });
  });

  it("refuses to be entered outside a task (test_timeout_without_task)", () => {
    const loop = virtual();
    const cm = timeoutAt(1);
    let err: unknown = null;
    loop.callSoon(() => {
      try {
        cm.aenter()[Symbol.iterator]().next();
      } catch (e) {
        err = e;
      }
    });
    loop.runUntilCompleteSync(sleep(0.1));
    expect(err).toEqual(new RuntimeError("Timeout should be used inside a task"));
    expect(() => cm.reschedule(0.02)).toThrow("Timeout has not been entered");
  });

  it("refuses aexit without aenter", () => {
    const loop = virtual();
    run(loop, function* () {
      expect(yield* outcome(timeout(1).aexit(null))).toBe("RuntimeError");
    });
  });

  it("timeout() refuses to be made outside a running loop; timeoutAt() does not", () => {
    expect(() => timeout(1)).toThrow(new RuntimeError("no running event loop"));
    expect(timeoutAt(5).when()).toBe(5);
  });
});

describe("Timeout: repr and bad input", () => {
  it("shows its state as asyncio's repr (test_repr_*)", () => {
    const loop = virtual();
    const seen = run(loop, function* () {
      const out: string[] = [];
      const cm = timeout(10.12345);
      out.push(String(cm));
      yield* asyncWith(cm, function* () {
        out.push(String(cm));
      });
      out.push(String(cm));
      yield* asyncWith(timeout(null), function* (t) {
        out.push(String(t));
      });
      yield* asyncWith(timeout(2), function* (t) {
        out.push(String(t));
      });
      const ex = timeout(0.01);
      yield* outcome(asyncWith(ex, function* () {
        yield* sleep(1);
      }));
      out.push(String(ex));
      return out;
    });
    expect(seen).toEqual([
      "<Timeout [created]>",
      "<Timeout [active] when=10.123>",
      "<Timeout [finished]>",
      "<Timeout [active] when=None>",
      "<Timeout [active] when=2.0>",
      "<Timeout [expired]>",
    ]);
  });

  it("refuses delays and deadlines that are not numbers or are NaN, naming the call", () => {
    const loop = virtual();
    run(loop, function* () {
      expect(() => timeout("1" as never)).toThrow(new TypeError('timeout: delay must be a number of seconds, got string "1"'));
      expect(() => timeout(NaN)).toThrow(new RangeError("timeout: delay must be a number of seconds, got NaN"));
      expect(() => timeoutAt({} as never)).toThrow(/^timeoutAt: when must be a loop time in seconds \(a number\) or null, got Object/);
      expect(() => timeoutAt(NaN)).toThrow(RangeError);
      expect(() => new Timeout(true as never)).toThrow(/^Timeout: when must be/);
    });
  });

  it("leaves the loop usable after refusing bad input", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      try {
        timeout(NaN);
      } catch {
        // refused
      }
      return yield* outcome(asyncWith(timeout(1), function* () {
        yield* sleep(2);
      }));
    });
    expect([r, loop.time()]).toEqual(["TimeoutError", 1]);
  });

  it("runs in a Task of its own when asyncWith's Future is handed to createTask", () => {
    const loop = virtual();
    const cm = timeoutAt(1);
    const t = loop.createTask(asyncWith(cm, function* () {
      yield* sleep(5);
    }));
    expect(t).toBeInstanceOf(Task);
    expect(loop.runUntilCompleteSync(outcome(t))).toBe("TimeoutError");
    expect([cm.expired(), t.cancelled(), loop.time()]).toEqual([true, false, 1]);
  });
});
