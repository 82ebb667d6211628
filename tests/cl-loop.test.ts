import { describe, expect, it } from "vitest";
import { CancelledError, EventLoop, Loop, RuntimeError, sleep, getEventLoop, setEventLoop } from "../src/index.js";

const virtual = () => new EventLoop({ clock: "virtual" });

function* waitForIt(timeout: number) {
  yield* sleep(timeout);
  return `success sleep for ${timeout} seconds`;
}

function* fail(msg: string): Generator<unknown, never, unknown> {
  yield* sleep(1);
  throw new Error(msg);
}

describe("Loop (the seed's cl.loop.Loop)", () => {
  it("returns the values of several futures in input order", () => {
    const loop = new Loop(waitForIt(5), waitForIt(3), { loop: virtual() });
    expect(loop.runUntilCompleteSync()).toEqual(["success sleep for 5 seconds", "success sleep for 3 seconds"]);
  });

  it("returns the value itself for a single future", () => {
    const loop = new Loop(waitForIt(4), { loop: virtual() });
    expect(loop.runUntilCompleteSync()).toBe("success sleep for 4 seconds");
  });

  it("runs what gather() added after construction", () => {
    const loop = new Loop({ returnExceptions: true, loop: virtual() });
    loop.gather(waitForIt(1), waitForIt(2));
    expect(loop.runUntilCompleteSync()).toEqual(["success sleep for 1 seconds", "success sleep for 2 seconds"]);
  });

  it("puts exceptions in the list with returnExceptions", () => {
    const loop = new Loop(waitForIt(1), fail("boom"), { returnExceptions: true, loop: virtual() });
    const [ok, err] = loop.runUntilCompleteSync() as [string, Error];
    expect(ok).toBe("success sleep for 1 seconds");
    expect(err.message).toBe("boom");
  });

  it("raises the first exception without returnExceptions", () => {
    const loop = new Loop(waitForIt(2), fail("boom"), { loop: virtual() });
    expect(() => loop.runUntilCompleteSync()).toThrow("boom");
  });

  it("runs asynchronously with runUntilComplete", async () => {
    const loop = new Loop(waitForIt(5), waitForIt(3), { loop: virtual() });
    await expect(loop.runUntilComplete()).resolves.toEqual(["success sleep for 5 seconds", "success sleep for 3 seconds"]);
  });

  it("exposes the single task, or the gather, as futures", () => {
    const one = new Loop(waitForIt(1), { loop: virtual() });
    expect(one.futures?.constructor.name).toBe("Task");
    const two = new Loop(waitForIt(1), waitForIt(2), { loop: virtual() });
    expect(two.futures?.constructor.name).toBe("GatheringFuture");
    expect(new Loop({ loop: virtual() }).futures).toBeNull();
  });

  it("cancel() cancels pending futures and the run returns null", () => {
    const loop = new Loop(waitForIt(1), waitForIt(2), { loop: virtual() });
    expect(loop.cancel()).toBe(true);
    expect(loop.runUntilCompleteSync()).toBeNull();
  });

  it("cancel() returns false once the futures are done", () => {
    const loop = new Loop(waitForIt(1), { loop: virtual() });
    loop.runUntilCompleteSync();
    expect(loop.cancel()).toBe(false);
  });

  it("closes the loop at the end of a using block by default", () => {
    const ev = virtual();
    {
      using loop = new Loop(waitForIt(1), { loop: ev });
      loop.runUntilCompleteSync();
    }
    expect(ev.isClosed()).toBe(true);
  });

  it("leaves the loop open with stopWhenDone: false", () => {
    const ev = virtual();
    {
      using loop = new Loop(waitForIt(1), { loop: ev, stopWhenDone: false });
      loop.runUntilCompleteSync();
    }
    expect(ev.isClosed()).toBe(false);
  });

  it("uses the current event loop when none is given", () => {
    const ev = virtual();
    setEventLoop(ev);
    try {
      expect(Loop.getEventLoop()).toBe(ev);
      expect(new Loop(waitForIt(1)).runUntilCompleteSync()).toBe("success sleep for 1 seconds");
    } finally {
      setEventLoop(null);
    }
  });

  it("getEventLoop returns the loop it is given, without making it current", () => {
    const ev = virtual();
    const newer = virtual();
    expect(Loop.getEventLoop(ev)).toBe(ev);
    expect(getEventLoop()).toBe(newer);
  });

  it("reports isRunning, isClosed, stop and close through its loop", () => {
    const ev = virtual();
    const loop = new Loop(waitForIt(1), { loop: ev });
    let seen = false;
    ev.callSoon(() => (seen = loop.isRunning()));
    loop.runUntilCompleteSync();
    expect(seen).toBe(true);
    expect(loop.isRunning()).toBe(false);
    loop.close();
    expect(loop.isClosed()).toBe(true);
  });

  it("throws RuntimeError when there is nothing to run", () => {
    expect(() => new Loop({ loop: virtual() }).runUntilCompleteSync()).toThrow(RuntimeError);
  });

  it("rejects a non-awaitable with a TypeError naming it", () => {
    expect(() => new Loop(42 as never, { loop: virtual() })).toThrow(/argument 0 must be a Future, a coroutine or a thenable/);
  });

  it("rejects unknown and mistyped options", () => {
    expect(() => new Loop({ return_exceptions: true } as never)).toThrow(TypeError);
    expect(() => new Loop({ stopWhenDone: "yes" } as never)).toThrow(/stopWhenDone must be a boolean/);
    expect(() => Loop.getEventLoop({} as never)).toThrow(/loop must be an EventLoop/);
  });

  it("is cancellable from inside the run", () => {
    const ev = virtual();
    const loop = new Loop(waitForIt(5), waitForIt(3), { loop: ev });
    ev.callLater(1, () => loop.cancel());
    expect(loop.runUntilCompleteSync()).toBeNull();
    expect(ev.time()).toBe(1);
  });
});

