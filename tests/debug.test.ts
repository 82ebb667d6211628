// Debug mode (asyncio's): slow callbacks and coroutine-like Futures never awaited, reported
// through the exception handler; where objects were made, in the reports about them.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  EventLoop, Lock, Queue, TaskGroup, asyncWith, asCompleted, gather, sleep, wait, waitFor, type CallFrame, type ExceptionContext,
} from "../src/index.js";

afterEach(() => {
  vi.restoreAllMocks();
});

const gc = (globalThis as { gc?: () => void }).gc!;

/** Collects garbage and lets finalizers run, until `stop()` or for `rounds` rounds. */
async function collect(stop: () => boolean, rounds = 20): Promise<void> {
  for (let i = 0; i < rounds && !stop(); i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
}

/**
 * A virtual loop whose exception handler records what it is given. Its host clock (what debug
 * mode times callbacks with) is `now`, frozen at 0 unless given: on a loaded machine a step
 * that captures stacks can take longer than slowCallbackDuration by the real clock.
 */
function recording(options: { debug?: boolean; now?: () => number } = {}) {
  const loop = new EventLoop({
    clock: "virtual",
    debug: options.debug ?? true,
    host: { now: options.now ?? (() => 0) },
  });
  const reports: ExceptionContext[] = [];
  loop.setExceptionHandler((_l, ctx) => reports.push(ctx));
  return { loop, reports };
}

const names = (tb: unknown) => (tb as CallFrame[]).map((f) => f.name);

describe("slow callbacks", () => {
  it("are reported through the exception handler with the callback's name and duration", () => {
    let now = 0;
    const { loop, reports } = recording({ now: () => now });
    loop.slowCallbackDuration = 0.05;
    const h = loop.callSoon(function slow(x: number) {
      now += 150 + x;
    }, 1);
    loop.runOnce();
    expect(reports.map((r) => r.message)).toEqual(["Executing <Handle slow(1)> took 0.151 seconds"]);
    expect(reports[0].handle).toBe(h);
  });

  it("name a slow task step by its task, as asyncio's _format_handle does", () => {
    let now = 0;
    const { loop, reports } = recording({ now: () => now });
    function* busy() {
      now += 200;
      yield* sleep(1);
    }
    const task = loop.createTask(busy(), { name: "busy" });
    loop.runOnce();
    expect(reports).toHaveLength(1);
    expect(reports[0].message).toMatch(/^Executing <Task pending name='busy' coro=<generator> wait_for=.*> took 0\.200 seconds$/);
    expect(reports[0].task).toBe(task);
  });

  it("are not reported outside debug mode", () => {
    let now = 0;
    const { loop, reports } = recording({ debug: false, now: () => now });
    loop.callSoon(() => (now += 1000));
    loop.runOnce();
    expect(reports).toEqual([]);
  });

  it("are not reported under slowCallbackDuration", () => {
    let now = 0;
    const { loop, reports } = recording({ now: () => now });
    loop.callSoon(() => (now += 99));
    loop.runOnce();
    expect(reports).toEqual([]);
  });
});

describe("coroutine-like Futures never awaited", () => {
  /** runs `body` as a task of a debug loop, then lets go of everything it made */
  function runDropping(loop: EventLoop, body: () => void): void {
    loop.runUntilCompleteSync(
      (function* () {
        body();
        yield* sleep(0);
      })(),
    );
  }

  it("a dropped sleep() is reported as asyncio's \"coroutine 'sleep' was never awaited\", with where it was made", async () => {
    const { loop, reports } = recording();
    runDropping(loop, function forgetful() {
      sleep(1);
    });
    await collect(() => reports.length > 0);
    expect(reports.map((r) => r.message)).toEqual(["coroutine 'sleep' was never awaited"]);
    expect(names(reports[0].source_traceback)).toContain("forgetful");
    expect(names(reports[0].source_traceback).at(-1)).toBe("forgetful");
  });

  it("names what made it: waitFor, Lock.acquire, asyncWith", async () => {
    const { loop, reports } = recording();
    runDropping(loop, () => {
      waitFor(sleep(1), 1); // waitFor never runs, so the sleep it was given never does either: both
      new Lock().acquire();
      asyncWith(new TaskGroup(), function* () {});
    });
    await collect(() => reports.length >= 4);
    expect(reports.map((r) => r.message).sort()).toEqual([
      "coroutine 'Lock.acquire' was never awaited",
      "coroutine 'asyncWith' was never awaited",
      "coroutine 'sleep' was never awaited",
      "coroutine 'waitFor' was never awaited",
    ]);
  });

  it("names wait() and Queue.get, made and dropped", async () => {
    const { loop, reports } = recording();
    runDropping(loop, () => {
      wait([loop.createFuture()]);
      new Queue().get();
    });
    await collect(() => reports.length >= 2);
    expect(reports.map((r) => r.message).sort()).toEqual([
      "coroutine 'Queue.get' was never awaited",
      "coroutine 'wait' was never awaited",
    ]);
  });

  it("is not reported once awaited, handed to gather, or cancelled", async () => {
    const { loop, reports } = recording();
    loop.runUntilCompleteSync(
      (function* () {
        yield* sleep(0.5);
        yield* gather(sleep(1), waitFor(sleep(1), 2));
        sleep(1).cancel();
        yield sleep(0.25);
        for (const f of asCompleted([sleep(1), sleep(2)])) {
          yield* f;
          break; // asCompleted's remaining Futures need not be awaited
        }
      })(),
    );
    await collect(() => reports.length > 0, 10);
    expect(reports).toEqual([]);
  });

  it("is not tracked outside debug mode", async () => {
    const { loop, reports } = recording({ debug: false });
    runDropping(loop, () => {
      sleep(1);
    });
    await collect(() => reports.length > 0, 10);
    expect(reports).toEqual([]);
  });
});

describe("where objects were made (source_traceback)", () => {
  it("an exception in a callback carries where its handle was made, in debug mode", () => {
    const { loop, reports } = recording();
    (function scheduler() {
      loop.callSoon(function boom() {
        throw new Error("boom");
      });
    })();
    loop.runOnce();
    expect(reports[0].message).toBe("Exception in callback boom()");
    expect(names(reports[0].source_traceback).at(-1)).toBe("scheduler");
  });

  it("is absent outside debug mode", () => {
    const { loop, reports } = recording({ debug: false });
    loop.callSoon(() => {
      throw new Error("boom");
    });
    loop.runOnce();
    expect(reports[0].source_traceback).toBeUndefined();
  });

  it("a context given to callExceptionHandler is passed on as given, as asyncio's is", () => {
    const { loop, reports } = recording();
    const fut = (function maker() {
      return loop.createFuture();
    })();
    loop.callExceptionHandler({ message: "about a future", future: fut });
    expect(reports[0].source_traceback).toBeUndefined();
    expect(Object.keys(reports[0]).sort()).toEqual(["future", "message"]);
  });

  it("a context that has a source_traceback keeps it", () => {
    const { loop, reports } = recording();
    const fut = loop.createFuture();
    loop.callExceptionHandler({ message: "given", future: fut, source_traceback: [] });
    expect(reports[0].source_traceback).toEqual([]);
  });

  it("'Future exception was never retrieved' carries where the Future was made", async () => {
    const { loop, reports } = recording();
    (function lost() {
      loop.createFuture().setException(new Error("lost"));
    })();
    await collect(() => reports.length > 0);
    expect(reports[0].message).toBe("Future exception was never retrieved");
    expect(names(reports[0].source_traceback).at(-1)).toBe("lost");
  });

  it("'Task was destroyed but it is pending!' carries where the Task was made", async () => {
    const { loop, reports } = recording();
    (function forgotten() {
      loop.createTask(
        (function* () {
          yield* loop.createFuture();
        })(),
      );
      loop.runOnce();
    })();
    await collect(() => reports.length > 0);
    expect(reports[0].message).toBe("Task was destroyed but it is pending!");
    expect(names(reports[0].source_traceback).at(-1)).toBe("forgotten");
  });

  it("the default handler prints it as asyncio does: Object created at (most recent call last)", () => {
    const loop = new EventLoop({ clock: "virtual", debug: true, host: { now: () => 0 } });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    (function scheduler() {
      loop.callSoon(function boom() {
        throw new Error("boom");
      });
    })();
    loop.runOnce();
    const lines = String(log.mock.calls[0][0]).split("\n");
    const at = lines.indexOf("source_traceback: Object created at (most recent call last):");
    expect(at).toBeGreaterThan(0);
    const frames = lines.slice(at + 1, lines.indexOf("Error: boom"));
    expect(frames.length).toBeLessThanOrEqual(10); // asyncio's DEBUG_STACK_DEPTH
    expect(frames.at(-1)).toMatch(/^ {2}File '[^']*debug\.test\.ts', line \d+, in scheduler$/);
  });
});

describe("debug mode's switch", () => {
  it("setDebug(true) starts the tracking for what is made afterwards", () => {
    const { loop, reports } = recording({ debug: false });
    const fail = () => {
      throw new Error("boom");
    };
    loop.callSoon(fail);
    loop.setDebug(true);
    loop.callSoon(fail);
    loop.runOnce();
    expect(reports[0].source_traceback).toBeUndefined();
    expect(reports[1].source_traceback).toBeDefined();
  });
});
