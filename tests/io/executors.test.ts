// Executors: runInExecutor / toThread / setDefaultExecutor / shutdownDefaultExecutor on
// ThreadPoolExecutor's real worker_threads. Nothing here waits on a clock: concurrency is
// proved by the workers' own coordination (Atomics on a SharedArrayBuffer), a call is held
// "running" by a worker blocked on an Atomics cell until the test releases it, and the test
// waits for a worker's progress with Atomics.waitAsync. Timeouts inside the workers only
// guard against a hang (they make a broken pool fail instead of stall), never measure.
import { afterEach, describe, expect, it, vi } from "vitest";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  BrokenExecutor, CancelledError, EventLoop, ExecutorFuture, Future, InvalidStateError, NotImplementedError, RuntimeError,
  ThreadPoolExecutor, moduleFunction, sleep, toThread, wrapFuture, type SpawnWorker,
} from "../../src/index.js";

const WORK = new URL("./fixtures/work.mjs", import.meta.url).href;
const BROKEN = new URL("./fixtures/broken.mjs", import.meta.url).href;

const pools: ThreadPoolExecutor[] = [];
const loops: EventLoop[] = [];

/** A pool shut down after the test. */
function pool(maxWorkers?: number): ThreadPoolExecutor {
  const p = new ThreadPoolExecutor(maxWorkers === undefined ? {} : { maxWorkers });
  pools.push(p);
  return p;
}

/** A real-clock loop closed (with its default executor shut down) after the test. */
function newLoop(): EventLoop {
  const loop = new EventLoop();
  loops.push(loop);
  return loop;
}

afterEach(async () => {
  for (const loop of loops.splice(0)) {
    if (!loop.isClosed()) {
      await loop.runUntilComplete(loop.shutdownDefaultExecutor());
      loop.close();
    }
  }
  await Promise.all(pools.splice(0).map((p) => p.shutdown({ wait: true, cancelFutures: true })));
  vi.restoreAllMocks();
});

/** Runs `body` as a task on `loop` and returns its value. */
function run<T>(loop: EventLoop, body: () => Generator<unknown, T, any>): Promise<T> {
  return loop.runUntilComplete(body());
}

/** Cells shared with the workers: [0] counters, [1] a gate the test opens. */
function cells(n = 4): { sab: SharedArrayBuffer; a: Int32Array } {
  const sab = new SharedArrayBuffer(4 * n);
  return { sab, a: new Int32Array(sab) };
}

/** Resolves once `a[i] >= value` (a worker's progress), without polling a clock. */
async function reach(a: Int32Array, i: number, value: number): Promise<void> {
  for (;;) {
    const now = Atomics.load(a, i);
    if (now >= value) return;
    const r = (Atomics as any).waitAsync(a, i, now);
    if (r.async) await r.value;
  }
}

function open(a: Int32Array, i: number): void {
  Atomics.store(a, i, 1);
  Atomics.notify(a, i);
}

// ---- functions sent to workers by their source: self-contained, arguments only

/** Counts itself in cell 0, then blocks until the test opens cell 1 (a 20 s guard against a hang). */
function held(sab: SharedArrayBuffer, value: unknown) {
  const a = new Int32Array(sab);
  Atomics.add(a, 0, 1);
  Atomics.notify(a, 0);
  if (Atomics.wait(a, 1, 0, 20000) === "timed-out") return "never released";
  Atomics.add(a, 2, 1);
  Atomics.notify(a, 2);
  return value;
}

/** Waits until `parties` calls have arrived (cell 0): only calls that run at the same time can all meet. */
function meet(sab: SharedArrayBuffer, parties: number) {
  const a = new Int32Array(sab);
  Atomics.add(a, 0, 1);
  Atomics.notify(a, 0);
  for (;;) {
    const arrived = Atomics.load(a, 0);
    if (arrived >= parties) return "met";
    if (Atomics.wait(a, 0, arrived, 20000) === "timed-out") return `alone: ${arrived} of ${parties} arrived`;
  }
}

/** An id of the worker it runs in, kept in the worker's global object. */
function workerId() {
  const g = globalThis as any;
  g.__testWorkerId ??= Math.random().toString(36).slice(2);
  return g.__testWorkerId as string;
}