describe("the seed's examples", () => {
  it("with Loop(wait_for_it(5), wait_for_it(3), return_exceptions=True): both results, input order", () => {
    let result: unknown;
    {
      using loop = new Loop(waitForIt(5), waitForIt(3), { returnExceptions: true, loop: virtual() });
      result = loop.runUntilCompleteSync();
    }
    expect(result).toEqual(["success sleep for 5 seconds", "success sleep for 3 seconds"]);
  });

  it("with Loop(wait_for_it(4)): the single value", () => {
    let result: unknown;
    {
      using loop = new Loop(waitForIt(4), { loop: virtual() });
      result = loop.runUntilCompleteSync();
    }
    expect(result).toBe("success sleep for 4 seconds");
  });

  it("loop.gather(do_something(), do_something_else()) then with loop as l", () => {
    function* doSomething() {
      return "something";
    }
    function* doSomethingElse() {
      return "something_else";
    }
    const loop = new Loop({ returnExceptions: true, loop: virtual() });
    loop.gather(doSomething(), doSomethingElse());
    let result: unknown;
    {
      using l = loop;
      result = l.runUntilCompleteSync();
    }
    expect(result).toEqual(["something", "something_else"]);
  });
});

describe("Loop: running", () => {
  it("runs the futures concurrently: the run takes as long as the longest", () => {
    const ev = virtual();
    new Loop(waitForIt(5), waitForIt(3), { loop: ev }).runUntilCompleteSync();
    expect(ev.time()).toBe(5);
  });

  it("schedules the coroutines as tasks at construction, started in input order", () => {
    const ev = virtual();
    const started: string[] = [];
    function* job(name: string) {
      started.push(name);
      yield* sleep(0);
    }
    new Loop(job("a"), job("b"), job("c"), { loop: ev });
    ev.runUntilCompleteSync(sleep(0));
    expect(started).toEqual(["a", "b", "c"]);
  });

  it("uses a Future passed in as it is", () => {
    const ev = virtual();
    const fut = ev.createFuture<string>();
    const loop = new Loop(fut, { loop: ev });
    expect(loop.futures).toBe(fut);
    ev.callLater(2, () => fut.setResult("set"));
    expect(loop.runUntilCompleteSync()).toBe("set");
  });

  it("bridges a promise and resolves with its value in an asynchronous run", async () => {
    const loop = new Loop(Promise.resolve(7), { loop: virtual() });
    await expect(loop.runUntilComplete()).resolves.toBe(7);
  });

  it("returns a child's exception in the list with returnExceptions", () => {
    const ev = virtual();
    const child = ev.createTask(waitForIt(5));
    ev.callLater(1, () => child.cancel());
    const [first, second] = new Loop(child, waitForIt(2), { loop: ev, returnExceptions: true }).runUntilCompleteSync() as unknown[];
    expect(first).toBeInstanceOf(CancelledError);
    expect(second).toBe("success sleep for 2 seconds");
  });

  it("returns null when a child is cancelled without returnExceptions (gather raises CancelledError)", () => {
    const ev = virtual();
    const child = ev.createTask(waitForIt(5));
    ev.callLater(1, () => child.cancel());
    expect(new Loop(child, waitForIt(2), { loop: ev }).runUntilCompleteSync()).toBeNull();
  });

  it("throws RuntimeError when run from inside its running loop", () => {
    const ev = virtual();
    const loop = new Loop(waitForIt(1), { loop: ev });
    let error: unknown;
    ev.callSoon(() => {
      try {
        loop.runUntilCompleteSync();
      } catch (e) {
        error = e;
      }
    });
    ev.runUntilCompleteSync(sleep(2));
    expect(error).toBeInstanceOf(RuntimeError);
  });

  it("stop() from a task ends the run with RuntimeError", () => {
    const ev = virtual();
    const loop = new Loop(waitForIt(5), { loop: ev });
    ev.callLater(1, () => loop.stop());
    expect(() => loop.runUntilCompleteSync()).toThrow(/stopped before Future completed/);
    expect(ev.time()).toBe(1);
  });

  it("keeps its loop working after a run that raised", () => {
    const ev = virtual();
    expect(() => new Loop(fail("boom"), { loop: ev }).runUntilCompleteSync()).toThrow("boom");
    expect(new Loop(waitForIt(1), { loop: ev }).runUntilCompleteSync()).toBe("success sleep for 1 seconds");
  });

  it("gather() replaces what was gathered before", () => {
    const loop = new Loop(waitForIt(1), { loop: virtual() });
    loop.gather(waitForIt(2), waitForIt(3));
    expect(loop.runUntilCompleteSync()).toEqual(["success sleep for 2 seconds", "success sleep for 3 seconds"]);
  });
});

