// The allocation-free scheduling calls: callSoonId / callLaterId / callAtId return plain
// numeric ids, cancelId cancels by id. Same ordering rules as the Handle API; run on both
// cores.
import { describe, expect, it } from "vitest";
import { EventLoop, RuntimeError, sleep } from "../src/index.js";
import { ReferenceCore } from "../src/core/reference.js";

describe.each(["wasm", "reference"] as const)("%s core", (core) => {
  const virtual = () => new EventLoop({ clock: "virtual", core: core === "wasm" ? "wasm" : () => new ReferenceCore() });

  it("callSoonId runs callback(arg) at the next iteration, in order with callSoon", () => {
    const loop = virtual();
    const seen: unknown[] = [];
    loop.callSoonId((x) => seen.push(x), "a");
    loop.callSoon(() => seen.push("handle"));
    loop.callSoonId((x) => seen.push(x), "b");
    expect(seen).toEqual([]);
    loop.runOnce();
    expect(seen).toEqual(["a", "handle", "b"]);
  });

  it("passes exactly one argument, undefined when omitted", () => {
    const loop = virtual();
    const counts: number[] = [];
    loop.callSoonId(function (this: unknown, ...xs: unknown[]) {
      counts.push(xs.length, xs[0] === undefined ? 0 : 1);
    });
    loop.runOnce();
    expect(counts).toEqual([1, 0]);
  });

  it("a call with an argument after thousands without one receives its argument", () => {
    // calls without an argument store none (the argument array stays short): the first one
    // with an argument, on a slot far past the end, must still be delivered
    const loop = virtual();
    const seen: unknown[] = [];
    for (let i = 0; i < 3000; i++) loop.callLaterId(1 + i / 1000, (x) => seen.push(x));
    const id = loop.callLaterId(9, (x) => seen.push(x), "last");
    loop.callSoonId((x) => seen.push(x), "soon");
    loop.runUntilCompleteSync(sleep(10));
    expect(seen.length).toBe(3002);
    expect(seen[0]).toBe("soon");
    expect(seen.slice(1, 3001).every((x) => x === undefined)).toBe(true);
    expect(seen[3001]).toBe("last");
    expect(loop.cancelId(id)).toBe(false);
  });

  it("a slot that held an argument passes undefined to the argument-less call that reuses it", () => {
    const loop = virtual();
    const seen: unknown[] = [];
    loop.callSoonId((x) => seen.push(x), "first");
    loop.runOnce();
    loop.callSoonId((x) => seen.push(x));
    const cancelled = loop.callLaterId(1, (x) => seen.push(x), "cancelled");
    loop.cancelId(cancelled);
    loop.callLaterId(2, (x) => seen.push(x));
    loop.runUntilCompleteSync(sleep(3));
    expect(seen).toEqual(["first", undefined, undefined]);
  });

  it("a callback that makes the loop's tables grow mid-iteration leaves cancelId's answers right", () => {
    // the slot tables are replaced by larger ones when a slot past their end is used; the
    // iteration under way must clear entries in the table that is current, not the old one
    const loop = virtual();
    const ran: number[] = [];
    const answers: boolean[] = [];
    const ids: number[] = [];
    const cb = (i: number) => {
      ran.push(i);
      if (i === 0) for (let j = 0; j < 5000; j++) loop.callSoonId(() => ran.push(-1));
      if (i === 100) answers.push(loop.cancelId(ids[50]), loop.cancelId(ids[150]));
    };
    for (let i = 0; i < 200; i++) ids.push(loop.callSoonId(cb, i));
    loop.runOnce();
    expect(answers).toEqual([false, true]);
    expect(ran.filter((i) => i >= 0)).toEqual([...Array(200).keys()].filter((i) => i !== 150));
    expect(ran.includes(-1)).toBe(false);
    loop.runOnce();
    expect(ran.filter((i) => i === -1).length).toBe(5000);
  });

  it("returns distinct positive integer ids", () => {
    const loop = virtual();
    const ids = [loop.callSoonId(() => {}), loop.callLaterId(1, () => {}), loop.callAtId(2, () => {})];
    for (const id of ids) expect(Number.isSafeInteger(id) && id > 0).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });

  it("callLaterId fires after delay seconds of loop time", () => {
    const loop = virtual();
    const at: number[] = [];
    loop.callLaterId(2.5, () => at.push(loop.time()));
    loop.runUntilCompleteSync(sleep(10));
    expect(at).toEqual([2.5]);
  });

  it("callAtId fires at the given loop time", () => {
    const loop = virtual();
    const at: number[] = [];
    loop.runUntilCompleteSync(sleep(1));
    loop.callAtId(4, () => at.push(loop.time()));
    loop.runUntilCompleteSync(sleep(10));
    expect(at).toEqual([4]);
  });

  it("orders id timers and Handle timers together: by deadline, then by scheduling order", () => {
    const loop = virtual();
    const seen: string[] = [];
    loop.callLaterId(2, (x) => seen.push(x), "id@2");
    loop.callLater(1, () => seen.push("handle@1"));
    loop.callLater(2, () => seen.push("handle@2"));
    loop.callAtId(1, (x) => seen.push(x), "id@1");
    loop.runUntilCompleteSync(sleep(3));
    expect(seen).toEqual(["handle@1", "id@1", "id@2", "handle@2"]);
  });

  it("cancelId stops a pending timer and returns true", () => {
    const loop = virtual();
    const seen: string[] = [];
    const id = loop.callLaterId(1, () => seen.push("fired"));
    expect(loop.cancelId(id)).toBe(true);
    loop.runUntilCompleteSync(sleep(2));
    expect(seen).toEqual([]);
    expect(loop.nextWakeup()).toBe(Infinity);
  });

  it("cancelId stops a ready callback and returns true", () => {
    const loop = virtual();
    const seen: string[] = [];
    const id = loop.callSoonId(() => seen.push("ran"));
    expect(loop.cancelId(id)).toBe(true);
    loop.runOnce();
    expect(seen).toEqual([]);
  });

  it("cancelId returns false for a call that already ran", () => {
    const loop = virtual();
    const id = loop.callSoonId(() => {});
    loop.runOnce();
    expect(loop.cancelId(id)).toBe(false);
  });

  it("cancelId returns false the second time", () => {
    const loop = virtual();
    const id = loop.callLaterId(1, () => {});
    expect(loop.cancelId(id)).toBe(true);
    expect(loop.cancelId(id)).toBe(false);
  });

  it("a stale id never cancels the later call that reuses its slot", () => {
    const loop = virtual();
    const old = loop.callSoonId(() => {});
    loop.runOnce();
    loop.runOnce(); // the slot is free again after the next iteration starts
    const seen: string[] = [];
    const fresh = loop.callSoonId(() => seen.push("fresh"));
    expect(fresh).not.toBe(old);
    expect(loop.cancelId(old)).toBe(false);
    loop.runOnce();
    expect(seen).toEqual(["fresh"]);
  });

  it("inside an iteration, cancelId skips a later entry and reports an earlier one as run", () => {
    const loop = virtual();
    const seen: string[] = [];
    const results: boolean[] = [];
    let first = 0;
    let third = 0;
    first = loop.callSoonId(() => seen.push("first"));
    loop.callSoonId(() => {
      seen.push("second");
      results.push(loop.cancelId(first), loop.cancelId(third));
    });
    third = loop.callSoonId(() => seen.push("third"));
    loop.runOnce();
    expect(seen).toEqual(["first", "second"]);
    expect(results).toEqual([false, true]);
  });

  it("cancelId of an id the loop never issued returns false", () => {
    const loop = virtual();
    loop.callSoonId(() => {});
    expect(loop.cancelId(0)).toBe(false);
    expect(loop.cancelId(-1)).toBe(false);
    expect(loop.cancelId(1.5)).toBe(false);
    expect(loop.cancelId(NaN)).toBe(false);
    expect(loop.cancelId(2 ** 60)).toBe(false);
  });

  it("rejects a non-number id with a TypeError naming it", () => {
    const loop = virtual();
    expect(() => loop.cancelId("1" as never)).toThrow(TypeError);
    expect(() => loop.cancelId("1" as never)).toThrow(/cancelId: id must be a number/);
  });

  it("rejects a bad delay or when with TypeError / RangeError naming the argument", () => {
    const loop = virtual();
    expect(() => loop.callLaterId("1" as never, () => {})).toThrow(TypeError);
    expect(() => loop.callLaterId(NaN, () => {})).toThrow(/callLaterId: delay must be a finite number/);
    expect(() => loop.callAtId(Infinity, () => {})).toThrow(RangeError);
    expect(() => loop.callAtId(Infinity, () => {})).toThrow(/callAtId: when/);
  });

  it("rejects a callback that is not a function with a TypeError naming it", () => {
    const loop = virtual();
    expect(() => loop.callSoonId(null as never)).toThrow(/callSoonId: callback must be a function, got null/);
    expect(() => loop.callLaterId(1, 5 as never)).toThrow(/callLaterId: callback must be a function/);
    expect(() => loop.callAtId(1, {} as never)).toThrow(/callAtId: callback must be a function/);
  });

  it("schedules nothing when an argument is rejected", () => {
    const loop = virtual();
    expect(() => loop.callLaterId(NaN, () => {})).toThrow();
    expect(() => loop.callSoonId(null as never)).toThrow();
    expect(loop.nextWakeup()).toBe(Infinity);
  });

  it("throws RuntimeError on a closed loop; cancelId there returns false", () => {
    const loop = virtual();
    const id = loop.callLaterId(1, () => {});
    loop.close();
    expect(() => loop.callSoonId(() => {})).toThrow(RuntimeError);
    expect(() => loop.callLaterId(1, () => {})).toThrow(RuntimeError);
    expect(() => loop.callAtId(1, () => {})).toThrow(RuntimeError);
    expect(loop.cancelId(id)).toBe(false);
  });

  it("reports a throwing callback to the exception handler and runs the next one", () => {
    const loop = virtual();
    const contexts: { message: string; exception?: unknown }[] = [];
    loop.setExceptionHandler((_l, ctx) => contexts.push(ctx));
    const seen: string[] = [];
    loop.callSoonId(() => {
      throw new Error("boom");
    });
    loop.callSoonId((x) => seen.push(x), "after");
    loop.runOnce();
    expect(seen).toEqual(["after"]);
    expect(contexts).toHaveLength(1);
    expect((contexts[0].exception as Error).message).toBe("boom");
    expect(contexts[0].message).toMatch(/^Exception in callback /);
  });

  it("many id timers with distinct deadlines fire in deadline order", () => {
    const loop = virtual();
    const fired: number[] = [];
    const n = 3000; // spans several CHUNKs of the core's hand-over
    for (let i = 0; i < n; i++) loop.callAtId(((i * 7919) % n) + 1, (w) => fired.push(w), ((i * 7919) % n) + 1);
    loop.runUntilCompleteSync(sleep(n + 1));
    expect(fired).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  it("runs more ready callbacks than one CHUNK in one iteration, cancelled ones skipped", () => {
    const loop = virtual();
    const seen: number[] = [];
    const ids: number[] = [];
    for (let i = 0; i < 2500; i++) ids.push(loop.callSoonId((x) => seen.push(x), i));
    for (let i = 0; i < 2500; i += 3) loop.cancelId(ids[i]);
    loop.runOnce();
    expect(seen).toEqual(Array.from({ length: 2500 }, (_, i) => i).filter((i) => i % 3 !== 0));
  });
});

describe("ids of another loop", () => {
  it("cancelId on loop B of an id from loop A's callLaterId cancels nothing on B", () => {
    const a = new EventLoop({ clock: "virtual" });
    const b = new EventLoop({ clock: "virtual" });
    const idA = a.callLaterId(1, () => {});
    let ranB = false;
    const idB = b.callLaterId(1, () => (ranB = true));
    expect(idA % 2 ** 24).toBe(idB % 2 ** 24); // the same slot in both loops
    expect(b.cancelId(idA)).toBe(false);
    b.runUntilCompleteSync(sleep(2));
    expect(ranB).toBe(true);
    expect(a.cancelId(idA)).toBe(true);
  });

  it("cancelId of foreign ids is refused for every slot of a busy loop", () => {
    const a = new EventLoop({ clock: "virtual" });
    const b = new EventLoop({ clock: "virtual" });
    const idsA = Array.from({ length: 1000 }, (_, i) => a.callLaterId(i, () => {}));
    let ran = 0;
    for (let i = 0; i < 1000; i++) b.callLaterId(i, () => ran++);
    for (const id of idsA) expect(b.cancelId(id)).toBe(false);
    b.runUntilCompleteSync(sleep(1000));
    expect(ran).toBe(1000);
  });
});