describe("runInExecutor: results and arguments", () => {
  it("returns the function's result through a Future of the loop", async () => {
    const loop = newLoop();
    const fut = loop.runInExecutor(null, (a: number, b: number) => a * b, 6, 7);
    expect(fut).toBeInstanceOf(Future);
    expect(fut.getLoop()).toBe(loop);
    expect(fut.done()).toBe(false);
    expect(await loop.runUntilComplete(fut)).toBe(42);
  });

  it("structured-clones arguments and result both ways", async () => {
    const loop = newLoop();
    const input = { m: new Map([["k", [1, 2]]]), bytes: new Uint8Array([1, 2, 3]), when: new Date(0), nested: { s: "x" } };
    const out = await run(loop, function* () {
      return yield* loop.runInExecutor(null, (v: typeof input) => ({ ...v, bytes: v.bytes.map((b) => b * 2), size: v.m.size }), input);
    });
    expect(out).toEqual({ ...input, bytes: new Uint8Array([2, 4, 6]), size: 1 });
  });

  it("awaits a promise the function returns (async functions)", async () => {
    const loop = newLoop();
    const v = await run(loop, function* () {
      return yield* loop.runInExecutor(null, async (x: number) => (await Promise.resolve(x)) + 1, 41);
    });
    expect(v).toBe(42);
  });

  it("runs methods, named functions and functions with default parameters sent by source", async () => {
    const loop = newLoop();
    const obj = {
      twice(x: number) {
        return 2 * x;
      },
    };
    function named(x: number, y = 10) {
      return x + y;
    }
    const vs = await run(loop, function* () {
      return [yield* loop.runInExecutor(null, obj.twice, 4), yield* loop.runInExecutor(null, named, 1)];
    });
    expect(vs).toEqual([8, 11]);
  });

  it("sends a function's source to a worker once, however many function objects carry it", async () => {
    const sent: unknown[] = [];
    const { Worker } = await import("node:worker_threads");
    const recording: SpawnWorker = (script, events) => {
      const w = new Worker(script.source, { eval: true });
      w.on("message", events.message);
      w.on("error", events.error);
      w.on("exit", events.exit);
      return { postMessage: (m: any) => (sent.push("src" in m), w.postMessage(m)), terminate: () => w.terminate() };
    };
    const p = new ThreadPoolExecutor({ maxWorkers: 1, worker: recording });
    pools.push(p);
    const loop = newLoop();
    const vs = await run(loop, function* () {
      const out = [];
      for (let i = 0; i < 3; i++) out.push(yield* loop.runInExecutor(p, (x: number) => x + 1, i)); // a new arrow each time
      return out;
    });
    expect(vs).toEqual([1, 2, 3]);
    expect(sent).toEqual([true, false, false]);
  });

  it("completes the Future at a later iteration than the call, never inline", async () => {
    const loop = newLoop();
    const seen: string[] = [];
    await run(loop, function* () {
      const fut = loop.runInExecutor(null, () => "done");
      loop.callSoon(() => seen.push(`callSoon: fut done ${fut.done()}`));
      seen.push(`after call: done ${fut.done()}`);
      seen.push(`result ${yield* fut}`);
    });
    expect(seen).toEqual(["after call: done false", "callSoon: fut done false", "result done"]);
  });
});

describe("console output of the called code", () => {
  it("is printed by the caller's console before the call's Future completes, in order", async () => {
    const loop = newLoop();
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const seen = await run(loop, function* () {
      yield* loop.runInExecutor(null, (n: number) => {
        for (let i = 0; i < n; i++) console.log("line", i, { i });
        console.warn("careful", () => "not cloneable");
        return n;
      }, 300);
      return [log.mock.calls.length, warn.mock.calls.length];
    });
    expect(seen).toEqual([300, 1]);
    expect(log.mock.calls[299]).toEqual(["line", 299, { i: 299 }]);
    expect(warn.mock.calls[0][0]).toBe("careful");
    expect(warn.mock.calls[0][1]).toMatch(/=> "not cloneable"/); // a function arrives as its text
  });
});

