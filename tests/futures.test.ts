// Future, as asyncio's: states, done callbacks through the loop, the three ways to await
// it, and the report of an exception nobody retrieved.
import { afterEach, describe, expect, it } from "vitest";
import {
  CancelledError,
  EventLoop,
  Future,
  InvalidStateError,
  isFuture,
  RuntimeError,
  setEventLoop,
  sleep,
  type ExceptionContext,
} from "../src/index.js";

const virtual = () => new EventLoop({ clock: "virtual" });

afterEach(() => setEventLoop(null));

describe("done callbacks", () => {
  it("run through the loop in registration order, not synchronously", () => {
    const loop = virtual();
    const fut = loop.createFuture<number>();
    const log: string[] = [];
    fut.addDoneCallback(() => log.push("first"));
    fut.addDoneCallback(() => log.push("second"));
    fut.addDoneCallback(() => log.push("third"));
    fut.setResult(1);
    expect(log).toEqual([]);
    loop.runOnce();
    expect(log).toEqual(["first", "second", "third"]);
  });

  it("receive the future", () => {
    const loop = virtual();
    const fut = loop.createFuture<number>();
    const seen: Future<number>[] = [];
    fut.addDoneCallback((f) => seen.push(f));
    fut.setResult(1);
    loop.runOnce();
    expect(seen).toEqual([fut]);
  });

  it("run after callbacks scheduled before the future was completed", () => {
    const loop = virtual();
    const fut = loop.createFuture<number>();
    const log: string[] = [];
    fut.addDoneCallback(() => log.push("done callback"));
    loop.callSoon(() => log.push("earlier callSoon"));
    fut.setResult(1);
    loop.callSoon(() => log.push("later callSoon"));
    loop.runOnce();
    expect(log).toEqual(["earlier callSoon", "done callback", "later callSoon"]);
  });

  it("added to a done future are scheduled for the next iteration", () => {
    const loop = virtual();
    const fut = loop.createFuture<string>();
    fut.setResult("x");
    const log: string[] = [];
    fut.addDoneCallback((f) => log.push(f.result()));
    expect(log).toEqual([]);
    loop.runOnce();
    expect(log).toEqual(["x"]);
  });

  it("run when the future is cancelled", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    const log: boolean[] = [];
    fut.addDoneCallback((f) => log.push(f.cancelled()));
    fut.cancel();
    loop.runOnce();
    expect(log).toEqual([true]);
  });

  it("removeDoneCallback removes every registration of the function and returns the count", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    const log: string[] = [];
    const a = () => log.push("a");
    const b = () => log.push("b");
    fut.addDoneCallback(a);
    fut.addDoneCallback(b);
    fut.addDoneCallback(a);
    expect(fut.removeDoneCallback(a)).toBe(2);
    expect(fut.removeDoneCallback(a)).toBe(0);
    fut.setResult(undefined);
    loop.runOnce();
    expect(log).toEqual(["b"]);
  });

  it("removeDoneCallback on a future without callbacks returns 0", () => {
    expect(virtual().createFuture().removeDoneCallback(() => {})).toBe(0);
  });

  it("addDoneCallback rejects what is not a function with a TypeError naming fn", () => {
    const fut = virtual().createFuture();
    expect(() => fut.addDoneCallback(3 as never)).toThrow(TypeError);
    expect(() => fut.addDoneCallback(3 as never)).toThrow("addDoneCallback: fn must be a function");
  });
});

