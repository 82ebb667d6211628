// Bad input: a clear error naming the argument, and the loop still works afterwards.
import { describe, expect, it } from "vitest";
import { EventLoop, RuntimeError, sleep } from "../src/index.js";

const virtual = () => new EventLoop({ clock: "virtual" });

/** The loop still schedules and runs callbacks. */
function stillWorks(loop: EventLoop): void {
  let ran = false;
  loop.callSoon(() => (ran = true));
  loop.runOnce();
  expect(ran).toBe(true);
}

const gen = function* () {
  yield* sleep(1);
};

describe("bad callbacks", () => {
  it.each([
    ["callSoon", (l: EventLoop) => l.callSoon(42 as never)],
    ["callLater", (l: EventLoop) => l.callLater(1, "f" as never)],
    ["callAt", (l: EventLoop) => l.callAt(1, null as never)],
    ["callSoonThreadsafe", (l: EventLoop) => l.callSoonThreadsafe({} as never)],
  ])("%s rejects a callback that is not a function", (name, call) => {
    const loop = virtual();
    expect(() => call(loop)).toThrow(new RegExp(`^${name}: callback must be a function, got `));
    expect(() => call(loop)).toThrow(TypeError);
    stillWorks(loop);
  });
});

describe("bad times", () => {
  it.each([
    ["callLater", "delay", (l: EventLoop, v: unknown) => l.callLater(v as number, () => {})],
    ["callAt", "when", (l: EventLoop, v: unknown) => l.callAt(v as number, () => {})],
  ])("%s rejects a %s that is not a number with TypeError", (name, arg, call) => {
    const loop = virtual();
    for (const v of ["1", null, undefined, 1n, {}]) {
      expect(() => call(loop, v)).toThrow(TypeError);
      expect(() => call(loop, v)).toThrow(`${name}: ${arg} must be a number of seconds`);
    }
    stillWorks(loop);
  });

  it.each([
    ["callLater", "delay", (l: EventLoop, v: number) => l.callLater(v, () => {})],
    ["callAt", "when", (l: EventLoop, v: number) => l.callAt(v, () => {})],
  ])("%s rejects a non-finite %s with RangeError", (name, arg, call) => {
    const loop = virtual();
    for (const v of [NaN, Infinity, -Infinity]) {
      expect(() => call(loop, v)).toThrow(RangeError);
      expect(() => call(loop, v)).toThrow(`${name}: ${arg} must be a finite number of seconds, got ${v}`);
    }
    expect(loop.nextWakeup()).toBe(Infinity);
    stillWorks(loop);
  });

  it("sleep rejects NaN with RangeError", () => {
    expect(() => sleep(NaN)).toThrow(RangeError);
  });
});

describe("a closed loop", () => {
  const closed = () => {
    const loop = virtual();
    loop.close();
    return loop;
  };

  it.each([
    ["callSoon", (l: EventLoop) => l.callSoon(() => {})],
    ["callLater", (l: EventLoop) => l.callLater(1, () => {})],
    ["callAt", (l: EventLoop) => l.callAt(1, () => {})],
    ["createTask", (l: EventLoop) => l.createTask(gen())],
    ["runOnce", (l: EventLoop) => l.runOnce()],
    ["runUntilCompleteSync", (l: EventLoop) => l.runUntilCompleteSync(l.createFuture())],
  ])("%s throws RuntimeError", (_name, call) => {
    expect(() => call(closed())).toThrow(new RuntimeError("Event loop is closed"));
  });

  it("runUntilComplete rejects with RuntimeError", async () => {
    await expect(closed().runUntilComplete(Promise.resolve(1))).rejects.toThrow(RuntimeError);
  });

  it("runForever rejects with RuntimeError", async () => {
    await expect(closed().runForever()).rejects.toThrow("Event loop is closed");
  });
});

describe("a loop already running", () => {
  it.each([
    ["runOnce", (l: EventLoop) => l.runOnce()],
    ["runUntilCompleteSync", (l: EventLoop) => l.runUntilCompleteSync(sleep(1))],
  ])("%s from inside a callback throws RuntimeError", (_name, call) => {
    const loop = virtual();
    let error: unknown = null;
    loop.callSoon(() => {
      try {
        call(loop);
      } catch (e) {
        error = e;
      }
    });
    loop.runOnce();
    expect(error).toEqual(new RuntimeError("This event loop is already running"));
    stillWorks(loop);
  });

  it("runForever from inside a callback rejects with RuntimeError", async () => {
    const loop = virtual();
    let p: Promise<void> | null = null;
    loop.callSoon(() => (p = loop.runForever()));
    loop.runOnce();
    await expect(p).rejects.toThrow("This event loop is already running");
    stillWorks(loop);
  });

  it("running another loop from inside a callback throws RuntimeError", () => {
    const outer = virtual();
    const inner = virtual();
    let error: unknown = null;
    outer.callSoon(() => {
      try {
        inner.runOnce();
      } catch (e) {
        error = e;
      }
    });
    outer.runOnce();
    expect(error).toEqual(new RuntimeError("Cannot run the event loop while another loop is running"));
    stillWorks(inner);
  });
});

