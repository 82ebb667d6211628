// The host drivers: runUntilComplete / runForever on the host's event loop, and
// runUntilCompleteSync on the caller's stack. Real clocks are faked through the host
// capabilities, so nothing here waits, except the one real-clock check at the end.
import { describe, expect, it } from "vitest";
import { EventLoop, RuntimeError, ensureFuture, getRunningLoop, sleep, type HostCapabilities } from "../src/index.js";

function expectWorking(loop: EventLoop): void {
  const log: string[] = [];
  loop.callSoon(() => log.push("ran"));
  loop.runOnce();
  expect(log).toEqual(["ran"]);
}

interface FakeTimer {
  fn: () => void;
  ms: number;
  cleared: boolean;
}

/** A host whose clock, timers and macrotasks the test drives by hand. */
function fakeHost(extra: Partial<HostCapabilities> = {}) {
  let ms = 1000;
  const timers: FakeTimer[] = [];
  const posts: (() => void)[] = [];
  const host: HostCapabilities = {
    now: () => ms,
    setTimeout: (fn, delay) => {
      const t = { fn, ms: delay, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimeout: (t) => {
      (t as FakeTimer).cleared = true;
    },
    macrotask: (fn) => void posts.push(fn),
    ...extra,
  };
  return {
    host,
    timers,
    posts,
    advance(delta: number) {
      ms += delta;
    },
    /** armed host timers not cleared and not fired */
    live: () => timers.filter((t) => !t.cleared),
    /** fires host timer i (it must be live) */
    fire(i: number) {
      const t = timers[i];
      expect(t.cleared).toBe(false);
      t.cleared = true;
      t.fn();
    },
    runPosted() {
      const fns = posts.splice(0);
      for (const fn of fns) fn();
    },
  };
}

describe("runUntilComplete on the virtual clock", () => {
  it("resolves with the value of a coroutine", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    function* main() {
      yield* sleep(100);
      return "done";
    }
    await expect(loop.runUntilComplete(main())).resolves.toBe("done");
    expect(loop.time()).toBe(100);
  });

  it("rejects with the exception of the awaitable", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    function* main(): Generator<unknown, never> {
      yield* sleep(1);
      throw new RangeError("no");
    }
    await expect(loop.runUntilComplete(main())).rejects.toThrow(RangeError);
  });

  it("completes a run on a promise resolved by queueMicrotask", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const p = new Promise<number>((resolve) => queueMicrotask(() => resolve(5)));
    await expect(loop.runUntilComplete(p)).resolves.toBe(5);
  });

  it("lets promise jobs and host macrotasks run between iterations", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    function* main() {
      const fromHost = new Promise<number>((resolve) => setImmediate(() => resolve(7)));
      const v = yield* ensureFuture(fromHost);
      return v * 6;
    }
    await expect(loop.runUntilComplete(main())).resolves.toBe(42);
  });

  it("rejects with RuntimeError when the loop is stopped before the awaitable is done", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    loop.callLater(1, () => loop.stop());
    await expect(loop.runUntilComplete(sleep(5))).rejects.toThrow("Event loop stopped before Future completed.");
    expectWorking(loop);
  });

  it("is not running once it has resolved", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    await loop.runUntilComplete(sleep(1));
    expect(loop.isRunning()).toBe(false);
    expect(() => getRunningLoop()).toThrow(RuntimeError);
  });
});

describe("runForever", () => {
  it("resolves after stop()", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    loop.callLater(5, () => loop.stop());
    await loop.runForever();
    expect(loop.time()).toBe(5);
    expect(loop.isRunning()).toBe(false);
  });

  it("is woken by callSoonThreadsafe from a host callback while it sleeps with nothing scheduled", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const log: string[] = [];
    const run = loop.runForever();
    setImmediate(() =>
      loop.callSoonThreadsafe((who: string) => {
        log.push(`woken by ${who}`);
        loop.stop();
      }, "host"),
    );
    await run;
    expect(log).toEqual(["woken by host"]);
  });

  it("is stopped by stop() from a host callback while it sleeps", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const run = loop.runForever();
    setImmediate(() => loop.stop());
    await run;
    expect(loop.isRunning()).toBe(false);
  });

  it("getRunningLoop sees the loop in promise jobs between its iterations", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    let seen: EventLoop | null = null;
    const run = loop.runForever();
    await Promise.resolve();
    seen = getRunningLoop();
    loop.stop();
    await run;
    expect(seen).toBe(loop);
  });
});