describe("states", () => {
  it("a new future is pending: not done, not cancelled", () => {
    const fut = virtual().createFuture();
    expect(fut.done()).toBe(false);
    expect(fut.cancelled()).toBe(false);
  });

  it("result() while pending throws InvalidStateError", () => {
    const fut = virtual().createFuture();
    expect(() => fut.result()).toThrow(InvalidStateError);
    expect(() => fut.result()).toThrow("Result is not set.");
  });

  it("exception() while pending throws InvalidStateError", () => {
    const fut = virtual().createFuture();
    expect(() => fut.exception()).toThrow(InvalidStateError);
    expect(() => fut.exception()).toThrow("Exception is not set.");
  });

  it("setResult makes it done with that result and no exception", () => {
    const fut = virtual().createFuture<number[]>();
    const value = [1, 2];
    fut.setResult(value);
    expect(fut.done()).toBe(true);
    expect(fut.result()).toBe(value);
    expect(fut.exception()).toBe(null);
  });

  it("setException makes result() throw that exception and exception() return it", () => {
    const fut = virtual().createFuture();
    const err = new RangeError("bad");
    fut.setException(err);
    expect(fut.done()).toBe(true);
    expect(() => fut.result()).toThrow(err);
    expect(fut.exception()).toBe(err);
  });

  it("setException accepts a thrown value that is not an Error", () => {
    const fut = virtual().createFuture();
    fut.setException("plain string");
    expect(fut.exception()).toBe("plain string");
  });

  it("setException(undefined) throws a TypeError naming exception", () => {
    const fut = virtual().createFuture();
    expect(() => fut.setException(undefined)).toThrow("setException: exception must be a value to throw");
    expect(fut.done()).toBe(false);
  });

  it("cancel() returns true and makes it cancelled and done", () => {
    const fut = virtual().createFuture();
    expect(fut.cancel()).toBe(true);
    expect(fut.cancelled()).toBe(true);
    expect(fut.done()).toBe(true);
  });

  it("result() of a cancelled future throws CancelledError with the cancel message", () => {
    const fut = virtual().createFuture();
    fut.cancel("stop now");
    expect(() => fut.result()).toThrow(CancelledError);
    expect(() => fut.result()).toThrow("stop now");
  });

  it("exception() of a cancelled future throws CancelledError with the cancel message", () => {
    const fut = virtual().createFuture();
    fut.cancel("because");
    let caught: unknown = null;
    try {
      fut.exception();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CancelledError);
    expect((caught as Error).message).toBe("because");
  });

  it("cancel() without a message gives a CancelledError with an empty message", () => {
    const fut = virtual().createFuture();
    fut.cancel();
    expect(() => fut.result()).toThrow(new CancelledError(""));
  });

  it("cancel() of a done future returns false and changes nothing", () => {
    const fut = virtual().createFuture<number>();
    fut.setResult(3);
    expect(fut.cancel()).toBe(false);
    expect(fut.cancelled()).toBe(false);
    expect(fut.result()).toBe(3);
  });

  it.each([
    ["finished", (f: Future<number>) => f.setResult(1)],
    ["failed", (f: Future<number>) => (f.setException(new Error("x")), f.exception())],
    ["cancelled", (f: Future<number>) => f.cancel()],
  ])("setResult on a %s future throws InvalidStateError", (_state, complete) => {
    const fut = virtual().createFuture<number>();
    complete(fut);
    expect(() => fut.setResult(2)).toThrow(InvalidStateError);
  });

  it.each([
    ["finished", (f: Future<number>) => f.setResult(1)],
    ["cancelled", (f: Future<number>) => f.cancel()],
  ])("setException on a %s future throws InvalidStateError", (_state, complete) => {
    const fut = virtual().createFuture<number>();
    complete(fut);
    expect(() => fut.setException(new Error("late"))).toThrow(InvalidStateError);
  });

  it("getLoop() is the loop it was created on", () => {
    const loop = virtual();
    expect(loop.createFuture().getLoop()).toBe(loop);
    expect(new Future({ loop }).getLoop()).toBe(loop);
  });

  it("new Future() outside a running loop belongs to the default loop", () => {
    const loop = virtual();
    setEventLoop(loop);
    expect(new Future().getLoop()).toBe(loop);
  });

  it("new Future rejects options.loop that is not an EventLoop", () => {
    expect(() => new Future({ loop: {} as never })).toThrow("Future: options.loop must be an EventLoop");
  });
});

