// The queues (src/queues.ts), after CPython's test_queues.py and 3.13's shutdown tests:
// FIFO/priority/LIFO order, getter and putter fairness, cancellation while queued and after
// the wake-up, join/taskDone, shutdown, the coroutine-like methods, loop binding, reprs and
// bad input.
import { afterEach, describe, expect, it } from "vitest";
import {
  CancelledError,
  LifoQueue,
  PriorityQueue,
  Queue,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  RuntimeError,
  Task,
  TimeoutError,
  allTasks,
  gather,
  setEventLoop,
  sleep,
  waitFor,
} from "../src/index.js";
import { caught, ticker, virtual } from "./fixtures.js";

afterEach(() => setEventLoop(null));

function run<T>(main: () => Generator<unknown, T, any>, loop = virtual()): T {
  return loop.runUntilCompleteSync(main());
}

describe("Queue: construction and state", () => {
  it("is unbounded by default; maxsize <= 0 is unbounded too", () => {
    for (const q of [new Queue(), new Queue(0), new Queue(-3)]) {
      for (let i = 0; i < 100; i++) q.putNowait(i);
      expect(q.full()).toBe(false);
      expect(q.qsize()).toBe(100);
    }
  });

  it("refuses a maxsize that is not a number, or NaN, naming the argument", () => {
    expect(() => new Queue("2" as any)).toThrow(new TypeError('Queue: maxsize must be a number (0 or less: unbounded), got string "2"'));
    expect(() => new Queue(null as any)).toThrow(TypeError);
    expect(() => new PriorityQueue(NaN)).toThrow(new RangeError("PriorityQueue: maxsize must be a number (0 or less: unbounded), got NaN"));
  });

  it("a fractional maxsize holds items while qsize < maxsize (as asyncio)", () => {
    const q = new Queue(1.3);
    q.putNowait(1);
    q.putNowait(2);
    expect(q.full()).toBe(true);
    expect(() => q.putNowait(3)).toThrow(QueueFull);
  });

  it("maxsize is read-only", () => {
    const q = new Queue(2);
    expect(() => ((q as any).maxsize = 5)).toThrow(TypeError);
    expect(q.maxsize).toBe(2);
  });

  it("qsize, empty and full follow the items", () => {
    const q = new Queue<number>(2);
    expect([q.qsize(), q.empty(), q.full()]).toEqual([0, true, false]);
    q.putNowait(1);
    expect([q.qsize(), q.empty(), q.full()]).toEqual([1, false, false]);
    q.putNowait(2);
    expect([q.qsize(), q.empty(), q.full()]).toEqual([2, false, true]);
  });

  it("getNowait on an empty queue throws QueueEmpty; putNowait on a full one QueueFull", () => {
    const q = new Queue(1);
    expect(() => q.getNowait()).toThrow(QueueEmpty);
    q.putNowait("a");
    expect(() => q.putNowait("b")).toThrow(QueueFull);
    expect(q.getNowait()).toBe("a");
  });

  it("the queue errors carry their own names and empty messages, as asyncio's", () => {
    for (const [C, name] of [[QueueEmpty, "QueueEmpty"], [QueueFull, "QueueFull"], [QueueShutDown, "QueueShutDown"]] as const) {
      const e = new C();
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(name);
      expect(e.message).toBe("");
    }
  });

  it("a FIFO queue keeps order across many puts and gets (storage compaction included)", () => {
    const q = new Queue<number>();
    const out: number[] = [];
    for (let i = 0; i < 5000; i++) {
      q.putNowait(i);
      if (i % 3 === 0) out.push(q.getNowait());
    }
    while (!q.empty()) out.push(q.getNowait());
    expect(out).toEqual([...Array(5000).keys()]);
  });

  it("toString shows maxsize, items, waiters, unfinished tasks and shutdown", () => {
    const loop = virtual();
    const q = new Queue<unknown>(1);
    expect(String(q)).toBe("<Queue maxsize=1>");
    run(function* () {
      const g = loop.createTask(q.get());
      yield* sleep(0);
      expect(String(q)).toBe("<Queue maxsize=1 _getters[1]>");
      q.putNowait("it's");
      yield* g;
      q.putNowait([1, null, true]);
      const p = loop.createTask(q.put(2));
      yield* sleep(0);
      expect(String(q)).toBe("<Queue maxsize=1 _queue=[[1, None, True]] _putters[1] tasks=2>");
      q.getNowait();
      yield* p;
      expect(String(q)).toBe("<Queue maxsize=1 _queue=[2] tasks=3>");
      q.shutdown(true);
      expect(String(q)).toBe("<Queue maxsize=1 tasks=2 shutdown>");
    }, loop);
    const s = new Queue<string>();
    s.putNowait("it's");
    expect(String(s)).toBe("<Queue maxsize=0 _queue=['it\\'s'] tasks=1>");
  });
});