describe("an asynchronous run on a real clock", () => {
  it("arms one host timer for the next deadline, with the delay in ms", async () => {
    const h = fakeHost();
    const loop = new EventLoop({ host: h.host });
    loop.callLater(4, () => {});
    loop.callLater(2.5, () => {});
    const run = loop.runForever();
    expect(h.live().map((t) => t.ms)).toEqual([2500]);
    loop.stop();
    h.runPosted();
    await run;
  });

  it("does not post macrotasks while it sleeps on a timer", async () => {
    const h = fakeHost();
    const loop = new EventLoop({ host: h.host });
    loop.callLater(2.5, () => loop.stop());
    const run = loop.runForever();
    expect(h.posts).toHaveLength(0);
    h.advance(2500);
    h.fire(0);
    await run;
    expect(h.posts).toHaveLength(0);
    expect(h.timers).toHaveLength(1);
  });

  it("runs the due timer when the host timer fires, then arms the next one", async () => {
    const h = fakeHost();
    const loop = new EventLoop({ host: h.host });
    const log: number[] = [];
    loop.callLater(2.5, () => log.push(loop.time()));
    loop.callLater(4, () => loop.stop());
    const run = loop.runForever();
    h.advance(2500);
    h.fire(0);
    expect(log).toEqual([3.5]); // the fake clock started at 1000 ms
    expect(h.live().map((t) => t.ms)).toEqual([1500]);
    h.advance(1500);
    h.fire(1);
    await run;
  });

  it("re-arms for the rest when the host timer fires early", async () => {
    const h = fakeHost();
    const loop = new EventLoop({ host: h.host });
    const log: string[] = [];
    loop.callLater(2.5, () => log.push("due"));
    const run = loop.runForever();
    h.advance(2499.5);
    h.fire(0);
    expect(log).toEqual([]);
    expect(h.live().map((t) => t.ms)).toEqual([1]);
    expect(h.posts).toHaveLength(0);
    h.advance(0.5);
    h.fire(1);
    expect(log).toEqual(["due"]);
    loop.stop();
    h.runPosted();
    await run;
  });

  it("posts one macrotask per iteration while callbacks are ready", async () => {
    const h = fakeHost();
    const loop = new EventLoop({ host: h.host });
    let n = 0;
    const again = () => {
      if (++n < 3) loop.callSoon(again);
      else loop.stop();
    };
    loop.callSoon(again);
    const run = loop.runForever(); // the first iteration runs at once
    expect(n).toBe(1);
    expect(h.posts).toHaveLength(1);
    h.runPosted();
    expect(n).toBe(2);
    expect(h.posts).toHaveLength(1);
    h.runPosted();
    await run;
    expect(n).toBe(3);
    expect(h.timers).toHaveLength(0);
  });

  it("clears its host timer and posts one macrotask when woken by callSoonThreadsafe", async () => {
    const h = fakeHost();
    const loop = new EventLoop({ host: h.host });
    const log: string[] = [];
    loop.callLater(60, () => log.push("timer"));
    const run = loop.runForever();
    loop.callSoonThreadsafe(() => {
      log.push("threadsafe");
      loop.stop();
    });
    loop.callSoonThreadsafe(() => log.push("second"));
    expect(h.timers[0].cleared).toBe(true);
    expect(h.posts).toHaveLength(1);
    h.runPosted();
    await run;
    expect(log).toEqual(["threadsafe", "second"]);
  });

  it("re-arms the host timer for an earlier deadline scheduled while it sleeps", async () => {
    const h = fakeHost();
    const loop = new EventLoop({ host: h.host });
    const log: string[] = [];
    loop.callLater(60, () => log.push("late"));
    const run = loop.runForever();
    loop.callLater(0.25, () => {
      log.push("early");
      loop.stop();
    });
    expect(h.timers[0].cleared).toBe(true);
    h.runPosted(); // the wake-up iteration: nothing due yet, so it sleeps again
    expect(h.live().map((t) => t.ms)).toEqual([250]);
    h.advance(250);
    h.fire(1);
    await run;
    expect(log).toEqual(["early"]);
  });

  it("ends the run with the error when the host cannot arm a timer, and the loop stays usable", async () => {
    const loop = new EventLoop({
      host: {
        now: () => 0,
        setTimeout: () => {
          throw new Error("no timers here");
        },
      },
    });
    loop.callLater(1, () => {});
    await expect(loop.runForever()).rejects.toThrow("no timers here");
    expect(loop.isRunning()).toBe(false);
    expectWorking(loop);
  });

  it("ends the run with the error when the host cannot post a macrotask, and the loop stays usable", async () => {
    const loop = new EventLoop({
      clock: "virtual",
      host: {
        macrotask: () => {
          throw new Error("no macrotasks here");
        },
      },
    });
    const log: string[] = [];
    loop.callSoon(() => loop.callSoon(() => log.push("second iteration")));
    await expect(loop.runForever()).rejects.toThrow("no macrotasks here");
    expect(loop.isRunning()).toBe(false);
    loop.runOnce();
    expect(log).toEqual(["second iteration"]);
  });

  it("ends a sleeping run with the error when the host cannot post the wake-up", async () => {
    const loop = new EventLoop({
      clock: "virtual",
      host: {
        macrotask: () => {
          throw new Error("no macrotasks here");
        },
      },
    });
    const run = loop.runForever(); // nothing scheduled: it sleeps
    loop.callSoon(() => {});
    await expect(run).rejects.toThrow("no macrotasks here");
    expect(loop.isRunning()).toBe(false);
    expectWorking(loop);
  });

  it("sleeps at most a day per host timer", async () => {
    const h = fakeHost();
    const loop = new EventLoop({ host: h.host });
    loop.callLater(30 * 24 * 3600, () => {});
    const run = loop.runForever();
    expect(h.live().map((t) => t.ms)).toEqual([24 * 3600 * 1000]);
    loop.stop();
    h.runPosted();
    await run;
    expect(h.live()).toHaveLength(0);
  });

  it("clears its host timer when the run ends", async () => {
    const h = fakeHost();
    const loop = new EventLoop({ host: h.host });
    loop.callLater(60, () => {});
    const run = loop.runForever();
    loop.stop();
    h.runPosted();
    await run;
    expect(h.live()).toHaveLength(0);
  });
});