describe("runInExecutor: exceptions", () => {
  it("raises what the function threw, with its class, message and the worker's stack", async () => {
    const loop = newLoop();
    function refuse(x: number) {
      throw new RangeError(`bad value ${x}`);
    }
    const err = await run(loop, function* () {
      try {
        yield* loop.runInExecutor(null, refuse, 3);
      } catch (e) {
        return e as Error;
      }
      throw new Error("no exception");
    });
    expect(err).toBeInstanceOf(RangeError);
    expect(err.message).toBe("bad value 3");
    expect(err.stack).toMatch(/^RangeError: bad value 3\n\s+at refuse \(wasmloop-executor:refuse:/);
  });

  it("keeps the name of an error class the worker defined, and its own fields and cause", async () => {
    const loop = newLoop();
    const err: any = await run(loop, function* () {
      try {
        yield* loop.runInExecutor(null, () => {
          class ValidationError extends Error {
            code = "E_BAD";
            constructor(m: string) {
              super(m, { cause: new TypeError("inner") });
              this.name = "ValidationError";
            }
          }
          throw new ValidationError("outer");
        });
      } catch (e) {
        return e;
      }
    });
    expect(err).toBeInstanceOf(Error);
    expect([err.name, err.message, err.code]).toEqual(["ValidationError", "outer", "E_BAD"]);
    expect(err.cause).toBeInstanceOf(TypeError);
    expect(err.cause.message).toBe("inner");
  });

  it("raises a thrown non-Error value as itself, and undefined as an Error saying so", async () => {
    const loop = newLoop();
    const [a, b] = await run(loop, function* () {
      const out: unknown[] = [];
      for (const fn of [() => { throw "plain string"; }, () => { throw undefined; }]) {
        try {
          yield* loop.runInExecutor(null, fn);
        } catch (e) {
          out.push(e);
        }
      }
      return out;
    });
    expect(a).toBe("plain string");
    expect(b).toBeInstanceOf(Error);
    expect((b as Error).message).toMatch(/threw undefined in the worker/);
  });

  it("a closure variable is a ReferenceError naming it, the call and the remedy", async () => {
    const loop = newLoop();
    const factor = 3;
    const err = await run(loop, function* () {
      try {
        yield* loop.runInExecutor(null, function scaled(x: number) { return x * factor; }, 2);
      } catch (e) {
        return e as Error;
      }
    });
    expect(err).toBeInstanceOf(ReferenceError);
    expect(err!.message).toMatch(/^runInExecutor: factor is not defined in the worker: fn \(function scaled\) was sent there by its source/);
    expect(err!.message).toMatch(/Pass factor as an argument, or export the function from a module/);
  });

  it("a result that cannot be cloned fails the Future with TypeError; the worker stays", async () => {
    const p = pool(1);
    const loop = newLoop();
    const [err, next] = await run(loop, function* () {
      let e: unknown;
      try {
        yield* loop.runInExecutor(p, () => () => 1);
      } catch (x) {
        e = x;
      }
      return [e as Error, yield* loop.runInExecutor(p, workerId)];
    });
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toMatch(/the result \(Function\) cannot be sent back from the worker/);
    expect(typeof next).toBe("string");
    expect(String(p)).toContain("workers=1");
  });
});

describe("runInExecutor: module URLs", () => {
  it("calls a module's export, which has its own imports", async () => {
    const loop = newLoop();
    const v = await run(loop, function* () {
      return yield* loop.runInExecutor(null, { module: WORK, export: "triple" }, 5);
    });
    expect(v).toBe(15);
  });

  it("moduleFunction() types the call; the default export when no name is given; a URL object", async () => {
    const loop = newLoop();
    const triple = moduleFunction<(x: number) => number>(new URL(WORK), "triple");
    const vs = await run(loop, function* () {
      const a: number = yield* loop.runInExecutor(null, triple, 2);
      const b = yield* loop.runInExecutor(null, { module: new URL(WORK) }, 2);
      const c = yield* loop.runInExecutor(null, moduleFunction(WORK, "later"), "async");
      return [a, b, c];
    });
    expect(vs).toEqual([6, 4, "async"]);
  });

  it("keeps module state per worker", async () => {
    const p = pool(1);
    const loop = newLoop();
    const counts = await run(loop, function* () {
      const out = [];
      for (let i = 0; i < 3; i++) out.push(yield* loop.runInExecutor(p, { module: WORK, export: "countCalls" }));
      return out;
    });
    expect(counts).toEqual([1, 2, 3]);
  });

  it("raises what the export threw, with its fields", async () => {
    const loop = newLoop();
    const err: any = await run(loop, function* () {
      try {
        yield* loop.runInExecutor(null, { module: WORK, export: "fail" }, "from module");
      } catch (e) {
        return e;
      }
    });
    expect(err).toBeInstanceOf(RangeError);
    expect([err.message, err.code]).toEqual(["from module", "E_FIXTURE"]);
  });

  it("an export that is not a function, or missing, is a TypeError of the call", async () => {
    const loop = newLoop();
    const errs = await run(loop, function* () {
      const out: Error[] = [];
      for (const name of ["notAFunction", "missing"]) {
        try {
          yield* loop.runInExecutor(null, { module: WORK, export: name });
        } catch (e) {
          out.push(e as Error);
        }
      }
      return out;
    });
    expect(errs.map((e) => e.constructor)).toEqual([TypeError, TypeError]);
    expect(errs[0].message).toMatch(/has no function export "notAFunction" \(it is number\)/);
    expect(errs[1].message).toMatch(/has no function export "missing" \(it is undefined\)/);
  });

  it("a module that throws while loading fails the call with that error; the pool goes on", async () => {
    const p = pool(1);
    const loop = newLoop();
    const [err, v] = await run(loop, function* () {
      let e: unknown;
      try {
        yield* loop.runInExecutor(p, { module: BROKEN, export: "x" });
      } catch (x) {
        e = x;
      }
      return [e as Error, yield* loop.runInExecutor(p, { module: WORK, export: "triple" }, 1)];
    });
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe("broken module");
    expect(v).toBe(3);
  });

  it("a relative or bare module specifier is refused at the call", () => {
    const loop = newLoop();
    for (const module of ["./work.mjs", "wasmloop", 42]) {
      expect(() => loop.runInExecutor(null, { module } as any)).toThrow(
        /^runInExecutor: fn\.module must be an absolute URL \(new URL\("\.\/work\.js", import\.meta\.url\), import\.meta\.resolve\("pkg"\)\), got /,
      );
    }
    expect(() => loop.runInExecutor(null, { module: WORK, export: "" })).toThrow(/fn\.export must be a non-empty string/);
  });
});

describe("ThreadPoolExecutor: concurrency", () => {
  it("runs maxWorkers calls at the same time: three calls meet inside three workers", async () => {
    const p = pool(3);
    const loop = newLoop();
    const { sab } = cells();
    const vs = await run(loop, function* () {
      const fs = [0, 1, 2].map(() => loop.runInExecutor(p, meet, sab, 3));
      const out = [];
      for (const f of fs) out.push(yield* f);
      return out;
    });
    expect(vs).toEqual(["met", "met", "met"]);
  });

  it("never starts more than maxWorkers workers", async () => {
    const p = pool(2);
    const loop = newLoop();
    const { sab } = cells();
    const ids = await run(loop, function* () {
      // two calls that must meet: both workers exist; then eight more calls on them
      const first = [loop.runInExecutor(p, meet, sab, 2), loop.runInExecutor(p, meet, sab, 2)];
      const more = Array.from({ length: 8 }, () => loop.runInExecutor(p, workerId));
      for (const f of first) expect(yield* f).toBe("met");
      const out = new Set<string>();
      for (const f of more) out.add(yield* f);
      return out;
    });
    expect(ids.size).toBeLessThanOrEqual(2);
    expect(String(p)).toContain("workers=2");
  });

  it("reuses an idle worker rather than starting another", async () => {
    const p = pool(4);
    const loop = newLoop();
    const ids = await run(loop, function* () {
      const out = new Set<string>();
      for (let i = 0; i < 4; i++) out.add(yield* loop.runInExecutor(p, workerId));
      return out;
    });
    expect(ids.size).toBe(1);
    expect(String(p)).toContain("workers=1");
  });

  it("queues calls beyond maxWorkers and runs them in order as workers free up", async () => {
    const p = pool(1);
    const loop = newLoop();
    const { sab, a } = cells();
    const order = await run(loop, function* () {
      const first = loop.runInExecutor(p, held, sab, "first");
      const rest = ["second", "third"].map((v) => loop.runInExecutor(p, (x: string) => x, v));
      expect(String(p)).toContain("queued=2");
      open(a, 1);
      return [yield* first, ...[yield* rest[0], yield* rest[1]]];
    });
    expect(order).toEqual(["first", "second", "third"]);
  });
});

describe("cancellation", () => {
  it("cancelling the Future of a call that has not started cancels the call: it never runs", async () => {
    const p = pool(1);
    const loop = newLoop();
    const { sab, a } = cells();
    const [queued, after] = await run(loop, function* () {
      const first = loop.runInExecutor(p, held, sab, "first");
      const queued = loop.runInExecutor(p, (s: SharedArrayBuffer) => Atomics.add(new Int32Array(s), 3, 1), sab);
      expect(queued.cancel()).toBe(true);
      yield* sleep(0);
      open(a, 1);
      expect(yield* first).toBe("first");
      return [queued, yield* loop.runInExecutor(p, (s: SharedArrayBuffer) => Atomics.load(new Int32Array(s), 3), sab)];
    });
    expect(queued.cancelled()).toBe(true);
    expect(after).toBe(0); // the cancelled call never counted itself
  });

  it("cancelling the Future of a started call cannot stop it: it runs to its end, its result is dropped", async () => {
    const p = pool(1);
    const loop = newLoop();
    const { sab, a } = cells();
    const source = p.submit(held, sab, "ran anyway");
    const fut = wrapFuture(source, { loop });
    await reach(a, 0, 1); // the worker runs it
    expect(source.running()).toBe(true);
    expect(fut.cancel()).toBe(true);
    await loop.runUntilComplete(sleep(0)); // the done callback tries to cancel the source
    expect(source.cancel()).toBe(false);
    open(a, 1);
    expect(await source).toBe("ran anyway");
    expect(fut.cancelled()).toBe(true);
  });

  it("cancelling a task awaiting toThread cancels its queued call", async () => {
    const p = pool(1);
    const loop = newLoop();
    loop.setDefaultExecutor(p);
    const { sab, a } = cells();
    const out = await run(loop, function* () {
      const first = loop.runInExecutor(null, held, sab, "first");
      const task = loop.createTask((function* () {
        return yield* toThread((s: SharedArrayBuffer) => Atomics.add(new Int32Array(s), 3, 1), sab);
      })());
      yield* sleep(0);
      task.cancel();
      let cancelled = false;
      try {
        yield* task;
      } catch (e) {
        cancelled = e instanceof CancelledError;
      }
      open(a, 1);
      yield* first;
      return [cancelled, yield* loop.runInExecutor(null, (s: SharedArrayBuffer) => Atomics.load(new Int32Array(s), 3), sab)];
    });
    expect(out).toEqual([true, 0]);
  });

  it("ExecutorFuture.cancel(): true for a queued call (and again), false once it runs or ran", async () => {
    const p = pool(1);
    const { sab, a } = cells();
    const first = p.submit(held, sab, 1);
    const second = p.submit((x: number) => x, 2);
    expect([second.cancel(), second.cancel(), second.cancelled(), second.done()]).toEqual([true, true, true, true]);
    expect(() => second.result()).toThrow(CancelledError);
    await reach(a, 0, 1);
    expect(first.cancel()).toBe(false);
    open(a, 1);
    expect(await first).toBe(1);
    expect(first.cancel()).toBe(false);
  });
});

describe("a worker that dies", () => {
  it("process.exit() in the call fails it with BrokenExecutor naming the exit code; a new worker takes over", async () => {
    const p = pool(1);
    const loop = newLoop();
    const [err, v] = await run(loop, function* () {
      let e: unknown;
      try {
        yield* loop.runInExecutor(p, function quit() { (globalThis as any).process.exit(3); });
      } catch (x) {
        e = x;
      }
      return [e as Error, yield* loop.runInExecutor(p, (x: number) => x + 1, 1)];
    });
    expect(err).toBeInstanceOf(BrokenExecutor);
    expect(err).toBeInstanceOf(RuntimeError);
    expect(err.message).toMatch(/^runInExecutor: the worker \S+ died while running fn \(function quit\) \(exit code 3\); the pool replaces it$/);
    expect(v).toBe(2);
  });

  it("an error thrown at the worker's top level (an uncaught one) fails the running call, with it as the cause", async () => {
    const p = pool(1);
    const loop = newLoop();
    const err: any = await run(loop, function* () {
      try {
        yield* loop.runInExecutor(p, () => {
          setTimeout(() => { throw new TypeError("uncaught in the worker"); });
          return new Promise(() => {});
        });
      } catch (e) {
        return e;
      }
    });
    expect(err).toBeInstanceOf(BrokenExecutor);
    expect(err.message).toMatch(/an uncaught error: TypeError: uncaught in the worker/);
    expect(err.cause).toBeInstanceOf(Error);
    expect(err.cause.message).toBe("uncaught in the worker");
  });

  it("calls queued behind the dying one run on the replacement worker", async () => {
    const p = pool(1);
    const loop = newLoop();
    const out = await run(loop, function* () {
      const dying = loop.runInExecutor(p, () => (globalThis as any).process.exit(9));
      const queued = [1, 2, 3].map((x) => loop.runInExecutor(p, (y: number) => y * 10, x));
      const res: unknown[] = [];
      try {
        yield* dying;
      } catch (e) {
        res.push((e as Error).name);
      }
      for (const q of queued) res.push(yield* q);
      return res;
    });
    expect(out).toEqual(["BrokenExecutor", 10, 20, 30]);
  });

  it("an answer the worker sent before it died is delivered", async () => {
    const p = pool(1);
    const loop = newLoop();
    const { sab, a } = cells();
    const v = await run(loop, function* () {
      return yield* loop.runInExecutor(p, (s: SharedArrayBuffer) => {
        // exit once the answer is on its way: the next macrotask of the worker
        setTimeout(() => {
          Atomics.store(new Int32Array(s), 0, 1);
          Atomics.notify(new Int32Array(s), 0);
          (globalThis as any).process.exit(4);
        });
        return "sent first";
      }, sab);
    });
    expect(v).toBe("sent first");
    await reach(a, 0, 1);
    expect(await run(loop, function* () { return yield* loop.runInExecutor(p, () => "next"); })).toBe("next");
  });

  it("a call handed to a worker that dies before beginning it runs on the replacement", async () => {
    const { Worker } = await import("node:worker_threads");
    let spawned = 0;
    // the first worker starts, then is killed while the call it was handed waits in its port
    const flaky: SpawnWorker = (script, events) => {
      const first = spawned++ === 0;
      const w = new Worker(script.source, { eval: true });
      w.on("message", (m) => {
        events.message(m);
        if (first && m.t === "ready") void w.terminate();
      });
      w.on("error", events.error);
      w.on("exit", events.exit);
      return { postMessage: (m: any) => (first ? undefined : w.postMessage(m)), terminate: () => w.terminate() };
    };
    const p = new ThreadPoolExecutor({ maxWorkers: 1, worker: flaky });
    pools.push(p);
    const loop = newLoop();
    expect(await run(loop, function* () { return yield* loop.runInExecutor(p, () => "ran once, on the second worker"); }))
      .toBe("ran once, on the second worker");
    expect(spawned).toBe(2);
  });

  it("a worker whose script cannot start breaks the pool: its calls and later submits raise BrokenExecutor", async () => {
    const failing: SpawnWorker = (_script, events) => {
      queueMicrotask(() => events.error(new SyntaxError("cannot load the worker script")));
      return { postMessage() {}, terminate() {} };
    };
    const p = new ThreadPoolExecutor({ maxWorkers: 1, worker: failing });
    pools.push(p);
    const loop = newLoop();
    const err: any = await run(loop, function* () {
      try {
        yield* loop.runInExecutor(p, () => 1);
      } catch (e) {
        return e;
      }
    });
    expect(err).toBeInstanceOf(BrokenExecutor);
    expect(err.message).toMatch(/could not start .*the pool is broken: SyntaxError: cannot load the worker script/);
    expect(() => p.submit(() => 1)).toThrow(BrokenExecutor);
  });
});

describe("shutdown", () => {
  it("shutdown() waits for the running and the queued calls, then for the workers to be gone", async () => {
    const p = pool(1);
    const { sab, a } = cells();
    const first = p.submit(held, sab, "a");
    const second = p.submit((x: string) => x, "b");
    await reach(a, 0, 1);
    let finished = false;
    const done = p.shutdown().then(() => (finished = true));
    expect(() => p.submit(() => 1)).toThrow(new RuntimeError("cannot schedule new futures after shutdown"));
    open(a, 1);
    await done;
    expect(finished).toBe(true);
    expect([first.result(), second.result()]).toEqual(["a", "b"]);
    expect(String(p)).toContain("workers=0");
  });

  it("shutdown({ wait: false }) returns at once; the running call still completes", async () => {
    const p = pool(1);
    const { sab, a } = cells();
    const first = p.submit(held, sab, "still delivered");
    await reach(a, 0, 1);
    await p.shutdown({ wait: false });
    expect(first.done()).toBe(false);
    open(a, 1);
    expect(await first).toBe("still delivered");
  });

  it("shutdown({ cancelFutures: true }) cancels the queued calls, not the running one", async () => {
    const p = pool(1);
    const { sab, a } = cells();
    const first = p.submit(held, sab, 1);
    const queued = [p.submit(() => 2), p.submit(() => 3)];
    await reach(a, 0, 1);
    const done = p.shutdown(true, { cancelFutures: true });
    expect(queued.map((f) => f.cancelled())).toEqual([true, true]);
    open(a, 1);
    await done;
    expect(first.result()).toBe(1);
  });

  it("runInExecutor on a shut-down executor raises RuntimeError at the call; the loop goes on", async () => {
    const p = pool(1);
    await p.shutdown();
    const loop = newLoop();
    expect(() => loop.runInExecutor(p, () => 1)).toThrow(new RuntimeError("cannot schedule new futures after shutdown"));
    expect(await run(loop, function* () { return yield* loop.runInExecutor(null, () => "default still works"); })).toBe("default still works");
  });

  it("shutdown is idempotent and works on a pool that never started a worker", async () => {
    const p = pool(2);
    await p.shutdown();
    await p.shutdown({ wait: true });
    expect(String(p)).toMatch(/^<ThreadPoolExecutor shutdown maxWorkers=2 workers=0/);
  });

  it("await using shuts the pool down and waits, as Python's with", async () => {
    const { sab, a } = cells();
    let f: ExecutorFuture<unknown>;
    {
      await using p = new ThreadPoolExecutor({ maxWorkers: 1 });
      f = p.submit(held, sab, "inside");
      await reach(a, 0, 1);
      open(a, 1);
    }
    expect(f.result()).toBe("inside");
  });
});

describe("the loop's default executor", () => {
  it("shutdownDefaultExecutor() waits for running calls; then runInExecutor(null) raises RuntimeError", async () => {
    const loop = newLoop();
    const { sab, a } = cells();
    const fut = loop.runInExecutor(null, held, sab, "ran");
    await reach(a, 0, 1);
    const shut = loop.shutdownDefaultExecutor();
    const both = loop.runUntilComplete((function* () {
      yield* shut;
      return fut.done();
    })());
    open(a, 1);
    expect(await both).toBe(true);
    expect(fut.result()).toBe("ran");
    expect(() => loop.runInExecutor(null, () => 1)).toThrow(new RuntimeError("Executor shutdown has been called"));
    const p = pool(1);
    expect(await run(loop, function* () { return yield* loop.runInExecutor(p, () => "explicit"); })).toBe("explicit");
  });

  it("shutdownDefaultExecutor() with no default executor completes without a loop iteration", () => {
    const loop = new EventLoop({ clock: "virtual" });
    const seen: string[] = [];
    loop.runUntilCompleteSync((function* () {
      loop.callSoon(() => seen.push("callSoon"));
      yield* loop.shutdownDefaultExecutor();
      seen.push("shut down");
    })());
    expect(seen).toEqual(["shut down", "callSoon"]);
    expect(() => loop.runInExecutor(null, () => 1)).toThrow(new RuntimeError("Executor shutdown has been called"));
    loop.close();
  });

  it("shutdownDefaultExecutor(timeout) stops waiting after timeout seconds and warns", async () => {
    const loop = new EventLoop({ clock: "virtual" }); // the timeout passes at once; the worker stays blocked
    loops.push(loop);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { sab, a } = cells();
    const fut = loop.runInExecutor(null, held, sab, "late");
    await reach(a, 0, 1);
    await loop.runUntilComplete(loop.shutdownDefaultExecutor(5));
    expect(loop.time()).toBe(5);
    expect(fut.done()).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/did not finish within 5 seconds/));
    open(a, 1);
    expect(await loop.runUntilComplete(fut)).toBe("late");
  });

  it("close() shuts the default executor down without waiting; the running call still ends", async () => {
    const loop = new EventLoop();
    const p = pool(1);
    loop.setDefaultExecutor(p);
    const { sab, a } = cells();
    const fut = loop.runInExecutor(null, held, sab, "dropped");
    await reach(a, 0, 1);
    loop.close();
    expect(() => p.submit(() => 1)).toThrow(new RuntimeError("cannot schedule new futures after shutdown"));
    expect(() => loop.runInExecutor(null, () => 1)).toThrow(new RuntimeError("Event loop is closed"));
    open(a, 1);
    await reach(a, 2, 1); // the call ran to its end in the worker
    await p.shutdown();
    expect(fut.done()).toBe(false); // its loop is closed: the outcome is dropped
  });

  it("setDefaultExecutor() takes a ThreadPoolExecutor, which runInExecutor(null) and toThread then use", async () => {
    const loop = newLoop();
    const p = pool(1);
    loop.setDefaultExecutor(p);
    const vs = await run(loop, function* () {
      return [yield* loop.runInExecutor(null, () => 1), yield* toThread((x: number) => x + 1, 1)];
    });
    expect(vs).toEqual([1, 2]);
    expect(String(p)).toContain("workers=1");
    expect(() => loop.setDefaultExecutor({ submit() {} } as any)).toThrow(
      new TypeError("setDefaultExecutor: executor must be a ThreadPoolExecutor, got Object"),
    );
  });

  it("a loop's host.worker capability starts the default executor's workers", async () => {
    const spawned: string[] = [];
    const { Worker } = await import("node:worker_threads");
    const worker: SpawnWorker = (script, events) => {
      spawned.push(script.name);
      const w = new Worker(script.source, { eval: true });
      w.on("message", events.message);
      w.on("error", events.error);
      w.on("exit", events.exit);
      return w;
    };
    const loop = new EventLoop({ host: { worker } });
    loops.push(loop);
    expect(await run(loop, function* () { return yield* loop.runInExecutor(null, () => "lent"); })).toBe("lent");
    expect(spawned).toEqual(["asyncio_0"]);
    expect(() => new EventLoop({ host: { worker: 1 as any } })).toThrow(/options\.host\.worker must be a function/);
  });
});