describe("Queue: waiting", () => {
  it("put() with room and get() of a present item take no loop iteration", () => {
    const loop = virtual();
    const q = new Queue<number>(5);
    const r = run(function* () {
      const t = ticker(loop);
      yield* sleep(0);
      const before = t.count();
      yield* q.put(1);
      yield* q.put(2);
      const got = [yield* q.get(), yield* q.get()];
      const n = t.count() - before;
      t.stop();
      return [got, n];
    }, loop);
    expect(r).toEqual([[1, 2], 0]);
  });

  it("get() that is never awaited takes no item", () => {
    const q = new Queue();
    q.putNowait("a");
    run(function* () {
      q.get();
      yield* sleep(0);
    });
    expect(q.qsize()).toBe(1);
  });

  it("createTask(q.get()) takes an item at the task's first step; gather wraps each get in a Task", () => {
    const loop = virtual();
    const q = new Queue<string>();
    run(function* () {
      q.putNowait("a");
      const t = loop.createTask(q.get());
      expect(t).toBeInstanceOf(Task);
      expect(q.qsize()).toBe(1);
      yield* sleep(0);
      expect([t.result(), q.qsize()]).toEqual(["a", 0]);
      const before = allTasks().size;
      const g = gather(q.get(), q.get());
      expect(allTasks().size).toBe(before + 2);
      q.putNowait("x");
      q.putNowait("y");
      expect(yield* g).toEqual(["x", "y"]);
    }, loop);
  });

  it("getters are served in the order they started waiting", () => {
    const loop = virtual();
    const q = new Queue<number>();
    const r = run(function* () {
      const ts = ["a", "b", "c"].map((n) => loop.createTask((function* () { return `${n}${yield* q.get()}`; })()));
      yield* sleep(0);
      for (let i = 0; i < 3; i++) q.putNowait(i);
      return yield* gather(...ts);
    }, loop);
    expect(r).toEqual(["a0", "b1", "c2"]);
  });

  it("put() on a full queue waits until a get frees a slot, in FIFO order of the putters", () => {
    const loop = virtual();
    const q = new Queue<string>(1);
    const r = run(function* () {
      q.putNowait("first");
      const ps = ["p1", "p2"].map((n) => loop.createTask(q.put(n)));
      yield* sleep(0);
      expect(q._putters.length).toBe(2);
      const got: string[] = [];
      for (let i = 0; i < 3; i++) got.push(yield* q.get());
      yield* gather(...ps);
      return got;
    }, loop);
    expect(r).toEqual(["first", "p1", "p2"]);
  });

  it("a getter cancelled while waiting is skipped and leaves no trace", () => {
    const loop = virtual();
    const q = new Queue<string>();
    run(function* () {
      const t1 = loop.createTask(q.get());
      const t2 = loop.createTask(q.get());
      yield* sleep(0);
      t1.cancel();
      yield* sleep(0);
      expect(q._getters.length).toBe(1);
      q.putNowait("a");
      expect(yield* t2).toBe("a");
      expect(t1.cancelled()).toBe(true);
    }, loop);
  });

  it("a getter woken and then cancelled wakes the next getter: the item is not lost", () => {
    const loop = virtual();
    const q = new Queue<number>();
    run(function* () {
      const readers = [0, 1, 2].map(() => loop.createTask(q.get()));
      yield* sleep(0);
      q.putNowait(1);
      q.putNowait(2);
      readers[0].cancel();
      const got = yield* gather(readers[1], readers[2]);
      expect(got.sort()).toEqual([1, 2]);
      expect(readers[0].cancelled()).toBe(true);
      expect(q.qsize()).toBe(0);
    }, loop);
  });

  it("a single reader woken and then cancelled leaves the item for the next get", () => {
    const loop = virtual();
    const q = new Queue<number>();
    run(function* () {
      const reader = loop.createTask(q.get());
      yield* sleep(0);
      q.putNowait(1);
      q.putNowait(2);
      reader.cancel();
      yield* gather(reader, { returnExceptions: true });
      expect(yield* q.get()).toBe(1);
    }, loop);
  });

  it("a putter woken and then cancelled wakes the next putter; it never puts", () => {
    const loop = virtual();
    const q = new Queue<number>(1);
    run(function* () {
      q.putNowait(0);
      const p1 = loop.createTask(q.put(1));
      const p2 = loop.createTask(q.put(2));
      yield* sleep(0);
      q.getNowait();
      p1.cancel();
      yield* gather(p1, p2, { returnExceptions: true });
      expect(p1.cancelled()).toBe(true);
      expect(q.getNowait()).toBe(2);
      expect(q.empty()).toBe(true);
      expect(q._putters.length).toBe(0);
    }, loop);
  });

  it("a getter woken but beaten to the item by getNowait waits again at the end of the line", () => {
    const loop = virtual();
    const q = new Queue<string>();
    const log: string[] = [];
    run(function* () {
      const g = (n: string) => loop.createTask((function* () { log.push(`${n}:${yield* q.get()}`); })());
      const ts = [g("g1"), g("g2")];
      yield* sleep(0);
      q.putNowait("x");
      expect(q.getNowait()).toBe("x");
      yield* sleep(0);
      q.putNowait("y");
      q.putNowait("z");
      yield* gather(...ts);
    }, loop);
    expect(log).toEqual(["g2:y", "g1:z"]);
  });

  it("waitFor(q.get(), t) that times out leaves no getter behind", () => {
    const q = new Queue();
    const r = run(function* () {
      const e = yield* caught(function* () { yield* waitFor(q.get(), 0.1); });
      return [e instanceof TimeoutError, q._getters.length];
    });
    expect(r).toEqual([true, 0]);
  });
});

