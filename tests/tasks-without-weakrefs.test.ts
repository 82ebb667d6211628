// A host without WeakRef and FinalizationRegistry (an engine that predates them, or a
// sandbox that removes them): the loop cannot report a pending task that was collected, so
// its registry holds every waiting task strongly instead, and allTasks() still finds each.
// Each test loads the modules afresh with the two globals hidden.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Api = typeof import("../src/index.js");
let W: Api;

beforeEach(async () => {
  vi.resetModules();
  vi.stubGlobal("WeakRef", undefined);
  vi.stubGlobal("FinalizationRegistry", undefined);
  W = await import("../src/index.js");
  vi.unstubAllGlobals();
});

afterEach(() => W.setEventLoop(null));

/** A task returning what its Future gives, eight iterations after its first wait (old by then). */
function longWaiter(loop: InstanceType<Api["EventLoop"]>) {
  const fut = loop.createFuture<string>();
  const task = loop.createTask(
    (function* () {
      return yield* fut;
    })(),
  );
  for (let i = 0; i < 8; i++) {
    loop.callSoon(() => {});
    loop.runOnce();
  }
  return { task, fut };
}

describe("tasks on a host without WeakRef and FinalizationRegistry", () => {
  it("allTasks lists a task still waiting long after its first wait", () => {
    const loop = new W.EventLoop({ clock: "virtual" });
    const { task } = longWaiter(loop);
    expect(W.allTasks(loop)).toEqual(new Set([task]));
  });

  it("allTasks no longer lists a task that ended after waiting long", () => {
    const loop = new W.EventLoop({ clock: "virtual" });
    const { task, fut } = longWaiter(loop);
    fut.setResult("rested");
    expect(loop.runUntilCompleteSync(task)).toBe("rested");
    expect(W.allTasks(loop)).toEqual(new Set());
  });

  it("a long-waiting task can be renamed and cancelled", () => {
    const loop = new W.EventLoop({ clock: "virtual" });
    const { task } = longWaiter(loop);
    task.setName("renamed");
    task.cancel();
    expect(() => loop.runUntilCompleteSync(task)).toThrow(W.CancelledError);
    expect([task.getName(), W.allTasks(loop).size]).toEqual(["renamed", 0]);
  });
});