describe("toThread", () => {
  it("runs the function in the running loop's default executor", async () => {
    const loop = newLoop();
    const v = await run(loop, function* () {
      return yield* toThread((s: string) => s.toUpperCase(), "to thread");
    });
    expect(v).toBe("TO THREAD");
  });

  it("raises what the function threw", async () => {
    const loop = newLoop();
    const err = await run(loop, function* () {
      try {
        yield* toThread(() => { throw new TypeError("in thread"); });
      } catch (e) {
        return e as Error;
      }
    });
    expect(err).toBeInstanceOf(TypeError);
    expect(err!.message).toBe("in thread");
  });

  it("checks fn at the call and starts nothing until awaited", () => {
    expect(() => toThread(42 as any)).toThrow(new TypeError("toThread: fn must be a function or a { module, export } descriptor, got number 42"));
    const p = pool(1);
    const loop = newLoop();
    loop.setDefaultExecutor(p);
    toThread(() => 1);
    expect(String(p)).toContain("workers=0");
  });
});

describe("bad input: a clear error at the call, and the loop stays usable", () => {
  const bad: [string, () => unknown, RegExp][] = [
    ["a non-function", () => 5, /^runInExecutor: fn must be a function or a \{ module, export \} descriptor, got number 5$/],
    ["a built-in function", () => Math.max, /^runInExecutor: fn \(function max\) is a built-in or bound function: it has no source to send to a worker/],
    ["a bound function", () => ((x: number) => x).bind(null), /is a built-in or bound function/],
    ["a class", () => class Foo {}, /^runInExecutor: fn \(function Foo\) is a class, which cannot be called/],
    ["a generator function", () => function* gen() {}, /is a generator function \(a coroutine\): coroutines cannot run in an executor/],
  ];
  for (const [what, make, message] of bad) {
    it(`fn: ${what} is a TypeError`, async () => {
      const loop = newLoop();
      expect(() => loop.runInExecutor(null, make() as any)).toThrow(message);
      expect(await run(loop, function* () { return yield* loop.runInExecutor(null, () => "usable"); })).toBe("usable");
    });
  }

  it("an argument that cannot be cloned is a TypeError naming it, for an idle worker and for the queue", async () => {
    const p = pool(1);
    const loop = newLoop();
    const { sab, a } = cells();
    expect(() => loop.runInExecutor(p, (x: unknown, y: unknown) => y, 1, () => 2)).toThrow(
      /^runInExecutor: args\[1\] \(function \(anonymous\)\) cannot be sent to a worker \(it is not structured-cloneable\): DataCloneError/,
    );
    const first = loop.runInExecutor(p, held, sab, "busy");
    expect(() => loop.runInExecutor(p, (x: unknown) => x, Symbol("s"))).toThrow(/^runInExecutor: args\[0\] \(symbol Symbol\(s\)\) cannot be sent to a worker/);
    await reach(a, 0, 1);
    open(a, 1);
    const vs = await run(loop, function* () {
      return [yield* first, yield* loop.runInExecutor(p, () => "usable")];
    });
    expect(vs).toEqual(["busy", "usable"]);
    expect(String(p)).toContain("workers=1");
  });

  it("an executor that is not one is a TypeError", () => {
    const loop = newLoop();
    expect(() => loop.runInExecutor(42 as any, () => 1)).toThrow(
      new TypeError("runInExecutor: executor must be a ThreadPoolExecutor (anything with submit()) or null, got number 42"),
    );
  });

  it("runInExecutor on a closed loop is a RuntimeError", () => {
    const loop = new EventLoop();
    loop.close();
    expect(() => loop.runInExecutor(null, () => 1)).toThrow(new RuntimeError("Event loop is closed"));
  });

  it("ThreadPoolExecutor options are checked", () => {
    expect(() => new ThreadPoolExecutor({ maxWorkers: 0 })).toThrow(new RangeError("ThreadPoolExecutor: options.maxWorkers must be greater than 0, got 0"));
    expect(() => new ThreadPoolExecutor({ maxWorkers: 1.5 })).toThrow(new TypeError("ThreadPoolExecutor: options.maxWorkers must be a positive integer, got number 1.5"));
    expect(() => new ThreadPoolExecutor({ threadNamePrefix: 1 as any })).toThrow(/threadNamePrefix must be a string/);
    expect(() => new ThreadPoolExecutor({ worker: "x" as any })).toThrow(/options\.worker must be a function/);
    expect(new ThreadPoolExecutor().maxWorkers).toBeGreaterThanOrEqual(5);
    expect(() => pool(1).shutdown({ wait: "yes" as any })).toThrow(new TypeError("ThreadPoolExecutor.shutdown: wait must be a boolean, got string \"yes\""));
  });

  it("shutdownDefaultExecutor's timeout is checked", () => {
    const loop = newLoop();
    expect(() => loop.shutdownDefaultExecutor("1" as any)).toThrow(/shutdownDefaultExecutor: timeout must be a number of seconds/);
  });
});

