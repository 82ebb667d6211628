// sleep(): a Future done `delay` seconds of loop time after it is first awaited. Like
// asyncio's sleep coroutine, it starts when awaited, on the loop that awaits it, and
// ensureFuture / gather wrap it in a Task.
import { afterEach, describe, expect, it } from "vitest";
import { CancelledError, EventLoop, RuntimeError, Task, allTasks, ensureFuture, gather, setEventLoop, sleep } from "../src/index.js";

const virtual = () => new EventLoop({ clock: "virtual" });

afterEach(() => setEventLoop(null));

describe("inside a running loop", () => {
  it("completes with the result after the delay", () => {
    const loop = virtual();
    function* main() {
      const v = yield* sleep(2.5, "rested");
      return [v, loop.time()];
    }
    expect(loop.runUntilCompleteSync(main())).toEqual(["rested", 2.5]);
  });

  it("belongs to the running loop", () => {
    const loop = virtual();
    function* main() {
      return sleep(1).getLoop();
    }
    expect(loop.runUntilCompleteSync(main())).toBe(loop);
  });

  it("sleep(0) gives way for exactly one iteration", () => {
    const loop = virtual();
    const log: string[] = [];
    loop.createTask(
      (function* () {
        log.push("before");
        yield* sleep(0);
        log.push("after");
      })(),
    );
    loop.runOnce();
    loop.callSoon(() => log.push("callback"));
    loop.runOnce();
    expect(log).toEqual(["before", "after", "callback"]);
  });

  it("a negative delay behaves as sleep(0)", () => {
    const loop = virtual();
    function* main() {
      return yield* sleep(-5, "now");
    }
    expect(loop.runUntilCompleteSync(main())).toBe("now");
    expect(loop.time()).toBe(0);
  });

  it("cancelling a sleep cancels its timer at once", () => {
    const loop = virtual();
    let fut: ReturnType<typeof sleep> | null = null;
    loop.callSoon(() => {
      fut = sleep(100);
      fut.addDoneCallback(() => {});
    });
    loop.runOnce();
    expect(loop.nextWakeup()).toBe(100);
    fut!.cancel();
    loop.runOnce(); // the done callback
    expect(loop.nextWakeup()).toBe(Infinity);
  });

  it("starts counting when it is first awaited, not when it is made", () => {
    const loop = virtual();
    function* main() {
      const s = sleep(1, "late");
      yield* sleep(2);
      const v = yield* s;
      return [v, loop.time()];
    }
    expect(loop.runUntilCompleteSync(main())).toEqual(["late", 3]);
  });

  it("sleep(Infinity) arms no timer and ends only when cancelled", () => {
    const loop = virtual();
    const s = sleep(Infinity);
    const t = ensureFuture(s, { loop });
    loop.callLater(5, () => t.cancel());
    expect(() => loop.runUntilCompleteSync(t)).toThrow(CancelledError);
    expect(loop.time()).toBe(5);
  });

  it("rejects a NaN delay with RangeError naming it", () => {
    expect(() => sleep(NaN)).toThrow(new RangeError("sleep: delay must be a number of seconds, got NaN"));
  });

  it("arms no timer while nobody awaits it", () => {
    const loop = virtual();
    loop.callSoon(() => sleep(100));
    loop.runOnce();
    expect(loop.nextWakeup()).toBe(Infinity);
  });

  it("is wrapped in a Task by ensureFuture and gather, as asyncio wraps the coroutine", () => {
    const loop = virtual();
    function* main() {
      const s = sleep(1, "s");
      const t = ensureFuture(s);
      const g = gather(sleep(2, "g"));
      return [t instanceof Task, t !== s, allTasks(loop).size, yield* t, yield* g];
    }
    expect(loop.runUntilCompleteSync(main())).toEqual([true, true, 3, "s", ["g"]]);
  });
});

describe("made outside a running loop", () => {
  it("can be run by any loop, not only the default one", () => {
    const loop = virtual();
    expect(loop.runUntilCompleteSync(sleep(3600, "an hour"))).toBe("an hour");
    expect(loop.time()).toBe(3600);
  });

  it("counts its delay from when a loop first runs it", () => {
    const loop = virtual();
    const later = sleep(5);
    loop.runUntilCompleteSync(sleep(10));
    loop.runUntilCompleteSync(later);
    expect(loop.time()).toBe(15);
  });

  it("is taken over by the loop of the task that awaits it", () => {
    const loop = virtual();
    const s = sleep(2, "adopted");
    function* main() {
      return yield* s;
    }
    expect(loop.runUntilCompleteSync(main())).toBe("adopted");
    expect(s.getLoop()).toBe(loop);
    expect(loop.time()).toBe(2);
  });

  it("is taken over by ensureFuture with a loop, in a Task of that loop", () => {
    const loop = virtual();
    const s = sleep(1, "taken");
    const t = ensureFuture(s, { loop });
    expect([t.getLoop(), s.getLoop()]).toEqual([loop, loop]);
    expect(loop.runUntilCompleteSync(t)).toBe("taken");
  });

  it("sleep(0) made outside can be run by any loop", () => {
    const loop = virtual();
    expect(loop.runUntilCompleteSync(sleep(0, "zero"))).toBe("zero");
  });

  it("cannot move to another loop once a loop has started it", () => {
    const first = virtual();
    const second = virtual();
    const s = sleep(1);
    first.runUntilCompleteSync(s);
    expect(() => second.runUntilCompleteSync(s)).toThrow(RuntimeError);
    expect(() => ensureFuture(s, { loop: second })).toThrow(/Future of another event loop/);
  });

  it("belongs to the default loop until a loop runs it", async () => {
    const loop = virtual();
    setEventLoop(loop);
    const s = sleep(3, "default");
    expect(s.getLoop()).toBe(loop);
    await expect(loop.runUntilComplete(s)).resolves.toBe("default");
  });
});
