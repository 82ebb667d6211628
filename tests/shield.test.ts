// shield(): asyncio 3.12's shield, after CPython's test_shield_* and test_gather_shield in
// test_tasks.py.
import { describe, expect, it } from "vitest";
import {
  CancelledError, EventLoop, gather, setEventLoop, shield, sleep, type ExceptionContext,
} from "../src/index.js";
import { virtual, value } from "./fixtures.js";

/** Runs every callback that is ready, without advancing time. */
function runReady(loop: EventLoop): void {
  while (loop.nextWakeup() <= loop.time()) loop.runOnce();
}

describe("shield: outcomes pass through", () => {
  it("gives the inner's result", () => {
    const loop = virtual();
    const inner = loop.createFuture<number>();
    const outer = shield(inner);
    inner.setResult(42);
    expect(loop.runUntilCompleteSync(outer)).toBe(42);
  });

  it("gives the inner's exception", () => {
    const loop = virtual();
    const inner = loop.createFuture();
    const outer = shield(inner);
    runReady(loop);
    const exc = new RangeError("expected");
    inner.setException(exc);
    runReady(loop);
    expect(outer.exception()).toBe(exc);
  });

  it("returns an inner that is already done as it is", () => {
    const loop = virtual();
    const fut = loop.createFuture<number>();
    fut.setResult(42);
    expect(shield(fut)).toBe(fut);
    expect(loop.runUntilCompleteSync(shield(fut))).toBe(42);
  });

  it("is cancelled when the inner is cancelled by other means", () => {
    const loop = virtual();
    const inner = loop.createFuture();
    const outer = shield(inner);
    runReady(loop);
    inner.cancel();
    runReady(loop);
    expect(outer.cancelled()).toBe(true);
  });
});

describe("shield: cancelling the outer", () => {
  it("cancels the outer only, and unhooks it from the inner", () => {
    const loop = virtual();
    const inner = loop.createFuture();
    const outer = shield(inner);
    runReady(loop);
    expect(outer.cancel()).toBe(true);
    runReady(loop);
    expect([outer.cancelled(), inner.cancelled()]).toEqual([true, false]);
    expect(inner._callbacks).toBeNull();
  });

  it("leaves the inner running when the awaiting task is cancelled (test_shield_effect)", () => {
    const loop = virtual();
    const waiter = loop.createFuture();
    let proof = 0;
    function* inner() {
      yield* waiter;
      proof += 1;
    }
    const f = loop.createTask(
      (function* () {
        yield* shield(inner());
        proof += 100;
      })(),
    );
    runReady(loop);
    f.cancel();
    expect(() => loop.runUntilCompleteSync(f)).toThrow(CancelledError);
    waiter.setResult(undefined);
    runReady(loop);
    expect(proof).toBe(1);
  });

  it("gives the awaiting task the cancel message", () => {
    const loop = virtual();
    const t = loop.createTask(
      (function* () {
        return yield* shield(value("v", 10));
      })(),
    );
    loop.callLater(1, () => t.cancel("go away"));
    expect(() => loop.runUntilCompleteSync(t)).toThrow(new CancelledError("go away"));
  });

  it("lets the inner finish after the waiter is gone, on the virtual clock", () => {
    const loop = virtual();
    const inner = loop.createTask(value("kept", 1));
    const t = loop.createTask(
      (function* () {
        return yield* shield(inner);
      })(),
    );
    loop.callLater(0.2, () => t.cancel());
    expect(() => loop.runUntilCompleteSync(t)).toThrow(CancelledError);
    expect(loop.time()).toBe(0.2);
    expect(loop.runUntilCompleteSync(inner)).toBe("kept");
    expect(loop.time()).toBe(1);
  });

  it("marks the inner's later exception retrieved, so it is not reported", async () => {
    const gc = (globalThis as { gc?: () => void }).gc!;
    const loop = virtual();
    const reports: ExceptionContext[] = [];
    loop.setExceptionHandler((_l, ctx) => reports.push(ctx));
    (function () {
      const inner = loop.createFuture();
      const outer = shield(inner);
      outer.cancel();
      inner.setException(new Error("after the shield was cancelled"));
      runReady(loop);
      loop.createFuture().setException(new Error("control")); // never retrieved: reported
    })();
    for (let i = 0; i < 20 && reports.length === 0; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(reports.map((r) => (r.exception as Error).message)).toEqual(["control"]);
  });
});

describe("shield: with gather", () => {
  it("shielding a gather keeps its children when the shield is cancelled (test_shield_gather)", () => {
    const loop = virtual();
    const child1 = loop.createFuture<number>();
    const child2 = loop.createFuture<number>();
    const parent = gather(child1, child2);
    const outer = shield(parent);
    runReady(loop);
    outer.cancel();
    runReady(loop);
    expect(outer.cancelled()).toBe(true);
    child1.setResult(1);
    child2.setResult(2);
    runReady(loop);
    expect(parent.result()).toEqual([1, 2]);
  });

  it("cancelling a gather of shields cancels the shields, not what they protect (test_gather_shield)", () => {
    const loop = virtual();
    const child1 = loop.createFuture<number>();
    const child2 = loop.createFuture<number>();
    const inner1 = shield(child1);
    const inner2 = shield(child2);
    const parent = gather(inner1, inner2);
    runReady(loop);
    parent.cancel();
    runReady(loop);
    expect(parent.exception()).toBeInstanceOf(CancelledError);
    expect([inner1.cancelled(), inner2.cancelled(), child1.cancelled(), child2.cancelled()]).toEqual([true, true, false, false]);
  });
});

describe("shield: loops", () => {
  it("wraps a coroutine on the running loop (test_shield_coroutine_use_running_loop)", () => {
    const loop = virtual();
    const outer = loop.runUntilCompleteSync(
      (function* () {
        return shield(value(42));
      })(),
    );
    expect(outer.getLoop()).toBe(loop);
    expect(loop.runUntilCompleteSync(outer)).toBe(42);
  });

  it("wraps a coroutine on the current event loop outside a running loop (test_shield_coroutine_use_global_loop)", () => {
    const loop = virtual();
    setEventLoop(loop);
    try {
      const outer = shield(value(42));
      expect(outer.getLoop()).toBe(loop);
      expect(loop.runUntilCompleteSync(outer)).toBe(42);
    } finally {
      setEventLoop(null);
    }
  });

  it("belongs to the inner Future's loop", () => {
    const other = virtual();
    expect(shield(other.createFuture()).getLoop()).toBe(other);
  });
});

describe("shield: bad input", () => {
  it.each([
    ["null", null],
    ["a number", 42],
    ["a generator function (not called)", value],
    ["a plain object", {}],
  ])("refuses %s with TypeError naming aw", (_name, v) => {
    expect(() => shield(v as never)).toThrow(/^shield: aw must be a Future, a coroutine or a thenable, got /);
  });

  it("leaves the loop working after a refused call", () => {
    const loop = virtual();
    expect(() => shield(undefined as never)).toThrow(TypeError);
    const inner = loop.createFuture<string>();
    loop.callLater(1, () => inner.setResult("fine"));
    expect(loop.runUntilCompleteSync(shield(inner))).toBe("fine");
  });
});
