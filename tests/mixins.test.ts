// What locks.ts and queues.ts share (src/mixins.ts): loop binding, the waiter FIFO and the
// finished iterators of the fast paths.
import { describe, expect, it } from "vitest";
import { RuntimeError, sleep } from "../src/index.js";
import { DONE_TRUE, DONE_UNDEFINED, Done, LoopBound, Waiter, WaiterQueue, coroutine } from "../src/mixins.js";
import { virtual } from "./fixtures.js";

class Thing extends LoopBound {
  override toString(): string {
    return "<Thing>";
  }
}

describe("LoopBound", () => {
  it("binds to the loop of the first wait and returns it", () => {
    const loop = virtual();
    const t = new Thing();
    expect(t._loop).toBe(null);
    loop.runUntilCompleteSync((function* () { expect(t._getLoop()).toBe(loop); yield* sleep(0); })());
    expect(t._loop).toBe(loop);
  });

  it("refuses another loop, and no loop at all, with a RuntimeError", () => {
    const t = new Thing();
    expect(() => t._getLoop()).toThrow(new RuntimeError("<Thing> can only be waited on in a running event loop"));
    const a = virtual();
    a.runUntilCompleteSync((function* () { t._getLoop(); yield* sleep(0); })());
    expect(() => t._getLoop()).toThrow(/^<Thing> is bound to a different event loop: it belongs to <EventLoop #\d+ idle .*>, and is used from no running loop$/);
    expect(t._loop).toBe(a);
  });

  it("an internal object names its owner in errors", () => {
    const owner = new Thing();
    const inner = new Thing();
    inner._owner = owner;
    expect(() => inner._getLoop()).toThrow("<Thing> (its internal Thing) can only be waited on");
  });
});

describe("WaiterQueue", () => {
  const make = (loop = virtual()) => [0, 1, 2, 3].map(() => new Waiter<number>(loop));

  it("keeps waiters in FIFO order and removes from anywhere in O(1)", () => {
    const q = new WaiterQueue<number>();
    const [a, b, c, d] = make();
    for (const w of [a, b, c, d]) q.push(w);
    expect(q.remove(c)).toBe(true);
    expect(q.remove(c)).toBe(false);
    expect(q.length).toBe(3);
    // (Futures are iterable: compare them by identity, not with toEqual)
    const out = [q.shift(), q.shift(), q.shift(), q.shift()];
    expect(out.map((w) => [a, b, c, d].indexOf(w!))).toEqual([0, 1, 3, -1]);
    expect(q.head === null && q.tail === null && q.length === 0).toBe(true);
  });

  it("remove() of a waiter of another queue is a no-op", () => {
    const q1 = new WaiterQueue<number>();
    const q2 = new WaiterQueue<number>();
    const [a] = make();
    q1.push(a);
    expect(q2.remove(a)).toBe(false);
    expect(q1.length).toBe(1);
  });

  it("allCancelled() is true for none, and for cancelled waiters only", () => {
    const q = new WaiterQueue<number>();
    expect(q.allCancelled()).toBe(true);
    const [a, b] = make();
    q.push(a);
    q.push(b);
    a.cancel();
    expect(q.allCancelled()).toBe(false);
    b.cancel();
    expect(q.allCancelled()).toBe(true);
  });
});

describe("Done and coroutine()", () => {
  it("yield* of a Done evaluates to its value without suspending", () => {
    function* g() {
      const a = yield* DONE_TRUE;
      const b = yield* DONE_UNDEFINED;
      const c = yield* new Done("x");
      return [a, b, c];
    }
    expect(g().next()).toEqual({ done: true, value: [true, undefined, "x"] });
  });

  it("the shared Done objects cannot be changed", () => {
    expect(Object.isFrozen(DONE_TRUE)).toBe(true);
    expect(Object.isFrozen(DONE_UNDEFINED)).toBe(true);
  });

  it("coroutine() runs the body only when the Future is awaited", () => {
    let calls = 0;
    const loop = virtual();
    const r = loop.runUntilCompleteSync((function* () {
      const f = coroutine(() => (calls++, new Done(7)));
      expect(calls).toBe(0);
      const v = yield* f;
      return [v, calls, f.done(), f.result()];
    })());
    expect(r).toEqual([7, 1, true, 7]);
  });

  it("used as a Future, the body runs at the first step of a Task of its own, not at once", () => {
    let calls = 0;
    const loop = virtual();
    loop.runUntilCompleteSync((function* () {
      const f = coroutine(() => (calls++, new Done(1)));
      f.addDoneCallback(() => {});
      expect(calls).toBe(0);
      yield* sleep(0);
      expect([calls, f.done()]).toEqual([1, false]); // the Task is done; its callback settles f next
      yield* sleep(0);
      expect(f.result()).toBe(1);
    })());
  });

  it("a Task cancelled before its first step never runs the body", () => {
    let calls = 0;
    const loop = virtual();
    loop.runUntilCompleteSync((function* () {
      const t = loop.createTask(coroutine(() => (calls++, new Done(1))));
      t.cancel();
      yield* sleep(0);
      expect(t.cancelled()).toBe(true);
    })());
    expect(calls).toBe(0);
  });

  it("the body's error fails the Future, and counts as seen (it reached the awaiting task)", () => {
    const loop = virtual();
    const boom = new Error("boom");
    const f = coroutine(() => { throw boom; });
    const r = loop.runUntilCompleteSync((function* () {
      try {
        yield* f;
      } catch (e) {
        return e;
      }
    })());
    expect(r).toBe(boom);
    expect(f.exception()).toBe(boom);
  });

  it("throw() and return() reach a body that waits, and its outcome is recorded", () => {
    const loop = virtual();
    const log: string[] = [];
    const waiter = loop.createFuture<number>();
    const f = coroutine(function* () {
      try {
        return yield* waiter;
      } finally {
        log.push("finally");
      }
    });
    const it = f[Symbol.iterator]();
    expect(it.next().value).toBe(waiter);
    expect(it.return(5)).toEqual({ done: true, value: 5 });
    expect(log).toEqual(["finally"]);
    expect(f.result()).toBe(5);
    const g = coroutine(function* () { return yield* waiter; });
    const it2 = g[Symbol.iterator]();
    it2.next();
    const err = new RangeError("in");
    expect(() => it2.throw(err)).toThrow(err);
    expect(g.exception()).toBe(err);
  });

  it("passes its argument to the body", () => {
    const loop = virtual();
    const r = loop.runUntilCompleteSync((function* () {
      return yield* coroutine((x: number) => new Done(x * 2), 21);
    })());
    expect(r).toBe(42);
  });
});
