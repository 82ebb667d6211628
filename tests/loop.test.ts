// EventLoop: the ordering rules of API.md "Running a loop", the clock, the exception
// handler, debug mode and the loop registry. All timing on the virtual clock.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  EventLoop, Handle, RuntimeError, TimerHandle, allTasks, getEventLoop, getRunningLoop, newEventLoop, setEventLoop, sleep,
} from "../src/index.js";
import { ReferenceCore } from "../src/core/reference.js";
import { createWasmCore } from "../src/core/wasm.js";
import { MAX_GENERATION } from "../src/core/layout.js";

const virtual = () => new EventLoop({ clock: "virtual" });

afterEach(() => {
  vi.restoreAllMocks();
  setEventLoop(null);
});

describe("ordering", () => {
  it("runs callbacks in the order scheduled, with their arguments", () => {
    const loop = virtual();
    const seen: unknown[] = [];
    loop.callSoon((a: number, b: string) => seen.push([a, b]), 1, "x");
    loop.callSoon(() => seen.push("none"));
    loop.callSoon((...xs: number[]) => seen.push(xs), 1, 2, 3, 4);
    loop.runOnce();
    expect(seen).toEqual([[1, "x"], "none", [1, 2, 3, 4]]);
  });

  it("runs timers in deadline order", () => {
    const loop = virtual();
    const seen: number[] = [];
    for (const d of [5, 1, 4, 2, 3]) loop.callLater(d, () => seen.push(d));
    loop.runUntilCompleteSync(sleep(10));
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it("runs timers with equal deadlines in the order scheduled", () => {
    const loop = virtual();
    const seen: string[] = [];
    const deadlines = [3, 1, 2, 1, 3, 2, 1];
    deadlines.forEach((d, i) => loop.callLater(d, () => seen.push(`${d}:${i}`)));
    loop.runUntilCompleteSync(sleep(5));
    expect(seen).toEqual(["1:1", "1:3", "1:6", "2:2", "2:5", "3:0", "3:4"]);
  });

  it("runs in an iteration only what was ready when it began", () => {
    const loop = virtual();
    const seen: string[] = [];
    loop.callSoon(() => {
      seen.push("first");
      loop.callSoon(() => seen.push("scheduled during the iteration"));
    });
    loop.callSoon(() => seen.push("second"));
    loop.runOnce();
    expect(seen).toEqual(["first", "second"]);
    loop.runOnce();
    expect(seen).toEqual(["first", "second", "scheduled during the iteration"]);
  });

  it("runs a callAt in the past at the next iteration, after what was ready", () => {
    const loop = virtual();
    const seen: string[] = [];
    loop.runUntilCompleteSync(sleep(5));
    loop.callSoon(() => seen.push("soon"));
    loop.callAt(1, () => seen.push("past"));
    loop.runOnce();
    expect(seen).toEqual(["soon", "past"]);
    expect(loop.time()).toBe(5);
  });

  it("runs a negative delay as soon as possible", () => {
    const loop = virtual();
    let ran = false;
    const h = loop.callLater(-3, () => (ran = true));
    expect(h.when()).toBe(-3);
    loop.runOnce();
    expect(ran).toBe(true);
    expect(loop.time()).toBe(0);
  });

  it("lets the current iteration finish after stop()", async () => {
    const loop = virtual();
    const seen: string[] = [];
    loop.callSoon(() => {
      seen.push("a");
      loop.stop();
      loop.callSoon(() => seen.push("next run"));
    });
    loop.callSoon(() => seen.push("b"));
    await loop.runForever();
    expect(seen).toEqual(["a", "b"]);
    expect(loop.isRunning()).toBe(false);
  });

  it("runs exactly one iteration when stop() came before runForever", async () => {
    const loop = virtual();
    const seen: number[] = [];
    loop.callSoon(() => {
      seen.push(1);
      loop.callSoon(() => seen.push(2));
    });
    loop.stop();
    await loop.runForever();
    expect(seen).toEqual([1]);
  });

  it("skips a handle cancelled by an earlier callback of the same iteration", () => {
    const loop = virtual();
    const seen: string[] = [];
    let later: Handle | null = null;
    loop.callSoon(() => later!.cancel());
    later = loop.callSoon(() => seen.push("cancelled one"));
    loop.callSoon(() => seen.push("kept"));
    loop.runOnce();
    expect(seen).toEqual(["kept"]);
  });
});

describe("virtual clock", () => {
  it("starts at 0", () => {
    expect(virtual().time()).toBe(0);
  });

  it("finishes sleep(3600) at once with time() === 3600", () => {
    const loop = virtual();
    loop.runUntilCompleteSync(sleep(3600));
    expect(loop.time()).toBe(3600);
  });

  it("stands still while callbacks are ready", () => {
    const loop = virtual();
    loop.callLater(1, () => {});
    loop.callSoon(() => {});
    loop.runOnce();
    expect(loop.time()).toBe(0);
    loop.runOnce();
    expect(loop.time()).toBe(1);
  });

  it("jumps to the next deadline when nothing is ready", () => {
    const loop = virtual();
    let at = -1;
    loop.callLater(2.5, () => (at = loop.time()));
    loop.runOnce();
    expect(at).toBe(2.5);
  });
});

describe("runOnce and nextWakeup", () => {
  it("runOnce with nothing scheduled returns at once", () => {
    const loop = virtual();
    loop.runOnce();
    expect(loop.time()).toBe(0);
  });

  it("nextWakeup is Infinity with nothing scheduled", () => {
    expect(virtual().nextWakeup()).toBe(Infinity);
  });

  it("nextWakeup is the current time when a callback is ready", () => {
    const loop = virtual();
    loop.runUntilCompleteSync(sleep(2));
    loop.callSoon(() => {});
    expect(loop.nextWakeup()).toBe(2);
  });

  it("nextWakeup is the earliest deadline, updated after a cancel", () => {
    const loop = virtual();
    const a = loop.callLater(1, () => {});
    loop.callLater(3, () => {});
    expect(loop.nextWakeup()).toBe(1);
    a.cancel();
    expect(loop.nextWakeup()).toBe(3);
  });

  it("lets a host drive a real-clock loop from its own tick", () => {
    let now = 1000;
    const loop = new EventLoop({ host: { now: () => now } });
    const seen: number[] = [];
    loop.callLater(0.5, () => seen.push(loop.time()));
    loop.runOnce();
    expect(seen).toEqual([]);
    now += 500;
    expect(loop.time()).toBeGreaterThanOrEqual(loop.nextWakeup());
    loop.runOnce();
    expect(seen).toEqual([1.5]);
  });
});

describe("handles", () => {
  it("callLater returns a TimerHandle whose when() is time() + delay", () => {
    const loop = virtual();
    loop.runUntilCompleteSync(sleep(1));
    const h = loop.callLater(2, () => {});
    expect(h).toBeInstanceOf(TimerHandle);
    expect(h.when()).toBe(3);
  });

  it("cancelled() becomes true on cancel()", () => {
    const h = virtual().callSoon(() => {});
    expect(h.cancelled()).toBe(false);
    h.cancel();
    expect(h.cancelled()).toBe(true);
  });

  it("does not keep a pending Handle the caller dropped (no argument, default handler)", async () => {
    const loop = virtual();
    let ref: WeakRef<TimerHandle> | null = null;
    (() => {
      ref = new WeakRef(loop.callLater(5, () => {}));
    })();
    // a WeakRef keeps its target until the current job ends
    await new Promise((r) => setTimeout(r, 0));
    (globalThis as { gc?: () => void }).gc!();
    expect(ref!.deref()).toBeUndefined();
    expect(loop.nextWakeup()).toBe(5);
  });

  it("keeps a pending Handle the caller dropped while a custom exception handler is set", async () => {
    const loop = virtual();
    loop.setExceptionHandler(() => {});
    let ref: WeakRef<TimerHandle> | null = null;
    (() => {
      ref = new WeakRef(loop.callLater(5, () => {}));
    })();
    await new Promise((r) => setTimeout(r, 0));
    (globalThis as { gc?: () => void }).gc!();
    expect(ref!.deref()).toBeInstanceOf(TimerHandle);
  });

  it("a dropped Handle still runs its call, with its argument, and cancel() of a kept one stops it", () => {
    const loop = virtual();
    const seen: unknown[] = [];
    loop.callSoon((x: string) => seen.push(x), "one");
    loop.callSoon(function (...xs: unknown[]) {
      seen.push(xs.length);
    });
    loop.callLater(1, function (...xs: unknown[]) {
      seen.push(`timer ${xs.length}`);
    });
    loop.callLater(2, () => seen.push("cancelled")).cancel();
    loop.runUntilCompleteSync(sleep(3));
    expect(seen).toEqual(["one", 0, "timer 0"]);
  });

  it("cancel() stops its own call when ids are at the top of their range (generation MAX_GENERATION)", () => {
    for (const core of [() => createWasmCore(MAX_GENERATION), () => new ReferenceCore(MAX_GENERATION)]) {
      const loop = new EventLoop({ clock: "virtual", core });
      const seen: string[] = [];
      const timers = ["t0", "t1", "t2"].map((name, i) => loop.callLater(i, () => seen.push(name)));
      const soon = ["s0", "s1"].map((name) => loop.callSoon(() => seen.push(name)));
      timers[1]!.cancel();
      soon[0]!.cancel();
      loop.runUntilCompleteSync(sleep(3));
      expect(seen).toEqual(["s1", "t0", "t2"]); // ready callbacks before timers that fall due
      loop.close();
    }
  });

  it("shows the callback and its arguments in toString()", () => {
    function cb(_a: string, _b: number) {}
    const h = virtual().callSoon(cb, "x", 1);
    expect(String(h)).toBe("<Handle cb('x', 1)>");
    h.cancel();
    expect(String(h)).toBe("<Handle cancelled>");
  });
});

describe("exception handler", () => {
  it("gets an exception thrown by a callback, with message and handle, and the loop goes on", () => {
    const loop = virtual();
    const contexts: Record<string, unknown>[] = [];
    loop.setExceptionHandler((l, ctx) => {
      expect(l).toBe(loop);
      contexts.push(ctx);
    });
    const err = new Error("bad");
    function bad(_x: number) {
      throw err;
    }
    const h = loop.callSoon(bad, 1);
    let after = false;
    loop.callSoon(() => (after = true));
    loop.runOnce();
    expect(contexts).toEqual([{ message: "Exception in callback bad(1)", exception: err, handle: h }]);
    expect(after).toBe(true);
  });

  it("default handler logs the message, the handle and the stack", () => {
    const loop = virtual();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    loop.callSoon(function boom() {
      throw new Error("kaput");
    });
    loop.runOnce();
    expect(log).toHaveBeenCalledTimes(1);
    const text = String(log.mock.calls[0][0]);
    expect(text).toMatch(/^Exception in callback boom\(\)\nhandle: <Handle boom\(\)>\nError: kaput\n\s+at /);
  });

  it("sends a failure of the handler itself to the default handler", () => {
    const loop = virtual();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    loop.setExceptionHandler(() => {
      throw new Error("handler broke");
    });
    loop.callExceptionHandler({ message: "original" });
    expect(String(log.mock.calls[0][0])).toMatch(/^Unhandled error in exception handler\ncontext: .*original.*\nError: handler broke/);
  });

  it("gives the default handler an equal TimerHandle, when() included, for a failed no-argument timer it did not keep", () => {
    const loop = virtual();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    loop.callLater(2.5, function late() {
      throw new Error("late");
    });
    loop.runUntilCompleteSync(sleep(3));
    expect(String(log.mock.calls[0][0])).toMatch(/^Exception in callback late\(\)\nhandle: <TimerHandle when=2.5 late\(\)>\nError: late/);
  });

  it("gives a handler the very Handle of a call made while it was set, with one argument or none", () => {
    const loop = virtual();
    const handles: unknown[] = [];
    loop.setExceptionHandler((_l, ctx) => handles.push(ctx.handle));
    const fail = () => {
      throw new Error("x");
    };
    const made = [loop.callSoon(fail), loop.callSoon(fail, 1), loop.callLater(1, fail), loop.callLater(1, fail, 2)];
    loop.runUntilCompleteSync(sleep(2));
    expect(handles).toHaveLength(4);
    handles.forEach((h, i) => expect(h).toBe(made[i]));
  });

  it("gives a handler set after the call an equal Handle of a no-argument call", () => {
    const loop = virtual();
    const contexts: Record<string, unknown>[] = [];
    function fail() {
      throw new Error("x");
    }
    const h = loop.callLater(1, fail);
    loop.setExceptionHandler((_l, ctx) => contexts.push(ctx));
    loop.runUntilCompleteSync(sleep(2));
    const got = contexts[0].handle as TimerHandle;
    expect(got).toBeInstanceOf(TimerHandle);
    expect([String(got), got.when()]).toEqual([String(h), 1]);
  });

  it("null restores the default handler", () => {
    const loop = virtual();
    const h = () => {};
    loop.setExceptionHandler(h);
    expect(loop.getExceptionHandler()).toBe(h);
    loop.setExceptionHandler(null);
    expect(loop.getExceptionHandler()).toBeNull();
  });

  it("rejects a handler that is not a function", () => {
    expect(() => virtual().setExceptionHandler(42 as never)).toThrow(/handler must be a function or null, got number 42/);
  });
});

describe("debug mode", () => {
  it("reports a callback slower than slowCallbackDuration through the exception handler", () => {
    let now = 0;
    const loop = new EventLoop({ clock: "virtual", debug: true, host: { now: () => now } });
    loop.slowCallbackDuration = 0.05;
    const reports: string[] = [];
    loop.setExceptionHandler((_l, ctx) => reports.push(ctx.message));
    loop.callSoon(function slow() {
      now += 60;
    });
    loop.callSoon(function fast() {
      now += 10;
    });
    loop.runOnce();
    expect(reports).toEqual(["Executing <Handle slow()> took 0.060 seconds"]);
  });

  it("is off by default and toggles with setDebug", () => {
    const loop = virtual();
    expect(loop.getDebug()).toBe(false);
    loop.setDebug(true);
    expect(loop.getDebug()).toBe(true);
  });
});

describe("loop registry", () => {
  it("getRunningLoop throws RuntimeError outside a running loop", () => {
    expect(() => getRunningLoop()).toThrow(RuntimeError);
  });

  it("getRunningLoop and getEventLoop return the loop inside its callbacks", () => {
    const loop = virtual();
    let running: unknown = null;
    let current: unknown = null;
    loop.callSoon(() => {
      running = getRunningLoop();
      current = getEventLoop();
    });
    loop.runOnce();
    expect(running).toBe(loop);
    expect(current).toBe(loop);
  });

  it("getEventLoop creates a default loop once and returns it again", () => {
    const a = getEventLoop();
    expect(getEventLoop()).toBe(a);
    a.close();
    expect(getEventLoop()).not.toBe(a);
  });

  it("setEventLoop makes a loop the default", () => {
    const loop = newEventLoop({ clock: "virtual" });
    setEventLoop(loop);
    expect(getEventLoop()).toBe(loop);
  });

  it("setEventLoop rejects what is not a loop", () => {
    expect(() => setEventLoop({} as never)).toThrow(TypeError);
  });
});

describe("closing", () => {
  it("close() is idempotent", () => {
    const loop = virtual();
    loop.close();
    loop.close();
    expect(loop.isClosed()).toBe(true);
  });

  it("close() throws RuntimeError while running", () => {
    const loop = virtual();
    let error: unknown = null;
    loop.callSoon(() => {
      try {
        loop.close();
      } catch (e) {
        error = e;
      }
    });
    loop.runOnce();
    expect(error).toBeInstanceOf(RuntimeError);
    expect(loop.isClosed()).toBe(false);
  });

  it("close() drops pending callbacks and timers", () => {
    const loop = virtual();
    const h = loop.callLater(1, () => {});
    loop.callSoon(() => {});
    loop.close();
    expect(loop.nextWakeup()).toBe(Infinity);
    h.cancel(); // a handle of a closed loop cancels quietly
    expect(h.cancelled()).toBe(true);
  });

  it("a closed loop has nothing due while the loop made after it is busy", () => {
    const closed = virtual();
    closed.callLater(1, () => {});
    closed.close();
    const next = virtual(); // takes up the closed loop's core (see base-events.ts Leftovers)
    next.callSoon(() => {});
    next.callLater(0.5, () => {});
    expect(closed.nextWakeup()).toBe(Infinity);
    expect(next.nextWakeup()).toBe(0);
    next.close();
  });

  it("allTasks of the loop made after a closed one lists none of the tasks it dropped", () => {
    function* never() {
      yield* sleep(1);
    }
    const closed = virtual();
    closed.setExceptionHandler(() => {}); // the dropped tasks are reported once collected
    for (let i = 0; i < 3; i++) closed.createTask(never());
    closed.close();
    const next = virtual();
    const own = next.createTask(never());
    const tasks = allTasks(next);
    expect([tasks.size, tasks.has(own)]).toEqual([1, true]);
    next.close();
  });

  it("a Handle of a closed loop cancels nothing on the loop made after it", () => {
    const closed = virtual();
    const handles = Array.from({ length: 3 }, () => closed.callSoon(() => {}));
    closed.close();
    const next = virtual();
    let ran = 0;
    for (let i = 0; i < 3; i++) next.callSoon(() => ran++);
    for (const h of handles) h.cancel();
    next.runOnce();
    expect(ran).toBe(3);
    next.close();
  });

  it("Symbol.dispose closes the loop", () => {
    const loop = virtual();
    loop[Symbol.dispose]();
    expect(loop.isClosed()).toBe(true);
  });
});

describe("ordering at scale, over both cores", () => {
  /** A deterministic PRNG (mulberry32), so a shuffled test fails the same way every run. */
  function rng(seed: number): () => number {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it.each(["wasm", "reference"] as const)(
    "runs 600 shuffled timers with 40 distinct deadlines in deadline, then scheduling, order (%s core)",
    (core) => {
      const loop = new EventLoop({ clock: "virtual", core: core === "wasm" ? "wasm" : () => new ReferenceCore() });
      const random = rng(12345);
      const deadlines = Array.from({ length: 600 }, () => Math.floor(random() * 40) / 8);
      const seen: number[] = [];
      deadlines.forEach((d, i) => loop.callAt(d, () => seen.push(i)));
      while (loop.nextWakeup() !== Infinity) loop.runOnce();
      const expected = deadlines
        .map((d, i) => [d, i])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .map(([, i]) => i);
      expect(seen).toEqual(expected);
    },
  );

  it("runs a timer that falls due during an iteration in the next iteration", () => {
    const loop = virtual();
    const seen: string[] = [];
    loop.callSoon(() => {
      seen.push("soon");
      loop.callLater(0, () => seen.push("timer"));
    });
    loop.runOnce();
    expect(seen).toEqual(["soon"]);
    loop.runOnce();
    expect(seen).toEqual(["soon", "timer"]);
  });

  it("newEventLoop makes a new loop, which getEventLoop() returns while it is the newest open one", () => {
    const older = newEventLoop({ clock: "virtual" });
    const loop = newEventLoop({ clock: "virtual" });
    setEventLoop(null);
    expect(loop).not.toBe(older);
    expect(getEventLoop()).toBe(loop);
    loop.close();
    expect(getEventLoop()).toBe(older);
    older.close();
  });
});