describe("handles", () => {
  it("cancelling a handle twice is a no-op", () => {
    const loop = virtual();
    let ran = false;
    const h = loop.callLater(1, () => (ran = true));
    h.cancel();
    h.cancel();
    expect(h.cancelled()).toBe(true);
    loop.runUntilCompleteSync(sleep(2));
    expect(ran).toBe(false);
  });

  it("cancelling a handle after it ran is a no-op that still reports cancelled()", () => {
    const loop = virtual();
    const h = loop.callSoon(() => {});
    loop.runOnce();
    let ran = false;
    loop.callSoon(() => (ran = true)); // reuses the slot h had
    h.cancel();
    expect(h.cancelled()).toBe(true);
    loop.runOnce();
    expect(ran).toBe(true);
  });

  it("a handle of another loop never cancels this loop's callback with the same id", () => {
    const a = virtual();
    const b = virtual();
    const ha = a.callLater(1, () => {});
    let ranB = false;
    const hb = b.callLater(1, () => (ranB = true));
    expect((ha as any)._id % 2 ** 24).toBe((hb as any)._id % 2 ** 24); // same slot
    ha.cancel();
    b.runUntilCompleteSync(sleep(2));
    expect(ranB).toBe(true);
  });
});

describe("options", () => {
  it("rejects an unknown clock with RangeError", () => {
    expect(() => new EventLoop({ clock: "fast" as never })).toThrow(/options.clock must be "real" or "virtual"/);
  });

  it("rejects a host capability that is not a function", () => {
    expect(() => new EventLoop({ host: { now: 5 as never } })).toThrow(/options.host.now must be a function, got number 5/);
  });

  it("rejects options that are not an object", () => {
    expect(() => new EventLoop("virtual" as never)).toThrow(TypeError);
  });
});

describe("more loop states and handles", () => {
  it("callSoonThreadsafe on a closed loop throws RuntimeError", () => {
    const loop = virtual();
    loop.close();
    expect(() => loop.callSoonThreadsafe(() => {})).toThrow(new RuntimeError("Event loop is closed"));
  });

  it("runUntilComplete from inside a callback rejects with RuntimeError", async () => {
    const loop = virtual();
    let p: Promise<unknown> | null = null;
    loop.callSoon(() => (p = loop.runUntilComplete(Promise.resolve(1))));
    loop.runOnce();
    await expect(p).rejects.toThrow("This event loop is already running");
    stillWorks(loop);
  });

  it("runUntilComplete while an asynchronous run is under way rejects with RuntimeError", async () => {
    const loop = virtual();
    const run = loop.runForever();
    await expect(loop.runUntilComplete(Promise.resolve(1))).rejects.toThrow("This event loop is already running");
    loop.stop();
    await run;
    stillWorks(loop);
  });

  it("a callSoon handle of another loop never cancels this loop's callback with the same id", () => {
    const a = virtual();
    const b = virtual();
    const ha = a.callSoon(() => {});
    let ranB = false;
    const hb = b.callSoon(() => (ranB = true));
    expect(ha._id % 2 ** 24).toBe(hb._id % 2 ** 24); // same slot
    ha.cancel();
    b.runOnce();
    expect(ranB).toBe(true);
    expect(hb.cancelled()).toBe(false);
  });

  it("the error for an unknown clock is a RangeError", () => {
    expect(() => new EventLoop({ clock: "fast" as never })).toThrow(RangeError);
  });

  it("the error for a host capability that is not a function is a TypeError", () => {
    expect(() => new EventLoop({ host: { now: 5 as never } })).toThrow(TypeError);
  });
});

describe("runUntilComplete(Sync) name themselves in their errors", () => {
  it("runUntilCompleteSync of a non-awaitable names runUntilCompleteSync, not ensureFuture", () => {
    const loop = virtual();
    expect(() => loop.runUntilCompleteSync("x" as never)).toThrow(
      new TypeError('runUntilCompleteSync: aw must be a Future, a coroutine or a thenable, got string "x"'),
    );
    stillWorks(loop);
  });

  it("runUntilComplete of a non-awaitable rejects naming runUntilComplete", async () => {
    const loop = virtual();
    await expect(loop.runUntilComplete(42 as never)).rejects.toThrow(/^runUntilComplete: aw must be a Future, a coroutine or a thenable, got number 42$/);
    stillWorks(loop);
  });

  it("an uncalled generator function: the error says to call it", () => {
    const loop = virtual();
    expect(() => loop.runUntilCompleteSync(gen as never)).toThrow(/^runUntilCompleteSync: aw must be a Future, a coroutine or a thenable, got function gen; call it: gen\(\)$/);
  });

  it("a Future of another loop: the error names both loops and says the other one is closed", () => {
    const other = virtual();
    const fut = other.createFuture();
    other.close();
    const loop = virtual();
    expect(() => loop.runUntilCompleteSync(fut)).toThrow(RuntimeError);
    expect(() => loop.runUntilCompleteSync(fut)).toThrow(
      new RegExp(
        "^runUntilCompleteSync: aw is a Future of another event loop: it belongs to <EventLoop #\\d+ closed clock=virtual debug=false>, " +
          "not to the loop that runs it, <EventLoop #\\d+ idle clock=virtual debug=false>; its loop is closed, so nothing will ever complete it; " +
          "make Futures with the loop that runs them \\(loop\\.createFuture\\(\\), or \\{ loop \\} in the options\\)$",
      ),
    );
    stillWorks(loop);
  });

  it("a Future of another open loop: no word about closing", async () => {
    const fut = new EventLoop({ clock: "real" }).createFuture();
    const loop = virtual();
    await expect(loop.runUntilComplete(fut)).rejects.toThrow(
      /^runUntilComplete: aw is a Future of another event loop: it belongs to <EventLoop #\d+ idle clock=real debug=false>, not to the loop that runs it, <EventLoop #\d+ idle clock=virtual debug=false>; make Futures/,
    );
  });
});