describe("Queue: join and taskDone", () => {
  it("join() with nothing unfinished returns at once", () => {
    const loop = virtual();
    const q = new Queue();
    const n = run(function* () {
      const t = ticker(loop);
      yield* sleep(0);
      const before = t.count();
      yield* q.join();
      const n = t.count() - before;
      t.stop();
      return n;
    }, loop);
    expect(n).toBe(0);
  });

  it("join() waits until taskDone() was called for every item put", () => {
    const loop = virtual();
    const q = new Queue<number>();
    run(function* () {
      q.putNowait(1);
      q.putNowait(2);
      const j = loop.createTask(q.join());
      q.getNowait();
      q.getNowait();
      q.taskDone();
      yield* sleep(1);
      expect(j.done()).toBe(false);
      q.taskDone();
      yield* j;
      expect(loop.time()).toBe(1);
    }, loop);
  });

  it("taskDone() called too many times is a RangeError that changes nothing", () => {
    const q = new Queue();
    expect(() => q.taskDone()).toThrow(new RangeError("taskDone() called too many times"));
    q.putNowait(1);
    q.taskDone();
    expect(() => q.taskDone()).toThrow(RangeError);
    expect(q._unfinishedTasks).toBe(0);
    expect(run(function* () { return yield* q.get(); })).toBe(1);
  });
});