describe("runUntilCompleteSync", () => {
  function* twoSleeps() {
    yield* sleep(1.5);
    yield* sleep(0.25);
    return "done";
  }

  it("blocks on a real clock for exactly the time to the next timer", () => {
    const blocks: number[] = [];
    let ms = 0;
    const loop = new EventLoop({
      host: {
        now: () => ms,
        block: (t) => {
          blocks.push(t);
          ms += t;
        },
      },
    });
    expect(loop.runUntilCompleteSync(twoSleeps())).toBe("done");
    expect(blocks).toEqual([1500, 250]);
  });

  it("blocks again for the rest when the host's block returns early", () => {
    const blocks: number[] = [];
    let ms = 0;
    const loop = new EventLoop({
      host: {
        now: () => ms,
        block: (t) => {
          blocks.push(t);
          ms += Math.min(t, 600);
        },
      },
    });
    expect(loop.runUntilCompleteSync(sleep(1, "ok"))).toBe("ok");
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toBe(1000);
    expect(blocks[1]).toBeCloseTo(400, 6);
  });

  it("throws RuntimeError saying why when the host cannot block, and the loop works after", () => {
    const loop = new EventLoop({ host: { now: () => 0, block: null } });
    expect(() => loop.runUntilCompleteSync(twoSleeps())).toThrow(RuntimeError);
    expect(loop.isRunning()).toBe(false);
    expectWorking(loop);
  });

  it("names the reason when the host cannot block", () => {
    const loop = new EventLoop({ host: { now: () => 0, block: null } });
    expect(() => loop.runUntilCompleteSync(sleep(1))).toThrow(
      /cannot wait for a timer on a real clock here: options\.host\.block is null/,
    );
  });

  it("needs no blocking on a real clock when nothing waits on a timer", () => {
    const loop = new EventLoop({ host: { now: () => 0, block: null } });
    function* main() {
      yield;
      yield* sleep(0);
      return 3;
    }
    expect(loop.runUntilCompleteSync(main())).toBe(3);
  });

  it("rejects host.block that is neither a function nor null with a TypeError", () => {
    expect(() => new EventLoop({ host: { block: 1 as never } })).toThrow("options.host.block must be a function or null");
  });

  it("throws RuntimeError instead of hanging on a Future nothing will complete (virtual clock)", () => {
    const loop = new EventLoop({ clock: "virtual" });
    expect(() => loop.runUntilCompleteSync(loop.createFuture())).toThrow(RuntimeError);
    expect(() => loop.runUntilCompleteSync(loop.createFuture())).toThrow(/nothing left to run/);
    expectWorking(loop);
  });

  it("throws RuntimeError instead of hanging on a Future nothing will complete (real clock)", () => {
    const h = fakeHost({ block: () => {} });
    const loop = new EventLoop({ host: h.host });
    expect(() => loop.runUntilCompleteSync(loop.createFuture())).toThrow(/nothing left to run/);
    expectWorking(loop);
  });

  it("throws RuntimeError on a promise, which only the host can settle", () => {
    const loop = new EventLoop({ clock: "virtual" });
    expect(() => loop.runUntilCompleteSync(new Promise(() => {}))).toThrow(/use await runUntilComplete\(\)/);
    expectWorking(loop);
  });

  it("runs the timers that complete the Future, however far away on the virtual clock", () => {
    const loop = new EventLoop({ clock: "virtual" });
    const fut = loop.createFuture<string>();
    loop.callLater(1e6, () => fut.setResult("late"));
    expect(loop.runUntilCompleteSync(fut)).toBe("late");
    expect(loop.time()).toBe(1e6);
  });
});

describe("the default host (real time)", () => {
  it("runUntilComplete(sleep(0.05)) waits about 50 ms of loop time", async () => {
    const loop = new EventLoop();
    const t0 = loop.time();
    await loop.runUntilComplete(sleep(0.05));
    expect(loop.time() - t0).toBeGreaterThanOrEqual(0.045);
    loop.close();
  });
});

describe("two loops", () => {
  it("run asynchronously side by side", async () => {
    const a = new EventLoop({ clock: "virtual" });
    const b = new EventLoop({ clock: "virtual" });
    function* nap(d: number, v: string) {
      return yield* sleep(d, v); // made inside its own loop's task
    }
    const [ra, rb] = await Promise.all([a.runUntilComplete(nap(5, "a")), b.runUntilComplete(nap(7, "b"))]);
    expect([ra, rb, a.time(), b.time()]).toEqual(["a", "b", 5, 7]);
  });
});
