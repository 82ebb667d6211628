// The synchronization primitives (src/locks.ts), after CPython's test_locks.py and
// test_pep492.py: FIFO fairness, cancellation while queued and after the wake-up, the
// hand-off on release, Condition.wait() re-acquiring, the Barrier's states, loop binding,
// the coroutine-like methods, reprs, and bad input for every constructor and method.
import { afterEach, describe, expect, it } from "vitest";
import {
  Barrier,
  BoundedSemaphore,
  BrokenBarrierError,
  CancelledError,
  Condition,
  Event,
  Future,
  Lock,
  RuntimeError,
  Semaphore,
  Task,
  TimeoutError,
  allTasks,
  asyncWith,
  ensureFuture,
  gather,
  setEventLoop,
  sleep,
  waitFor,
} from "../src/index.js";
import { caught, ticker, virtual } from "./fixtures.js";

afterEach(() => setEventLoop(null));

/** Runs `main` to completion on a new virtual loop and returns its value. */
function run<T>(main: () => Generator<unknown, T, any>, loop = virtual()): T {
  return loop.runUntilCompleteSync(main());
}

describe("Lock", () => {
  it("acquire() on a free lock returns true without a loop iteration", () => {
    const loop = virtual();
    const result = run(function* () {
      const t = ticker(loop);
      yield* sleep(0);
      const before = t.count();
      const v = yield* new Lock().acquire();
      const after = t.count();
      t.stop();
      return [v, after - before];
    }, loop);
    expect(result).toEqual([true, 0]);
  });

  it("acquire() that is never awaited takes nothing", () => {
    const lock = new Lock();
    run(function* () {
      lock.acquire();
      yield* sleep(0);
    });
    expect(lock.locked()).toBe(false);
  });

  it("createTask(lock.acquire()) takes the lock at the task's first step", () => {
    const loop = virtual();
    const lock = new Lock();
    run(function* () {
      const t = loop.createTask(lock.acquire());
      expect(lock.locked()).toBe(false);
      expect(t).toBeInstanceOf(Task);
      yield* sleep(0);
      expect(lock.locked()).toBe(true);
      expect(t.result()).toBe(true);
    }, loop);
  });

  it("ensureFuture and gather wrap acquire() in a Task of its own", () => {
    const loop = virtual();
    const lock = new Lock();
    run(function* () {
      const before = allTasks().size;
      const f = ensureFuture(lock.acquire());
      expect(f).toBeInstanceOf(Task);
      const g = gather(new Lock().acquire(), new Lock().acquire());
      expect(allTasks().size).toBe(before + 3);
      expect(yield* g).toEqual([true, true]);
      expect(yield* f).toBe(true);
    }, loop);
  });

  it("a contended acquire() runs inline in the waiting task: it waits on the lock's own Future", () => {
    const loop = virtual();
    const lock = new Lock();
    run(function* () {
      yield* lock.acquire();
      const tasksBefore = allTasks().size;
      const t = loop.createTask((function* () { yield* lock.acquire(); })());
      yield* sleep(0);
      expect(allTasks().size).toBe(tasksBefore + 1);
      expect(String(t)).toMatch(/wait_for=<Future pending/);
      lock.release();
      yield* t;
    }, loop);
  });

  it("is awaitable from an async function (the Future is a thenable)", async () => {
    const loop = virtual();
    const lock = new Lock();
    setEventLoop(loop);
    const p = (async () => await lock.acquire())();
    await loop.runUntilComplete(sleep(1));
    expect(await p).toBe(true);
    expect(lock.locked()).toBe(true);
  });

  it("release() of an unlocked lock throws RuntimeError and the lock stays usable", () => {
    const lock = new Lock();
    expect(() => lock.release()).toThrow(new RuntimeError("Lock is not acquired."));
    expect(run(function* () { return yield* lock.acquire(); })).toBe(true);
    lock.release();
    expect(lock.locked()).toBe(false);
  });

  it("waiters take the lock in the order they started waiting", () => {
    const loop = virtual();
    const lock = new Lock();
    const order: string[] = [];
    run(function* () {
      yield* lock.acquire();
      const ts = ["a", "b", "c"].map((n) =>
        loop.createTask((function* () {
          yield* lock.acquire();
          order.push(n);
          yield* sleep(0.1);
          lock.release();
        })()),
      );
      yield* sleep(0);
      lock.release();
      yield* gather(...ts);
    }, loop);
    expect(order).toEqual(["a", "b", "c"]);
  });

  it("release() wakes only the first waiter; it takes the lock when it runs", () => {
    const loop = virtual();
    const lock = new Lock();
    run(function* () {
      yield* lock.acquire();
      const a = loop.createTask(lock.acquire());
      const b = loop.createTask(lock.acquire());
      yield* sleep(0);
      lock.release();
      expect(lock.locked()).toBe(false);
      yield* sleep(0);
      expect([a.done(), b.done(), lock.locked()]).toEqual([true, false, true]);
      lock.release();
      yield* b;
    }, loop);
  });

  it("a waiter cancelled while queued never takes the lock", () => {
    const loop = virtual();
    const lock = new Lock();
    run(function* () {
      yield* lock.acquire();
      const a = loop.createTask(lock.acquire());
      const b = loop.createTask(lock.acquire());
      yield* sleep(0);
      a.cancel();
      yield* sleep(0);
      lock.release();
      expect(yield* b).toBe(true);
      expect(a.cancelled()).toBe(true);
      expect(lock._waiters!.length).toBe(0);
    }, loop);
  });

  it("a waiter woken and then cancelled before it ran hands the lock to the next waiter", () => {
    const loop = virtual();
    const lock = new Lock();
    run(function* () {
      yield* lock.acquire();
      const a = loop.createTask(lock.acquire());
      const b = loop.createTask(lock.acquire());
      yield* sleep(0);
      lock.release(); // wakes a
      a.cancel(); // too late for a's Future: the CancelledError is thrown into a
      expect(yield* b).toBe(true);
      expect(a.cancelled()).toBe(true);
      expect(lock.locked()).toBe(true);
    }, loop);
  });

  it("a task acquiring between a release and the woken waiter's step queues behind it", () => {
    const loop = virtual();
    const lock = new Lock();
    const order: string[] = [];
    run(function* () {
      yield* lock.acquire();
      const a = loop.createTask((function* () { yield* lock.acquire(); order.push("a"); lock.release(); })());
      yield* sleep(0);
      lock.release();
      yield* lock.acquire(); // not free for us: a was woken first
      order.push("main");
      lock.release();
      yield* a;
    }, loop);
    expect(order).toEqual(["a", "main"]);
  });

  it("when every queued waiter is cancelled a newcomer takes the lock without waiting", () => {
    const loop = virtual();
    const lock = new Lock();
    run(function* () {
      yield* lock.acquire();
      const ws = [loop.createTask(lock.acquire()), loop.createTask(lock.acquire())];
      yield* sleep(0);
      for (const w of ws) w.cancel();
      lock.release();
      const t = ticker(loop);
      const before = t.count();
      expect(yield* lock.acquire()).toBe(true);
      expect(t.count()).toBe(before);
      t.stop();
      yield* gather(...ws, { returnExceptions: true });
    }, loop);
  });

  it("asyncWith holds the lock in the body and releases it when the body throws", () => {
    const lock = new Lock();
    const boom = new Error("boom");
    const err = run(function* () {
      return yield* caught(function* () {
        yield* asyncWith(lock, function* (v) {
          expect(v).toBeUndefined();
          expect(lock.locked()).toBe(true);
          throw boom;
        });
      });
    });
    expect(err).toBe(boom);
    expect(lock.locked()).toBe(false);
  });

  it("aexit() releases and resolves to undefined (never swallows the exception)", () => {
    const lock = new Lock();
    run(function* () {
      expect(yield* lock.aenter()).toBeUndefined();
      expect(lock.locked()).toBe(true);
      expect(yield* lock.aexit(new Error("x"))).toBeUndefined();
      expect(lock.locked()).toBe(false);
    });
  });

  it("a Lock is not itself awaitable: yield* throws TypeError, yield is a bad yield", () => {
    const lock = new Lock();
    const loop = virtual();
    const errs = run(function* () {
      const a = yield* caught(function* () { yield* (lock as any); });
      const b = yield* caught(function* () { yield lock; });
      return [a, b];
    }, loop);
    expect(errs[0]).toBeInstanceOf(TypeError);
    expect(errs[1]).toBeInstanceOf(TypeError);
    expect(lock.locked()).toBe(false);
  });

  it("toString shows the state and the number of waiters", () => {
    const loop = virtual();
    const lock = new Lock();
    expect(String(lock)).toBe("<Lock [unlocked]>");
    run(function* () {
      yield* lock.acquire();
      expect(String(lock)).toBe("<Lock [locked]>");
      const ts = [loop.createTask(lock.acquire()), loop.createTask(lock.acquire())];
      yield* sleep(0);
      expect(String(lock)).toBe("<Lock [locked, waiters:2]>");
      for (const t of ts) t.cancel();
      yield* gather(...ts, { returnExceptions: true });
    }, loop);
  });

  it("waiting on a lock bound to another loop is a RuntimeError naming both loops", () => {
    const lock = new Lock();
    const first = virtual();
    run(function* () {
      yield* lock.acquire();
      const t = first.createTask(lock.acquire());
      yield* sleep(0);
      lock.release();
      yield* t;
    }, first);
    const other = virtual();
    const err = run(function* () {
      return yield* caught(function* () { yield* lock.acquire(); });
    }, other) as Error;
    expect(err).toBeInstanceOf(RuntimeError);
    expect(err.message).toMatch(/^<Lock \[locked\]> is bound to a different event loop: it belongs to <EventLoop #\d+ idle .*>, and is used from <EventLoop #\d+ running .*>$/);
    // both loops go on; the lock too, on its own loop
    run(function* () { yield* sleep(1); }, other);
    lock.release();
    expect(run(function* () { return yield* lock.acquire(); }, first)).toBe(true);
  });

  it("the fast path never looks at the loop: an uncontended lock works from any loop", () => {
    const lock = new Lock();
    const a = virtual();
    run(function* () {
      yield* lock.acquire();
      const t = a.createTask(lock.acquire());
      yield* sleep(0);
      lock.release();
      yield* t;
      lock.release();
    }, a);
    expect(run(function* () { return yield* lock.acquire(); })).toBe(true);
  });
});

describe("Event", () => {
  it("wait() on a set event returns true without a loop iteration", () => {
    const loop = virtual();
    const ev = new Event();
    ev.set();
    const r = run(function* () {
      const t = ticker(loop);
      yield* sleep(0);
      const before = t.count();
      const v = yield* ev.wait();
      const n = t.count() - before;
      t.stop();
      return [v, n];
    }, loop);
    expect(r).toEqual([true, 0]);
  });

  it("set() wakes every waiter; wait() returns true", () => {
    const loop = virtual();
    const ev = new Event();
    const r = run(function* () {
      const ts = [0, 1, 2].map(() => loop.createTask(ev.wait()));
      yield* sleep(0);
      expect(ev._waiters.length).toBe(3);
      ev.set();
      const r = yield* gather(...ts);
      expect(ev._waiters.length).toBe(0);
      return r;
    }, loop);
    expect(r).toEqual([true, true, true]);
  });

  it("clear() right after set() still lets the woken waiters through", () => {
    const loop = virtual();
    const ev = new Event();
    run(function* () {
      const t = loop.createTask(ev.wait());
      yield* sleep(0);
      ev.set();
      ev.clear();
      expect(ev.isSet()).toBe(false);
      expect(yield* t).toBe(true);
    }, loop);
  });

  it("a cancelled waiter leaves the waiter list", () => {
    const loop = virtual();
    const ev = new Event();
    run(function* () {
      const t = loop.createTask(ev.wait());
      yield* sleep(0);
      t.cancel();
      yield* sleep(0);
      expect(t.cancelled()).toBe(true);
      expect(ev._waiters.length).toBe(0);
    }, loop);
  });

  it("wait() that is never awaited registers no waiter", () => {
    const ev = new Event();
    run(function* () {
      ev.wait();
      yield* sleep(0);
    });
    expect(ev._waiters.length).toBe(0);
  });

  it("toString shows set/unset and waiters", () => {
    const loop = virtual();
    const ev = new Event();
    expect(String(ev)).toBe("<Event [unset]>");
    run(function* () {
      const t = loop.createTask(ev.wait());
      yield* sleep(0);
      expect(String(ev)).toBe("<Event [unset, waiters:1]>");
      ev.set();
      expect(String(ev)).toBe("<Event [set, waiters:1]>");
      yield* t;
    }, loop);
    expect(String(ev)).toBe("<Event [set]>");
  });
});

describe("Condition", () => {
  it("uses the Lock it is given, or a new one; anything else is a TypeError", () => {
    const lock = new Lock();
    expect(new Condition(lock)._lock).toBe(lock);
    expect(new Condition()._lock).toBeInstanceOf(Lock);
    expect(new Condition(null)._lock).toBeInstanceOf(Lock);
    expect(() => new Condition({} as Lock)).toThrow(new TypeError("Condition: lock must be a Lock or null, got Object"));
    expect(() => new Condition(new Semaphore() as unknown as Lock)).toThrow(TypeError);
  });

  it("acquire/release/locked are the lock's", () => {
    const lock = new Lock();
    const cond = new Condition(lock);
    run(function* () {
      yield* cond.acquire();
      expect(lock.locked()).toBe(true);
      expect(cond.locked()).toBe(true);
      cond.release();
      expect(lock.locked()).toBe(false);
    });
  });

  it("wait() without the lock is a RuntimeError, and the condition stays usable", () => {
    const cond = new Condition();
    const err = run(function* () { return yield* caught(function* () { yield* cond.wait(); }); });
    expect(err).toEqual(new RuntimeError("cannot wait on un-acquired lock"));
    expect(run(function* () { return yield* cond.acquire(); })).toBe(true);
  });

  it("notify() and notifyAll() without the lock are RuntimeErrors", () => {
    const cond = new Condition();
    expect(() => cond.notify()).toThrow(new RuntimeError("cannot notify on un-acquired lock"));
    expect(() => cond.notifyAll()).toThrow(RuntimeError);
  });

  it("notify(n) refuses what is not a non-negative integer or Infinity", () => {
    const cond = new Condition();
    run(function* () {
      yield* cond.acquire();
      expect(() => cond.notify("1" as any)).toThrow(new TypeError('Condition.notify: n must be a number, got string "1"'));
      expect(() => cond.notify(-1)).toThrow(new RangeError("Condition.notify: n must be a non-negative integer or Infinity, got -1"));
      expect(() => cond.notify(NaN)).toThrow(RangeError);
      expect(() => cond.notify(1.5)).toThrow(RangeError);
      cond.notify(0);
      cond.notify(Infinity);
      cond.release();
    });
  });

  it("notify(n) wakes n waiters in FIFO order; each returns once it holds the lock", () => {
    const loop = virtual();
    const cond = new Condition();
    const order: number[] = [];
    run(function* () {
      const ts = [1, 2, 3].map((n) =>
        loop.createTask((function* () {
          yield* cond.acquire();
          yield* cond.wait();
          order.push(n);
          cond.release();
        })()),
      );
      yield* sleep(0);
      yield* cond.acquire();
      cond.notify(2);
      yield* sleep(0);
      expect(order).toEqual([]); // the lock is still ours
      cond.release();
      yield* sleep(0.1);
      expect(order).toEqual([1, 2]);
      yield* cond.acquire();
      cond.notifyAll();
      cond.release();
      yield* gather(...ts);
    }, loop);
    expect(order).toEqual([1, 2, 3]);
  });

  it("wait() cancelled while waiting re-acquires the lock before CancelledError leaves it", () => {
    const loop = virtual();
    const cond = new Condition();
    let heldOnCancel: boolean | null = null;
    run(function* () {
      const t = loop.createTask((function* () {
        yield* cond.acquire();
        try {
          yield* cond.wait();
        } catch (e) {
          heldOnCancel = cond.locked();
          cond.release();
          throw e;
        }
      })());
      yield* sleep(0);
      yield* cond.acquire(); // the waiter has to wait for us to re-acquire
      t.cancel();
      yield* sleep(0.1);
      expect(t.done()).toBe(false);
      cond.release();
      yield* gather(t, { returnExceptions: true });
      expect(t.cancelled()).toBe(true);
    }, loop);
    expect(heldOnCancel).toBe(true);
    expect(cond.locked()).toBe(false);
  });

  it("a cancel while wait() re-acquires is held back until the lock is held, then raised", () => {
    const loop = virtual();
    const cond = new Condition();
    run(function* () {
      const t = loop.createTask((function* () {
        yield* cond.acquire();
        const r = yield* caught(function* () { yield* cond.wait(); });
        return [r instanceof CancelledError, cond.locked()];
      })());
      yield* sleep(0);
      yield* cond.acquire();
      cond.notify();
      yield* sleep(0); // the waiter now waits for the lock
      t.cancel();
      t.cancel();
      yield* sleep(0);
      cond.release();
      expect(yield* t).toEqual([true, true]);
      cond.release();
    }, loop);
  });

  it("waitFor() returns the predicate's value: at once when truthy (lock or not), else after notifications", () => {
    const loop = virtual();
    const cond = new Condition();
    const items: string[] = [];
    const r = run(function* () {
      expect(yield* cond.waitFor(() => "ready")).toBe("ready");
      const t = loop.createTask((function* () {
        yield* cond.acquire();
        const v = yield* cond.waitFor(() => items.shift());
        cond.release();
        return v;
      })());
      yield* sleep(0);
      for (const item of [null, "x"]) {
        yield* cond.acquire();
        if (item !== null) items.push(item);
        cond.notify();
        cond.release();
        yield* sleep(0.1);
      }
      return yield* t;
    }, loop);
    expect(r).toBe("x");
  });

  it("waitFor() refuses a predicate that is not a function", () => {
    const cond = new Condition();
    expect(() => cond.waitFor(true as any)).toThrow(new TypeError("Condition.waitFor: predicate must be a function, got boolean true"));
  });

  it("a predicate that throws fails waitFor() with its error and leaves the lock held", () => {
    const loop = virtual();
    const cond = new Condition();
    const boom = new Error("predicate");
    let calls = 0;
    const err = run(function* () {
      yield* cond.acquire();
      const t = loop.createTask((function* () {
        yield* sleep(0);
        yield* cond.acquire();
        cond.notify();
        cond.release();
      })());
      const e = yield* caught(function* () {
        yield* cond.waitFor(() => {
          if (++calls === 2) throw boom;
          return false;
        });
      });
      yield* t;
      return e;
    }, loop);
    expect(err).toBe(boom);
    expect(cond.locked()).toBe(true);
  });

  it("Conditions sharing a Lock wake only their own waiters", () => {
    const loop = virtual();
    const lock = new Lock();
    const a = new Condition(lock);
    const b = new Condition(lock);
    run(function* () {
      const ta = loop.createTask((function* () { yield* a.acquire(); yield* a.wait(); a.release(); })());
      const tb = loop.createTask((function* () { yield* b.acquire(); yield* b.wait(); b.release(); })());
      yield* sleep(0);
      yield* asyncWith(b, function* () { b.notifyAll(); });
      yield* sleep(0.1);
      expect([ta.done(), tb.done()]).toEqual([false, true]);
      yield* asyncWith(a, function* () { a.notify(); });
      yield* ta;
    }, loop);
  });

  it("waitFor(cond.wait(), t) that times out returns with the lock held", () => {
    const cond = new Condition();
    const r = run(function* () {
      return yield* asyncWith(cond, function* () {
        const e = yield* caught(function* () { yield* waitFor(cond.wait(), 0.5); });
        return [e instanceof TimeoutError, cond.locked(), cond._waiters.length];
      });
    });
    expect(r).toEqual([true, true, 0]);
    expect(cond.locked()).toBe(false);
  });

  it("toString shows the lock's state and the condition's waiters", () => {
    const loop = virtual();
    const cond = new Condition();
    expect(String(cond)).toBe("<Condition [unlocked]>");
    run(function* () {
      const t = loop.createTask((function* () { yield* cond.acquire(); yield* cond.wait(); cond.release(); })());
      yield* sleep(0);
      expect(String(cond)).toBe("<Condition [unlocked, waiters:1]>");
      yield* cond.acquire();
      expect(String(cond)).toBe("<Condition [locked, waiters:1]>");
      cond.notify();
      cond.release();
      yield* t;
    }, loop);
  });

  it("waiting on a condition bound to another loop fails and still re-acquires the lock", () => {
    const cond = new Condition();
    const first = virtual();
    run(function* () {
      const t = first.createTask((function* () { yield* cond.acquire(); yield* cond.wait(); cond.release(); })());
      yield* sleep(0);
      yield* asyncWith(cond, function* () { cond.notify(); });
      yield* t;
    }, first);
    const r = run(function* () {
      yield* cond.acquire();
      const e = yield* caught(function* () { yield* cond.wait(); });
      return [e instanceof RuntimeError, cond.locked()];
    });
    expect(r).toEqual([true, true]);
  });
});

describe("Semaphore", () => {
  it("starts at 1 by default", () => {
    const sem = new Semaphore();
    expect(sem._value).toBe(1);
    expect(sem.locked()).toBe(false);
  });

  it("Semaphore(0) is locked", () => {
    expect(new Semaphore(0).locked()).toBe(true);
  });

  it("refuses a value that is not a non-negative integer, naming the argument", () => {
    expect(() => new Semaphore(-1)).toThrow(new RangeError("Semaphore: value must be a non-negative integer, got number -1"));
    expect(() => new Semaphore(1.5)).toThrow(RangeError);
    expect(() => new Semaphore(NaN)).toThrow(new RangeError("Semaphore: value must be a non-negative integer, got number NaN"));
    expect(() => new Semaphore(Infinity)).toThrow(RangeError);
    expect(() => new Semaphore("2" as any)).toThrow(new TypeError('Semaphore: value must be a non-negative integer, got string "2"'));
    expect(() => new Semaphore(null as any)).toThrow(TypeError);
    expect(() => new BoundedSemaphore(-2)).toThrow(new RangeError("BoundedSemaphore: value must be a non-negative integer, got number -2"));
  });

  it("acquire() with a free unit returns true without a loop iteration", () => {
    const loop = virtual();
    const sem = new Semaphore(2);
    const r = run(function* () {
      const t = ticker(loop);
      yield* sleep(0);
      const before = t.count();
      const v = [yield* sem.acquire(), yield* sem.acquire()];
      const n = t.count() - before;
      t.stop();
      return [v, n];
    }, loop);
    expect(r).toEqual([[true, true], 0]);
    expect(sem.locked()).toBe(true);
  });

  it("waiters get units in FIFO order; release() hands a unit straight to the first", () => {
    const loop = virtual();
    const sem = new Semaphore(0);
    const order: number[] = [];
    run(function* () {
      const ts = [1, 2, 3].map((n) => loop.createTask((function* () { yield* sem.acquire(); order.push(n); })()));
      yield* sleep(0);
      sem.release();
      expect(sem._value).toBe(0); // set aside for the first waiter
      sem.release();
      sem.release();
      yield* gather(...ts);
    }, loop);
    expect(order).toEqual([1, 2, 3]);
    expect(sem._value).toBe(0);
  });

  it("is locked while a live waiter is queued, so a newcomer cannot barge (3.12)", () => {
    const loop = virtual();
    const sem = new Semaphore(0);
    const order: string[] = [];
    run(function* () {
      const a = loop.createTask((function* () { yield* sem.acquire(); order.push("a"); })());
      yield* sleep(0);
      sem.release();
      sem.release();
      // two units: one set aside for a, one free; still a newcomer waits its turn
      expect(sem.locked()).toBe(true);
      yield* sem.acquire();
      order.push("main");
      yield* a;
    }, loop);
    expect(order).toEqual(["a", "main"]);
  });

  it("a waiter cancelled before the release is skipped", () => {
    const loop = virtual();
    const sem = new Semaphore(0);
    run(function* () {
      const ts = [0, 1].map(() => loop.createTask(sem.acquire()));
      yield* sleep(0);
      ts[0].cancel();
      sem.release();
      yield* sleep(0);
      yield* sleep(0);
      expect([ts[0].cancelled(), ts[1].done()]).toEqual([true, true]);
      expect(sem._value).toBe(0);
    }, loop);
  });

  it("a waiter woken and then cancelled gives its unit to the next waiter", () => {
    const loop = virtual();
    const sem = new Semaphore(0);
    run(function* () {
      const ts = [0, 1].map(() => loop.createTask(sem.acquire()));
      yield* sleep(0);
      sem.release(); // wakes ts[0]
      ts[0].cancel();
      expect(yield* ts[1]).toBe(true);
      expect(ts[0].cancelled()).toBe(true);
      expect(sem._value).toBe(0);
      expect(sem._waiters!.length).toBe(0);
    }, loop);
  });

  it("a plain Semaphore may be released more often than acquired", () => {
    const sem = new Semaphore(1);
    sem.release();
    sem.release();
    expect(sem._value).toBe(3);
  });

  it("BoundedSemaphore: release() past the initial value is a RangeError that changes nothing", () => {
    const sem = new BoundedSemaphore(2);
    expect(() => sem.release()).toThrow(new RangeError("BoundedSemaphore released too many times"));
    expect(sem._value).toBe(2);
    run(function* () {
      yield* sem.acquire();
      sem.release();
    });
    expect(() => sem.release()).toThrow(RangeError);
    expect(sem._value).toBe(2);
  });

  it("asyncWith takes a unit for the body and gives it back", () => {
    const sem = new Semaphore(1);
    run(function* () {
      yield* asyncWith(sem, function* (v) {
        expect(v).toBeUndefined();
        expect(sem.locked()).toBe(true);
      });
    });
    expect(sem._value).toBe(1);
  });

  it("toString shows the value while unlocked, and waiters", () => {
    const loop = virtual();
    const sem = new Semaphore(1);
    expect(String(sem)).toBe("<Semaphore [unlocked, value:1]>");
    expect(String(new BoundedSemaphore(3))).toBe("<BoundedSemaphore [unlocked, value:3]>");
    run(function* () {
      yield* sem.acquire();
      expect(String(sem)).toBe("<Semaphore [locked]>");
      const t = loop.createTask(sem.acquire());
      yield* sleep(0);
      expect(String(sem)).toBe("<Semaphore [locked, waiters:1]>");
      sem.release();
      yield* t;
    }, loop);
  });
});

describe("Barrier", () => {
  it("refuses parties that are not a positive integer, naming the argument", () => {
    expect(() => new Barrier(0)).toThrow(new RangeError("Barrier: parties must be a positive integer, got number 0"));
    expect(() => new Barrier(-4)).toThrow(RangeError);
    expect(() => new Barrier(2.5)).toThrow(RangeError);
    expect(() => new Barrier(NaN)).toThrow(RangeError);
    expect(() => new Barrier("3" as any)).toThrow(new TypeError('Barrier: parties must be a positive integer, got string "3"'));
    expect(() => new (Barrier as any)()).toThrow(TypeError);
  });

  it("parties, nWaiting and broken are read-only", () => {
    const b = new Barrier(2);
    expect(() => ((b as any).parties = 3)).toThrow(TypeError);
    expect(() => ((b as any).nWaiting = 3)).toThrow(TypeError);
    expect(() => ((b as any).broken = true)).toThrow(TypeError);
    expect([b.parties, b.nWaiting, b.broken]).toEqual([2, 0, false]);
  });

  it("lets `parties` tasks pass together with distinct indices", () => {
    const loop = virtual();
    const b = new Barrier(3);
    const r = run(function* () {
      const ts = [0, 1].map(() => loop.createTask(b.wait()));
      yield* sleep(0);
      expect(b.nWaiting).toBe(2);
      const mine = yield* b.wait();
      const others = yield* gather(...ts);
      return [mine, ...others].sort();
    }, loop);
    expect(r).toEqual([0, 1, 2]);
    expect(b.nWaiting).toBe(0);
  });

  it("blocks newcomers while it drains, then fills again", () => {
    const loop = virtual();
    const b = new Barrier(2);
    const log: string[] = [];
    run(function* () {
      const p = (name: string) => loop.createTask((function* () { const i = yield* b.wait(); log.push(`${name}${i}`); })());
      const ts = [p("a"), p("b")];
      yield* sleep(0);
      expect(String(b)).toBe("<Barrier [draining, waiters:0/2]>");
      ts.push(p("c"));
      yield* sleep(0);
      yield* sleep(0);
      expect(String(b)).toBe("<Barrier [filling, waiters:1/2]>");
      ts.push(p("d"));
      yield* gather(...ts);
    }, loop);
    expect(log).toEqual(["b1", "a0", "d1", "c0"]);
  });

  it("a waiter cancelled while it fills leaves the barrier (one fewer waiting)", () => {
    const loop = virtual();
    const b = new Barrier(3);
    run(function* () {
      const ts = [0, 1].map(() => loop.createTask(b.wait()));
      yield* sleep(0);
      ts[0].cancel();
      yield* sleep(0);
      expect([ts[0].cancelled(), b.nWaiting]).toEqual([true, 1]);
      ts[0] = loop.createTask(b.wait());
      yield* b.wait();
      yield* gather(...ts);
    }, loop);
  });

  it("reset() makes the waiting tasks raise BrokenBarrierError and leaves it filling", () => {
    const loop = virtual();
    const b = new Barrier(3);
    const r = run(function* () {
      const ts = [0, 1].map(() => loop.createTask(b.wait()));
      yield* sleep(0);
      yield* b.reset();
      expect(String(b)).toBe("<Barrier [resetting, waiters:0/3]>");
      return yield* gather(...ts, { returnExceptions: true });
    }, loop);
    for (const e of r) expect(e).toEqual(new BrokenBarrierError("Abort or reset of barrier"));
    expect(String(b)).toBe("<Barrier [filling, waiters:0/3]>");
    expect(b.broken).toBe(false);
  });

  it("abort() breaks it for waiting and later tasks; reset() repairs it", () => {
    const loop = virtual();
    const b = new Barrier(2);
    run(function* () {
      const t = loop.createTask(b.wait());
      yield* sleep(0);
      yield* b.abort();
      expect(b.broken).toBe(true);
      expect(String(b)).toBe("<Barrier [broken]>");
      expect((yield* gather(t, { returnExceptions: true }))[0]).toBeInstanceOf(BrokenBarrierError);
      const late = yield* caught(function* () { yield* b.wait(); });
      expect(late).toEqual(new BrokenBarrierError("Barrier aborted"));
      yield* b.reset();
      expect(b.broken).toBe(false);
      const again = loop.createTask(b.wait());
      yield* b.wait();
      yield* again;
    }, loop);
  });

  it("BrokenBarrierError is a RuntimeError with its own name", () => {
    const e = new BrokenBarrierError("x");
    expect(e).toBeInstanceOf(RuntimeError);
    expect(e.name).toBe("BrokenBarrierError");
    expect(String(e)).toBe("BrokenBarrierError: x");
  });

  it("asyncWith gives the task's index", () => {
    const loop = virtual();
    const b = new Barrier(2);
    const r = run(function* () {
      const t = loop.createTask(asyncWith(b, function* (i) { return i; }));
      const mine = yield* asyncWith(b, function* (i) { return i; });
      return [mine, yield* t].sort();
    }, loop);
    expect(r).toEqual([0, 1]);
  });

  it("an error from another loop names the Barrier", () => {
    const b = new Barrier(2);
    const first = virtual();
    run(function* () {
      const t = first.createTask(b.wait());
      yield* b.wait();
      yield* t;
    }, first);
    const err = run(function* () {
      return yield* caught(function* () {
        yield* b.wait();
      });
    }) as Error;
    expect(err).toBeInstanceOf(RuntimeError);
    expect(err.message).toMatch(/^<Barrier \[filling, waiters:1\/2\]> \(its internal Condition\) is bound to a different event loop/);
  });
});

describe("coroutine-like Futures", () => {
  it("every method asyncio defines as a coroutine returns a Future", () => {
    const lock = new Lock();
    const fs: unknown[] = [
      lock.acquire(), lock.aenter(), new Event().wait(), new Condition().wait(), new Condition().waitFor(() => 1),
      new Condition().aenter(), new Semaphore().acquire(), new Semaphore().aenter(), new Barrier(1).wait(),
      new Barrier(1).reset(), new Barrier(1).abort(), new Barrier(1).aenter(), new Barrier(1).aexit(null),
      lock.aexit(null), new Semaphore().aexit(null), new Condition().aexit(null),
    ];
    for (const f of fs) {
      expect(f).toBeInstanceOf(Future);
      (f as Future).cancel(); // never started: nothing happens
    }
    expect(lock.locked()).toBe(false);
  });

  it("aexit() that fails (release of an unheld lock) fails its Future with the RuntimeError", () => {
    const lock = new Lock();
    const err = run(function* () { return yield* caught(function* () { yield* lock.aexit(null); }); });
    expect(err).toBeInstanceOf(RuntimeError);
  });

  it("a Future used as a Future (yield fut) runs the body in a Task of its own", () => {
    const loop = virtual();
    const lock = new Lock();
    const r = run(function* () {
      const f = lock.acquire();
      const v = yield f;
      return [v, f.done(), f.result()];
    }, loop);
    expect(r).toEqual([true, true, true]);
  });
});