describe("Queue: shutdown (3.13)", () => {
  it("put and putNowait raise QueueShutDown at once; get drains, then raises", () => {
    const q = new Queue<number>();
    q.putNowait(1);
    q.shutdown();
    expect(() => q.putNowait(2)).toThrow(QueueShutDown);
    const r = run(function* () {
      const e1 = yield* caught(function* () { yield* q.put(3); });
      const v = yield* q.get();
      const e2 = yield* caught(function* () { yield* q.get(); });
      return [e1 instanceof QueueShutDown, v, e2 instanceof QueueShutDown];
    });
    expect(r).toEqual([true, 1, true]);
    expect(() => q.getNowait()).toThrow(QueueShutDown);
  });

  it("blocked getters and putters wake up to raise QueueShutDown", () => {
    const loop = virtual();
    run(function* () {
      const e = new Queue();
      const f = new Queue(1);
      f.putNowait(0);
      const g = loop.createTask(e.get());
      const p = loop.createTask(f.put(1));
      yield* sleep(0);
      e.shutdown();
      f.shutdown();
      const r = yield* gather(g, p, { returnExceptions: true });
      expect(r[0]).toBeInstanceOf(QueueShutDown);
      expect(r[1]).toBeInstanceOf(QueueShutDown);
      expect([e._getters.length, f._putters.length]).toEqual([0, 0]);
    }, loop);
  });

  it("shutdown(true) drops the items, counts them done and releases join()", () => {
    const loop = virtual();
    const q = new Queue<number>();
    run(function* () {
      for (let i = 0; i < 3; i++) q.putNowait(i);
      q.getNowait(); // got, not yet done
      const j = loop.createTask(q.join());
      yield* sleep(0);
      q.shutdown(true);
      expect([q.qsize(), q._unfinishedTasks]).toEqual([0, 1]);
      yield* sleep(0);
      expect(j.done()).toBe(false);
      q.taskDone();
      yield* j;
      expect(yield* caught(function* () { yield* q.get(); })).toBeInstanceOf(QueueShutDown);
    }, loop);
  });

  it("shutdown() refuses a non-boolean immediate and changes nothing", () => {
    const q = new Queue();
    expect(() => q.shutdown(1 as any)).toThrow(new TypeError("Queue.shutdown: immediate must be a boolean, got number 1"));
    q.putNowait(1);
    expect(q.qsize()).toBe(1);
  });
});

describe("PriorityQueue", () => {
  it("returns the smallest item first and lays the heap out as Python's heapq", () => {
    const q = new PriorityQueue<number>();
    for (const x of [5, 3, 8, 1, 9, 2, 7, 1, 6, 0, 4]) q.putNowait(x);
    expect(q._snapshot()).toEqual([0, 1, 2, 3, 1, 8, 7, 5, 6, 9, 4]);
    expect([q.getNowait(), q.getNowait(), q.getNowait()]).toEqual([0, 1, 1]);
    expect(q._snapshot()).toEqual([2, 3, 6, 5, 4, 8, 7, 9]);
  });

  it("compares arrays element by element, as Python tuples", () => {
    const q = new PriorityQueue<unknown[]>();
    for (const x of [[2, "b"], [1, "z"], [2, "a"], [1, "y"], [0, "q"], [2, "a", 0]]) q.putNowait(x);
    expect(q._snapshot()).toEqual([[0, "q"], [1, "y"], [2, "a"], [2, "b"], [1, "z"], [2, "a", 0]]);
    expect([...Array(6)].map(() => q.getNowait())).toEqual([[0, "q"], [1, "y"], [1, "z"], [2, "a"], [2, "a", 0], [2, "b"]]);
  });

  it("orders strings by code point, as Python (astral characters after U+FFFF)", () => {
    const q = new PriorityQueue<string>();
    for (const s of ["\uffff", "\u{1F600}", "\ue000", "a", "\ud7ff"]) q.putNowait(s);
    expect([...Array(5)].map(() => q.getNowait())).toEqual(["a", "\ud7ff", "\ue000", "\uffff", "\u{1F600}"]);
  });

  it("orders numbers, bigints and booleans together, as Python's int, float and bool", () => {
    const q = new PriorityQueue<number | bigint | boolean>();
    for (const x of [3, 2n ** 70n, 2.5, -1, true, 0]) q.putNowait(x);
    expect([...Array(6)].map(() => q.getNowait())).toEqual([-1, 0, true, 2.5, 3, 2n ** 70n]);
  });

  it("an item that cannot be ordered is a TypeError with Python's message, and the queue is unchanged", () => {
    const q = new PriorityQueue<unknown>();
    q.putNowait(1);
    q.putNowait(5);
    expect(() => q.putNowait("one")).toThrow(new TypeError("'<' not supported between instances of 'str' and 'int'"));
    expect(() => q.putNowait(null)).toThrow(new TypeError("'<' not supported between instances of 'NoneType' and 'int'"));
    expect(() => q.putNowait([1])).toThrow(new TypeError("'<' not supported between instances of 'list' and 'int'"));
    expect([q.qsize(), q._unfinishedTasks]).toEqual([2, 2]);
    expect([q.getNowait(), q.getNowait()]).toEqual([1, 5]);
  });

  it("a tie decided by incomparable data is a TypeError; None ties with None", () => {
    class Job {}
    const q = new PriorityQueue<unknown[]>();
    q.putNowait([1, new Job()]);
    expect(() => q.putNowait([1, new Job()])).toThrow(new TypeError("'<' not supported between instances of 'Job' and 'Job'"));
    const n = new PriorityQueue<unknown[]>();
    n.putNowait([1, null]);
    n.putNowait([1, undefined]); // None == None: equal, nothing to order
    n.putNowait([0, null]);
    expect(n.getNowait()).toEqual([0, null]);
  });

  it("a get that meets incomparable siblings throws TypeError and leaves the heap as it was", () => {
    class Job {}
    const q = new PriorityQueue<unknown[]>();
    const a = [1, new Job()];
    const b = [1, new Job()];
    q.putNowait([0, "root"]);
    q.putNowait(a); // compared with the root only
    q.putNowait(b); // likewise: a and b were never compared
    const before = q._snapshot();
    expect(() => q.getNowait()).toThrow(TypeError);
    expect(q._snapshot()).toEqual(before);
    expect(q.qsize()).toBe(3);
  });

  it("getters waiting on it take the smallest item present when they run", () => {
    const loop = virtual();
    const q = new PriorityQueue<number>();
    const r = run(function* () {
      const ts = [0, 1].map(() => loop.createTask(q.get()));
      yield* sleep(0);
      q.putNowait(5);
      q.putNowait(1);
      return yield* gather(...ts);
    }, loop);
    expect(r).toEqual([1, 5]);
  });
});