describe("runtimes without threads", () => {
  it("Cloudflare Workers: NotImplementedError naming the runtime and the facility, at the call", async () => {
    vi.stubGlobal("navigator", { userAgent: "Cloudflare-Workers" });
    try {
      const p = pool(1);
      expect(() => p.submit(() => 1)).toThrow(NotImplementedError);
      expect(() => p.submit(() => 1)).toThrow(/^ThreadPoolExecutor\.submit: Cloudflare Workers has no threads \(no Web Worker, no node:worker_threads\)/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("wrapFuture", () => {
  it("returns a Future as it is and refuses what is not a future", () => {
    const loop = newLoop();
    const f = loop.createFuture();
    expect(wrapFuture(f)).toBe(f);
    expect(() => wrapFuture(42 as any, { loop })).toThrow(new TypeError("wrapFuture: future must be an ExecutorFuture, a Future or a promise, got number 42"));
  });

  it("a promise from a custom executor's submit is bridged", async () => {
    const loop = newLoop();
    const inline = { submit: (fn: (...a: any[]) => unknown, ...args: unknown[]) => Promise.resolve().then(() => fn(...args)) };
    expect(await run(loop, function* () { return yield* loop.runInExecutor(inline, (x: number) => x * 2, 21); })).toBe(42);
  });
});

describe("ExecutorFuture settled by an application's own executor", () => {
  /** An executor as concurrent.futures lets one write it: it queues calls and runs them when told. */
  class DeferredExecutor {
    pending: [ExecutorFuture<unknown>, (...a: any[]) => unknown, unknown[]][] = [];
    submit(fn: (...a: any[]) => unknown, ...args: unknown[]): ExecutorFuture<unknown> {
      const f = new ExecutorFuture<unknown>();
      this.pending.push([f, fn, args]);
      return f;
    }
    runPending(): string[] {
      const ran: string[] = [];
      for (const [f, fn, args] of this.pending.splice(0)) {
        if (!f.setRunningOrNotifyCancel()) continue;
        ran.push(fn.name);
        try {
          f.setResult(fn(...args));
        } catch (e) {
          f.setException(e);
        }
      }
      return ran;
    }
  }

  it("setRunningOrNotifyCancel takes a pending future to running and says true", () => {
    const f = new ExecutorFuture<number>();
    expect(f.setRunningOrNotifyCancel()).toBe(true);
    expect(f.running()).toBe(true);
    expect(f.done()).toBe(false);
  });

  it("setRunningOrNotifyCancel says false once for a cancelled future, then is a RuntimeError, as concurrent.futures", () => {
    const f = new ExecutorFuture<number>();
    expect(f.cancel()).toBe(true);
    expect(f.setRunningOrNotifyCancel()).toBe(false);
    expect(() => f.setRunningOrNotifyCancel()).toThrow(RuntimeError);
    const running = new ExecutorFuture<number>();
    running.setRunningOrNotifyCancel();
    expect(() => running.setRunningOrNotifyCancel()).toThrow(/unexpected state \(running\)/);
  });

  it("setResult and setException finish the future (pending or running) and run its done callbacks", () => {
    const seen: string[] = [];
    const a = new ExecutorFuture<number>();
    a.addDoneCallback((f) => seen.push(`a ${f.result()}`));
    a.setResult(7); // straight from pending, as Python allows
    const b = new ExecutorFuture<number>();
    b.addDoneCallback((f) => seen.push(`b ${(f.exception() as Error).message}`));
    b.setRunningOrNotifyCancel();
    b.setException(new RangeError("bad"));
    expect(seen).toEqual(["a 7", "b bad"]);
  });

  it("settling a finished or cancelled future again is InvalidStateError and changes nothing", () => {
    const f = new ExecutorFuture<number>();
    f.setResult(1);
    expect(() => f.setResult(2)).toThrow(InvalidStateError);
    expect(() => f.setException(new Error("x"))).toThrow(InvalidStateError);
    expect(f.result()).toBe(1);
    const c = new ExecutorFuture<number>();
    c.cancel();
    expect(() => c.setResult(3)).toThrow(InvalidStateError);
    expect(c.cancelled()).toBe(true);
  });

  it("runInExecutor with such an executor delivers the call's result and exception to the awaiting task", () => {
    const loop = new EventLoop({ clock: "virtual" });
    loops.push(loop);
    const ex = new DeferredExecutor();
    const add = (a: number, b: number) => a + b;
    const fail = (m: string) => { throw new RangeError(m); };
    loop.callLater(1, () => ex.runPending());
    loop.callLater(2, () => ex.runPending());
    const out = loop.runUntilCompleteSync((function* () {
      const r = yield* loop.runInExecutor(ex, add, 2, 3);
      try {
        yield* loop.runInExecutor(ex, fail, "no");
      } catch (e) {
        return [r, (e as Error).message, loop.time()];
      }
      return null;
    })());
    // the second call was queued after the first run: it ran at the second runPending
    expect(out).toEqual([5, "no", 2]);
  });

  it("cancelling runInExecutor's Future cancels a call the executor has not started, which it then skips", () => {
    const loop = new EventLoop({ clock: "virtual" });
    loops.push(loop);
    const ex = new DeferredExecutor();
    const fut = loop.runInExecutor(ex, function skipped() { return 1; });
    fut.cancel();
    const [source] = ex.pending[0];
    loop.runUntilCompleteSync(sleep(0)); // the cancel reaches the source from a done callback, as asyncio's
    expect(source.cancelled()).toBe(true);
    expect(ex.runPending()).toEqual([]);
  });
});

describe("running the loop", () => {
  it("runUntilCompleteSync cannot wait for a worker: RuntimeError pointing at runUntilComplete; the answer still lands", async () => {
    const loop = newLoop();
    const fut = loop.runInExecutor(null, () => "later");
    expect(() => loop.runUntilCompleteSync(fut)).toThrow(/the loop has nothing left to run .* use await runUntilComplete\(\)/);
    expect(await loop.runUntilComplete(fut)).toBe("later");
  });
});

describe("the package as SES sees it", () => {
  it("no file of dist/ spells a dynamic import, which SES refuses to evaluate", () => {
    // SES's own pattern (rejectImportExpressions), comments and strings included
    const pattern = /(^|[^.]|\.\.\.)\bimport(\s*(?:\(|\/[/*]))/;
    const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
    const offenders = (readdirSync(dist, { recursive: true }) as string[])
      .filter((f) => f.endsWith(".js") && pattern.test(readFileSync(join(dist, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("idle workers", () => {
  it("do not keep the Node process alive", () => {
    const script = `
      import { EventLoop } from ${JSON.stringify(new URL("../../dist/index.js", import.meta.url).href)};
      const loop = new EventLoop();
      console.log(await loop.runUntilComplete(loop.runInExecutor(null, (x) => x + 1, 1)));
    `;
    // no shutdown, no close: the process must end by itself (the guard only stops a hang)
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
    expect([r.status, r.signal, r.stdout.trim()]).toEqual([0, null, "2"]);
  });
});