describe("awaiting", () => {
  it("yield* returns the result once the future is done", () => {
    const loop = virtual();
    const fut = loop.createFuture<string>();
    loop.callLater(2, () => fut.setResult("ready"));
    function* main() {
      const v = yield* fut;
      return [v, loop.time()];
    }
    expect(loop.runUntilCompleteSync(main())).toEqual(["ready", 2]);
  });

  it("yield* throws the future's exception into the coroutine", () => {
    const loop = virtual();
    const fut = loop.createFuture<string>();
    loop.callLater(1, () => fut.setException(new RangeError("nope")));
    function* main() {
      try {
        yield* fut;
        return "not thrown";
      } catch (e) {
        return `caught ${(e as Error).name}: ${(e as Error).message}`;
      }
    }
    expect(loop.runUntilCompleteSync(main())).toBe("caught RangeError: nope");
  });

  it("yield* on a done future returns its result without waiting for another task", () => {
    const loop = virtual();
    const fut = loop.createFuture<number>();
    fut.setResult(9);
    function* main() {
      return yield* fut;
    }
    expect(loop.runUntilCompleteSync(main())).toBe(9);
  });

  it("await in an async function resolves with the result (loop run with runUntilComplete)", async () => {
    const loop = virtual();
    const fut = loop.createFuture<number>();
    loop.callLater(5, () => fut.setResult(21));
    async function main() {
      const v = await fut;
      return v * 2;
    }
    await expect(loop.runUntilComplete(main())).resolves.toBe(42);
    expect(loop.time()).toBe(5);
  });

  it("await in an async function rejects with the exception", async () => {
    const loop = virtual();
    const fut = loop.createFuture<number>();
    loop.callLater(1, () => fut.setException(new RangeError("bad")));
    async function main() {
      try {
        await fut;
        return "not thrown";
      } catch (e) {
        return (e as Error).message;
      }
    }
    await expect(loop.runUntilComplete(main())).resolves.toBe("bad");
  });

  it("await on a cancelled future rejects with CancelledError", async () => {
    const fut = virtual().createFuture();
    fut.cancel("gone");
    await expect(fut).rejects.toThrow(CancelledError);
  });

  it("await on an already-done future resolves without running the loop", async () => {
    const loop = virtual();
    const fut = loop.createFuture<string>();
    fut.setResult("done already");
    expect(await fut).toBe("done already");
    expect(loop.isRunning()).toBe(false);
  });

  it("then() chains like a promise's", async () => {
    const fut = virtual().createFuture<number>();
    fut.setResult(2);
    await expect(fut.then((v) => v + 1)).resolves.toBe(3);
  });
});

describe("toString and isFuture", () => {
  it("shows a pending future and its callbacks", () => {
    const fut = virtual().createFuture();
    expect(String(fut)).toBe("<Future pending>");
    fut.addDoneCallback(() => {});
    expect(String(fut)).toBe("<Future pending cb=[1]>");
  });

  it("shows the result of a finished future", () => {
    const fut = virtual().createFuture<string>();
    fut.setResult("ok");
    expect(String(fut)).toBe("<Future finished result='ok'>");
  });

  it("shows the exception of a failed future", () => {
    const fut = virtual().createFuture();
    const err = new RangeError("bad");
    fut.setException(err);
    expect(String(fut)).toBe("<Future finished exception=RangeError('bad')>");
    fut.exception();
  });

  it("shows a cancelled future", () => {
    const fut = virtual().createFuture();
    fut.cancel();
    expect(String(fut)).toBe("<Future cancelled>");
  });

  it("yield* of a pending Future yields it, and throws RuntimeError if resumed while it is still pending", () => {
    const fut = virtual().createFuture();
    const it = fut[Symbol.iterator]();
    expect(it.next().value).toBe(fut);
    expect(() => it.next()).toThrow(new RuntimeError("yield* wasn't used with future"));
    expect(it.next()).toEqual({ value: undefined, done: true });
  });

  it("yield* of a done Future returns its result without yielding", () => {
    const fut = virtual().createFuture<number>();
    fut.setResult(7);
    expect(fut[Symbol.iterator]().next()).toEqual({ value: 7, done: true });
  });

  it("throw() into a Future's iterator rethrows and ends it, return() ends it with the value", () => {
    const fut = virtual().createFuture<number>();
    const a = fut[Symbol.iterator]();
    a.next();
    expect(() => a.throw(new Error("in"))).toThrow("in");
    fut.setResult(1);
    expect(a.next()).toEqual({ value: undefined, done: true });
    const b = fut[Symbol.iterator]();
    expect(b.return(5)).toEqual({ value: 5, done: true });
    expect(b.next()).toEqual({ value: undefined, done: true });
  });

  it("keeps one done callback without an array and runs two, then one after removing one, in order", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    const seen: string[] = [];
    const a = () => seen.push("a");
    const b = () => seen.push("b");
    fut.addDoneCallback(a);
    expect(String(fut)).toBe("<Future pending cb=[1]>");
    fut.addDoneCallback(b);
    fut.addDoneCallback(a);
    expect(fut.removeDoneCallback(a)).toBe(2);
    expect(String(fut)).toBe("<Future pending cb=[1]>");
    fut.addDoneCallback(a);
    fut.setResult(null);
    loop.runOnce();
    expect(seen).toEqual(["b", "a"]);
  });

  it("isFuture is true for Futures and Tasks", () => {
    const loop = virtual();
    expect(isFuture(loop.createFuture())).toBe(true);
    expect(isFuture(loop.createTask((function* () {})()))).toBe(true);
  });

  it("isFuture is false for promises, generators and plain objects", () => {
    expect(isFuture(Promise.resolve(1))).toBe(false);
    expect(isFuture((function* () {})())).toBe(false);
    expect(isFuture({ then() {} })).toBe(false);
    expect(isFuture(null)).toBe(false);
  });
});