describe("LifoQueue", () => {
  it("returns the newest item first", () => {
    const q = new LifoQueue<number>();
    for (const i of [1, 3, 2]) q.putNowait(i);
    expect(String(q)).toBe("<LifoQueue maxsize=0 _queue=[1, 3, 2] tasks=3>");
    expect([q.getNowait(), q.getNowait(), q.getNowait()]).toEqual([2, 3, 1]);
  });

  it("shutdown(true) empties it", () => {
    const q = new LifoQueue<number>(2);
    q.putNowait(1);
    q.shutdown(true);
    expect([q.qsize(), q._unfinishedTasks]).toEqual([0, 0]);
  });
});

describe("Queue: loops", () => {
  it("a get that must wait on a queue bound to another loop is a RuntimeError naming both loops", () => {
    const q = new Queue<number>();
    const first = virtual();
    run(function* () {
      const g = first.createTask(q.get());
      yield* sleep(0);
      q.putNowait(1);
      yield* g;
    }, first);
    const err = run(function* () {
      yield* q.put(2); // no wait: fine from any loop
      expect(yield* q.get()).toBe(2);
      return yield* caught(function* () { yield* q.get(); });
    }) as Error;
    expect(err).toBeInstanceOf(RuntimeError);
    expect(err.message).toMatch(/^<Queue maxsize=0 tasks=2> is bound to a different event loop: it belongs to <EventLoop/);
    expect(q._getters.length).toBe(0);
  });

  it("join() from another loop names the queue", () => {
    const q = new Queue<number>();
    q.putNowait(1);
    const first = virtual();
    run(function* () {
      const j = first.createTask(q.join());
      yield* sleep(0);
      q.taskDone();
      yield* j;
    }, first);
    q.putNowait(2);
    const err = run(function* () { return yield* caught(function* () { yield* q.join(); }); }) as Error;
    expect(err).toBeInstanceOf(RuntimeError);
    expect(err.message).toMatch(/^<Queue maxsize=0 _queue=\[1, 2\] tasks=1> \(its internal Event\) is bound/);
  });

  it("a cancelled getter's task reports CancelledError, not the queue's errors", () => {
    const loop = virtual();
    const q = new Queue();
    run(function* () {
      const g = loop.createTask(q.get());
      yield* sleep(0);
      g.cancel();
      const [r] = yield* gather(g, { returnExceptions: true });
      expect(r).toBeInstanceOf(CancelledError);
    }, loop);
  });
});