describe("Loop: cancel", () => {
  it("returns false when nothing was gathered", () => {
    expect(new Loop({ loop: virtual() }).cancel()).toBe(false);
  });

  it("still makes the run return null with returnExceptions", () => {
    const loop = new Loop(waitForIt(1), waitForIt(2), { returnExceptions: true, loop: virtual() });
    expect(loop.cancel()).toBe(true);
    expect(loop.runUntilCompleteSync()).toBeNull();
  });

  it("from the gathered coroutine itself makes the run return null", () => {
    const ev = virtual();
    const loop = new Loop({ loop: ev });
    function* nukeLoop() {
      loop.cancel();
      return "not returned";
    }
    loop.gather(nukeLoop());
    expect(loop.runUntilCompleteSync()).toBeNull();
  });

  it("makes an asynchronous run resolve to null", async () => {
    const ev = virtual();
    const loop = new Loop(waitForIt(5), { loop: ev });
    ev.callLater(1, () => loop.cancel());
    await expect(loop.runUntilComplete()).resolves.toBeNull();
  });
});

describe("Loop: the using block", () => {
  it("closes the loop even when the block throws", () => {
    const ev = virtual();
    expect(() => {
      using loop = new Loop(waitForIt(1), { loop: ev });
      loop.runUntilCompleteSync();
      throw new Error("inside");
    }).toThrow("inside");
    expect(ev.isClosed()).toBe(true);
  });

  it("gives the next Loop a fresh default loop once it closed the default one", () => {
    const ev = virtual();
    setEventLoop(ev);
    try {
      {
        using loop = new Loop(waitForIt(1));
        loop.runUntilCompleteSync();
      }
      expect(ev.isClosed()).toBe(true);
      const next = Loop.getEventLoop();
      expect(next).not.toBe(ev);
      expect(next.isClosed()).toBe(false);
    } finally {
      setEventLoop(null);
    }
  });

  it("stops, rather than closes, a loop that is still running", async () => {
    const ev = virtual();
    let run: Promise<unknown>;
    {
      using loop = new Loop(waitForIt(5), { loop: ev });
      run = loop.runUntilComplete();
    }
    await expect(run).rejects.toThrow(/stopped before Future completed/);
    expect(ev.isClosed()).toBe(false);
  });
});

describe("Loop: bad input", () => {
  it("names options.loop when it is not an EventLoop", () => {
    expect(() => new Loop(waitForIt(1), { loop: {} as never })).toThrow(/Loop: options\.loop must be an EventLoop/);
  });

  it("names options.returnExceptions when it is not a boolean", () => {
    expect(() => new Loop({ returnExceptions: 1 } as never)).toThrow(/options\.returnExceptions must be a boolean/);
  });

  it("names the bad argument and schedules none of the others", () => {
    const ev = virtual();
    let ran = false;
    function* spy() {
      ran = true;
    }
    expect(() => new Loop(spy(), "nope" as never, { loop: ev })).toThrow(/Loop: argument 1 must be a Future, a coroutine or a thenable, got/);
    ev.runUntilCompleteSync(sleep(1));
    expect(ran).toBe(false);
  });

  it("gather() with nothing throws TypeError (the seed's gather indexes its first future)", () => {
    expect(() => new Loop({ loop: virtual() }).gather()).toThrow(/Loop\.gather: at least one/);
  });

  it("leaves its loop usable after rejecting bad input", () => {
    const ev = virtual();
    expect(() => new Loop(waitForIt(1), 5 as never, { loop: ev })).toThrow(TypeError);
    expect(new Loop(waitForIt(1), { loop: ev }).runUntilCompleteSync()).toBe("success sleep for 1 seconds");
  });
});