describe("exceptions nobody retrieved", () => {
  const gc = (globalThis as { gc?: () => void }).gc!;

  /** Collects garbage and lets finalizers run, until `stop()` or for `rounds` rounds. */
  async function collect(stop: () => boolean, rounds = 20): Promise<void> {
    for (let i = 0; i < rounds && !stop(); i++) {
      gc();
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  function recordingLoop() {
    // the host's clock frozen: debug mode times callbacks with it, and a slow step under load
    // would add a report of its own
    const loop = new EventLoop({ clock: "virtual", host: { now: () => 0 } });
    const reports: ExceptionContext[] = [];
    loop.setExceptionHandler((_l, ctx) => reports.push(ctx));
    return { loop, reports };
  }

  // Each helper drops every reference to what it made before returning.
  function dropFailedFuture(loop: EventLoop, retrieve: boolean): void {
    const fut = loop.createFuture();
    fut.setException(new Error("lost future"));
    if (retrieve) fut.exception();
  }

  function dropFailedTask(loop: EventLoop, retrieve: boolean): void {
    const task = loop.createTask(
      (function* () {
        throw new Error("lost task");
      })(),
    );
    loop.runOnce();
    expect(task.done()).toBe(true);
    if (retrieve) expect(() => task.result()).toThrow("lost task");
  }

  /**
   * A task that waits forever on a Future nothing else holds. `then`: what the loop does
   * after the task's first wait — "age" runs four more iterations (the task goes old, held
   * weakly), "close" closes the loop, "young" nothing (the task stays held strongly).
   */
  function dropPendingTask(loop: EventLoop, then: "age" | "close" | "young"): WeakRef<object> {
    const task = loop.createTask(
      (function* () {
        yield* loop.createFuture(); // nothing else holds this future: the task waits forever
      })(),
      { name: "forgotten" },
    );
    loop.runOnce();
    expect(task.done()).toBe(false);
    if (then === "age") {
      for (let i = 0; i < 4; i++) {
        loop.callSoon(() => {});
        loop.runOnce();
      }
    } else if (then === "close") {
      loop.close();
    }
    return new WeakRef(task);
  }

  it("gc is exposed to the tests (vitest.config.ts execArgv --expose-gc)", () => {
    expect(typeof gc).toBe("function");
  });

  it("reports 'Future exception was never retrieved' through the loop's handler", async () => {
    const { loop, reports } = recordingLoop();
    dropFailedFuture(loop, false);
    await collect(() => reports.length > 0);
    expect(reports).toHaveLength(1);
    expect(reports[0].message).toBe("Future exception was never retrieved");
    expect((reports[0].exception as Error).message).toBe("lost future");
    expect(reports[0].future).toBe("<Future finished exception=Error('lost future')>");
  });

  it("does not report a Future exception that was retrieved", async () => {
    const { loop, reports } = recordingLoop();
    dropFailedFuture(loop, true);
    await collect(() => reports.length > 0, 10);
    expect(reports).toEqual([]);
  });

  it("does not report a Future exception retrieved by result() throwing it", async () => {
    const { loop, reports } = recordingLoop();
    (function () {
      const fut = loop.createFuture();
      fut.setException(new Error("seen"));
      expect(() => fut.result()).toThrow("seen");
    })();
    await collect(() => reports.length > 0, 10);
    expect(reports).toEqual([]);
  });

  it("does not report a Future that is dropped while pending", async () => {
    const { loop, reports } = recordingLoop();
    (function () {
      loop.createFuture();
    })();
    await collect(() => reports.length > 0, 10);
    expect(reports).toEqual([]);
  });

  it("reports 'Task exception was never retrieved' through the loop's handler", async () => {
    const { loop, reports } = recordingLoop();
    dropFailedTask(loop, false);
    await collect(() => reports.length > 0);
    expect(reports).toHaveLength(1);
    expect(reports[0].message).toBe("Task exception was never retrieved");
    expect((reports[0].exception as Error).message).toBe("lost task");
  });

  it("does not report a Task exception that was retrieved", async () => {
    const { loop, reports } = recordingLoop();
    dropFailedTask(loop, true);
    await collect(() => reports.length > 0, 10);
    expect(reports).toEqual([]);
  });

  it("reports 'Task was destroyed but it is pending!' for a pending task collected four iterations after its first wait", async () => {
    const { loop, reports } = recordingLoop();
    dropPendingTask(loop, "age");
    await collect(() => reports.length > 0);
    expect(reports).toHaveLength(1);
    expect(reports[0].message).toBe("Task was destroyed but it is pending!");
    expect(reports[0].task).toBe("<Task pending name='forgotten'>");
  });

  it("reports a pending task collected after its loop was closed, however young", async () => {
    const { loop, reports } = recordingLoop();
    dropPendingTask(loop, "close");
    await collect(() => reports.length > 0);
    expect(reports.map((r) => r.message)).toEqual(["Task was destroyed but it is pending!"]);
  });

  it("reports a task that never started, collected after its loop was closed", async () => {
    const { loop, reports } = recordingLoop();
    (function () {
      loop.createTask((function* () {})(), { name: "never-started" });
    })();
    loop.close();
    await collect(() => reports.length > 0);
    expect(reports.map((r) => r.task)).toEqual(["<Task pending name='never-started'>"]);
  });

  it("does not hold a task that ended within four iterations of its first wait", async () => {
    const loop = virtual();
    const collected: string[] = [];
    const watcher = new FinalizationRegistry<string>((name) => collected.push(name));
    (function () {
      const fut = loop.createFuture();
      const task = loop.createTask(
        (function* () {
          yield* fut;
        })(),
        { name: "ended-young" },
      );
      loop.runOnce();
      fut.setResult(1);
      loop.runOnce();
      if (!task.done()) throw new Error("the task did not end");
      watcher.register(task, task.getName());
    })();
    await collect(() => collected.length > 0);
    expect(collected).toEqual(["ended-young"]);
  });

  it("in debug mode reports a pending task collected right after its first wait", async () => {
    const { loop, reports } = recordingLoop();
    loop.setDebug(true);
    dropPendingTask(loop, "young");
    await collect(() => reports.length > 0);
    expect(reports.map((r) => r.message)).toEqual(["Task was destroyed but it is pending!"]);
  });

  it("holds a task strongly, and does not report it, for fewer than four iterations after its first wait", async () => {
    const { loop, reports } = recordingLoop();
    const ref = dropPendingTask(loop, "young");
    await collect(() => false, 5);
    expect(ref.deref()).toBeDefined();
    expect(reports).toEqual([]);
  });
});

describe("completing a Future of a closed loop (asyncio: only scheduling a callback fails)", () => {
  const closedWithCallback = () => {
    const loop = virtual();
    const fut = loop.createFuture<number>();
    const seen: unknown[] = [];
    fut.addDoneCallback((f) => seen.push(f));
    loop.close();
    return { fut, seen };
  };

  it("setResult with a done callback registered throws RuntimeError and leaves the Future finished", () => {
    const { fut, seen } = closedWithCallback();
    expect(() => fut.setResult(1)).toThrow(new RuntimeError("Event loop is closed"));
    expect(fut.done()).toBe(true);
    expect(fut.result()).toBe(1);
    expect(seen).toEqual([]);
  });

  it("setException with a done callback registered throws RuntimeError and leaves the exception set", () => {
    const { fut } = closedWithCallback();
    const err = new Error("boom");
    expect(() => fut.setException(err)).toThrow(RuntimeError);
    expect(fut.exception()).toBe(err);
  });

  it("cancel with a done callback registered throws RuntimeError and leaves the Future cancelled", () => {
    const { fut } = closedWithCallback();
    expect(() => fut.cancel()).toThrow(new RuntimeError("Event loop is closed"));
    expect(fut.cancelled()).toBe(true);
  });

  it("setResult with a waiting Task throws RuntimeError", () => {
    const loop = virtual();
    const fut = loop.createFuture<number>();
    const task = loop.createTask((function* () { return yield* fut; })());
    loop.runOnce(); // the task now waits on fut
    loop.close();
    expect(() => fut.setResult(1)).toThrow(RuntimeError);
    expect(task.done()).toBe(false);
  });

  it("setResult and cancel with no callback registered succeed, as in asyncio", () => {
    const loop = virtual();
    const a = loop.createFuture<number>();
    const b = loop.createFuture<number>();
    loop.close();
    a.setResult(7);
    expect(a.result()).toBe(7);
    expect(b.cancel()).toBe(true);
    expect(b.cancelled()).toBe(true);
  });
});

describe("cancel messages are any value", () => {
  it("a Symbol message: result() throws CancelledError with the message as a string and the Symbol in args", () => {
    const fut = virtual().createFuture();
    const why = Symbol("why");
    expect(fut.cancel(why)).toBe(true);
    let caught: unknown;
    try {
      fut.result();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CancelledError);
    expect((caught as CancelledError).message).toBe("Symbol(why)");
    expect((caught as CancelledError).args).toEqual([why]);
  });

  it("an object whose toString throws, and a null-prototype object, still give a CancelledError", () => {
    const hostile = { toString() { throw new Error("no"); } };
    const bare = Object.create(null);
    for (const msg of [hostile, bare]) {
      const fut = virtual().createFuture();
      fut.cancel(msg);
      expect(() => fut.result()).toThrow(CancelledError);
      expect(() => fut.exception()).toThrow(expect.objectContaining({ name: "CancelledError", message: "[object Object]", args: [msg] }));
    }
  });

  it("no message gives empty args, as Python's CancelledError()", () => {
    const fut = virtual().createFuture();
    fut.cancel();
    expect(() => fut.result()).toThrow(expect.objectContaining({ message: "", args: [] }));
    expect(new CancelledError("x").args).toEqual(["x"]);
    expect(new CancelledError().args).toEqual([]);
  });

  it("a sleeping task cancelled with a Symbol ends runUntilCompleteSync with that CancelledError", () => {
    const loop = virtual();
    const why = Symbol("shutdown");
    const task = loop.createTask((function* () { yield* sleep(10); })());
    loop.callLater(1, () => task.cancel(why));
    expect(() => loop.runUntilCompleteSync(task)).toThrow(expect.objectContaining({ name: "CancelledError", args: [why] }));
    expect(loop.time()).toBe(1);
  });

  it("a sleeping task cancelled with a Symbol rejects runUntilComplete with that CancelledError", async () => {
    const loop = virtual();
    const why = Symbol("shutdown");
    const task = loop.createTask((function* () { yield* sleep(10); })());
    loop.callLater(1, () => task.cancel(why));
    await expect(loop.runUntilComplete(task)).rejects.toMatchObject({ name: "CancelledError", message: "Symbol(shutdown)", args: [why] });
  });
});
