// run() and Runner (asyncio.run / asyncio.Runner), after CPython's test_runners.py: a new
// loop per runner, leftover tasks cancelled and finished at the end (their errors to the
// exception handler), the loop closed; a Runner reusable until closed, its runs sharing one
// context.
import { describe, expect, it } from "vitest";
import {
  CancelledError, Context, ContextVar, EventLoop, Runner, RuntimeError, copyContext, createTask, currentTask, getRunningLoop,
  createSubprocessExec, run, sleep, ThreadPoolExecutor, toThread, type ExceptionContext,
} from "../src/index.js";

/** A default executor that records its shutdowns: how it was asked, and when its workers were gone. */
function recordingExecutor(calls: string[]): ThreadPoolExecutor {
  class Recording extends ThreadPoolExecutor {
    override shutdown(wait?: boolean | { wait?: boolean; cancelFutures?: boolean }, options?: { cancelFutures?: boolean }): Promise<void> {
      calls.push(`shutdown wait=${typeof wait === "object" ? wait.wait : wait}`);
      return super.shutdown(wait, options).then(() => void calls.push("workers gone"));
    }
  }
  return new Recording({ maxWorkers: 1 });
}

function* answer(d = 0) {
  yield* sleep(d);
  return 42;
}

describe("run()", () => {
  it("returns main's result", async () => {
    expect(await run(answer(), { clock: "virtual" })).toBe(42);
  });

  it("rejects with main's exception", async () => {
    function* main() {
      yield* sleep(0);
      throw new RangeError("spam");
    }
    await expect(run(main())).rejects.toThrow("spam");
  });

  it("takes only awaitables, naming the argument (RangeError: asyncio's ValueError)", () => {
    expect(() => run(1 as never)).toThrow(RangeError);
    expect(() => run((() => null) as never)).toThrow("run: main must be a coroutine, a promise or a Future, got function (anonymous)");
  });

  it("refuses a Future that already belongs to a loop", () => {
    const loop = new EventLoop({ clock: "virtual" });
    expect(() => run(loop.createFuture())).toThrow(RangeError);
    expect(() => run(loop.createFuture())).toThrow(/a Future belongs to a loop already/);
    loop.close();
  });

  it("sets the loop's debug mode when asked, and leaves it otherwise", async () => {
    function* debugOf() {
      return getRunningLoop().getDebug();
    }
    expect(await run(debugOf(), { debug: true })).toBe(true);
    expect(await run(debugOf(), { debug: false })).toBe(false);
    expect(await run(debugOf())).toBe(false);
  });

  it("throws RuntimeError at the call inside a running loop", async () => {
    function* main() {
      try {
        void run(answer());
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
      return "ran";
    }
    expect(await run(main())).toBe("RuntimeError: asyncio.run() cannot be called from a running event loop");
  });

  it("cancels the tasks main left behind, and closes the loop", async () => {
    let leftover: ReturnType<typeof createTask> | null = null;
    let loop: EventLoop | null = null;
    function* main() {
      loop = getRunningLoop();
      leftover = createTask(sleep(0.1));
      return 123;
    }
    expect(await run(main())).toBe(123);
    expect(leftover!.cancelled()).toBe(true);
    expect(loop!.isClosed()).toBe(true);
  });

  it("lets the leftovers' finally blocks wait before the loop closes", async () => {
    const log: string[] = [];
    function* leftover() {
      try {
        yield* sleep(10);
      } finally {
        log.push("cleanup starts");
        yield* sleep(1);
        log.push("cleanup done");
      }
    }
    function* main() {
      createTask(leftover());
      yield* sleep(0);
      return "main done";
    }
    expect(await run(main(), { clock: "virtual" })).toBe("main done");
    expect(log).toEqual(["cleanup starts", "cleanup done"]);
  });

  it("reports a leftover's exception through the exception handler, with the task", async () => {
    const contexts: ExceptionContext[] = [];
    let lo: unknown = null;
    function* leftover() {
      try {
        yield* sleep(0.1);
      } catch {
        throw new TypeError("in cleanup");
      }
    }
    function* main() {
      getRunningLoop().setExceptionHandler((_l, c) => contexts.push(c));
      lo = createTask(leftover());
      yield* sleep(0);
      return 123;
    }
    expect(await run(main(), { clock: "virtual" })).toBe(123);
    expect(contexts).toHaveLength(1);
    expect(contexts[0].message).toBe("unhandled exception during asyncio.run() shutdown");
    expect(contexts[0].task).toBe(lo);
    expect((contexts[0].exception as Error).message).toBe("in cleanup");
  });

  it("cleans up and closes the loop when main fails too", async () => {
    const log: string[] = [];
    let loop: EventLoop | null = null;
    function* leftover() {
      try {
        yield* sleep(10);
      } finally {
        log.push("leftover cleaned up");
      }
    }
    function* main() {
      loop = getRunningLoop();
      createTask(leftover());
      yield* sleep(0);
      throw new Error("main failed");
    }
    await expect(run(main(), { clock: "virtual" })).rejects.toThrow("main failed");
    expect(log).toEqual(["leftover cleaned up"]);
    expect(loop!.isClosed()).toBe(true);
  });

  it("uses loopFactory, called once", async () => {
    let calls = 0;
    let made: EventLoop | null = null;
    const factory = () => (calls++, (made = new EventLoop({ clock: "virtual" })));
    function* main() {
      return getRunningLoop();
    }
    expect(await run(main(), { loopFactory: factory })).toBe(made);
    expect(calls).toBe(1);
  });

  it("the signal option cancels main", async () => {
    const ac = new AbortController();
    function* main() {
      getRunningLoop().callLater(1, () => ac.abort("interrupted"));
      yield* sleep(10);
    }
    await expect(run(main(), { clock: "virtual", signal: ac.signal })).rejects.toBeInstanceOf(CancelledError);
  });

  it("refuses unknown and bad options", () => {
    expect(() => run(answer(), { clok: "virtual" } as never)).toThrow(/run: unknown option "clok"/);
    expect(() => run(answer(), { clock: "fake" } as never)).toThrow(RangeError);
    expect(() => run(answer(), { signal: 1 } as never)).toThrow("run: options.signal must be an AbortSignal, got number 1");
  });
});

describe("Runner", () => {
  it("debug: true / false sets the loop's debug mode", () => {
    expect(new Runner({ debug: true }).getLoop().getDebug()).toBe(true);
    expect(new Runner({ debug: false }).getLoop().getDebug()).toBe(false);
  });

  it("getLoop returns the loopFactory's loop", () => {
    const loop = new EventLoop({ clock: "virtual" });
    const runner = new Runner({ loopFactory: () => loop });
    expect(runner.getLoop()).toBe(loop);
    expect(runner.getLoop()).toBe(loop);
    runner.close();
    expect(loop.isClosed()).toBe(true);
  });

  it("run() on a runner, then close: getLoop refuses, the loop is closed", async () => {
    const runner = new Runner();
    expect(await runner.run(answer())).toBe(42);
    const loop = runner.getLoop();
    runner.close();
    expect(() => runner.getLoop()).toThrow(RuntimeError);
    expect(() => runner.getLoop()).toThrow("Runner is closed");
    expect(loop.isClosed()).toBe(true);
  });

  it("runSync runs on the caller's stack", () => {
    const runner = new Runner({ clock: "virtual" });
    expect(runner.runSync(answer(3600))).toBe(42);
    expect(runner.getLoop().time()).toBe(3600);
    runner.close();
  });

  it("refuses what is not an awaitable, and a Future of another loop", () => {
    const runner = new Runner({ clock: "virtual" });
    expect(() => runner.runSync(123 as never)).toThrow(RangeError);
    expect(() => runner.runSync(123 as never)).toThrow("Runner.runSync: aw must be a coroutine, a promise or a Future, got number 123");
    const other = new EventLoop({ clock: "virtual" });
    expect(() => runner.runSync(other.createFuture())).toThrow(/a Future of another event loop than the runner's/);
    other.close();
    expect(runner.runSync(answer())).toBe(42);
    runner.close();
  });

  it("runs a Future of its own loop, and a sleep() made before", () => {
    const runner = new Runner({ clock: "virtual" });
    const loop = runner.getLoop();
    const fut = loop.createFuture<string>();
    loop.callLater(1, () => fut.setResult("set"));
    expect(runner.runSync(fut)).toBe("set");
    expect(runner.runSync(sleep(2, "slept"))).toBe("slept");
    expect(loop.time()).toBe(3);
    runner.close();
  });

  it("close() twice is a no-op; close() of an unused runner too", () => {
    const runner = new Runner();
    const loop = runner.getLoop();
    runner.close();
    runner.close();
    expect(loop.isClosed()).toBe(true);
    new Runner().close();
  });

  it("a closed runner refuses to run again", () => {
    const runner = new Runner({ clock: "virtual" });
    const ret: number[] = [];
    function* f(arg: number) {
      ret.push(arg);
    }
    runner.runSync(f(1));
    runner.close();
    expect(() => runner.runSync(f(2))).toThrow("Runner is closed");
    expect(ret).toEqual([1]);
  });

  it("runs share the runner's context: a variable set in one run is seen by the next", () => {
    const cvar = new ContextVar("cvar", { default: -1 });
    function* f(val: number) {
      const old = cvar.get();
      yield* sleep(0);
      cvar.set(val);
      return old;
    }
    function* getContext() {
      return copyContext();
    }
    using runner = new Runner({ clock: "virtual" });
    expect(runner.runSync(f(1))).toBe(-1);
    expect(runner.runSync(f(2))).toBe(1);
    expect(runner.runSync(getContext()).get(cvar)).toBe(2);
    expect(cvar.get()).toBe(-1);
  });

  it("the context option runs main in that context instead", () => {
    const cvar = new ContextVar<string>("cvar");
    const ctx = new Context();
    using runner = new Runner({ clock: "virtual" });
    runner.runSync((function* () { cvar.set("in ctx"); })(), { context: ctx });
    expect(ctx.get(cvar)).toBe("in ctx");
    expect(runner.runSync((function* () { return cvar.get("unset"); })())).toBe("unset");
  });

  it("run from inside the runner's own loop throws RuntimeError", () => {
    const runner = new Runner({ clock: "virtual" });
    function* g() {}
    function* f() {
      runner.runSync(g());
    }
    expect(() => runner.runSync(f())).toThrow("Runner.runSync() cannot be called from a running event loop");
    runner.close();
  });

  it("close() cancels and finishes the leftovers on the caller's stack, reporting their errors", () => {
    const runner = new Runner({ clock: "virtual" });
    const log: string[] = [];
    const errors: unknown[] = [];
    runner.getLoop().setExceptionHandler((_l, c) => errors.push(c.exception));
    function* leftover(name: string, failInCleanup: boolean) {
      try {
        yield* sleep(100);
      } finally {
        yield* sleep(1);
        log.push(`${name} cleaned up at ${getRunningLoop().time()}`);
        if (failInCleanup) throw new Error(`${name} failed`);
      }
    }
    runner.runSync((function* () {
      createTask(leftover("a", false));
      createTask(leftover("b", true));
      yield* sleep(0);
    })());
    runner.close();
    expect(log).toEqual(["a cleaned up at 1", "b cleaned up at 1"]);
    expect(errors.map((e) => (e as Error).message)).toEqual(["b failed"]);
  });

  it("aclose() does the same through the host, and `await using` calls it", async () => {
    const log: string[] = [];
    let loop: EventLoop;
    {
      await using runner = new Runner();
      loop = runner.getLoop();
      await runner.run((function* () {
        createTask((function* () {
          try {
            yield* sleep(10);
          } finally {
            yield* sleep(0.001);
            log.push("cleaned up");
          }
        })());
        yield* sleep(0);
      })());
    }
    expect(log).toEqual(["cleaned up"]);
    expect(loop.isClosed()).toBe(true);
  });

  it("the signal option cancels the main task", () => {
    const runner = new Runner({ clock: "virtual" });
    const ac = new AbortController();
    runner.getLoop().callLater(1, () => ac.abort("stop"));
    expect(() => runner.runSync(sleep(10), { signal: ac.signal })).toThrow(CancelledError);
    expect(runner.runSync(answer())).toBe(42);
    runner.close();
  });

  it("the main task is named Task-N and runs in a copy of the context from when the loop was made", () => {
    const cvar = new ContextVar("cvar", { default: "none" });
    const ctx = new Context();
    const runner = ctx.run(() => {
      cvar.set("at creation");
      const r = new Runner({ clock: "virtual" });
      r.getLoop();
      cvar.set("later");
      return r;
    });
    const [name, seen] = runner.runSync((function* () {
      return [currentTask()!.getName(), cvar.get()];
    })());
    expect(name).toMatch(/^Task-\d+$/);
    expect(seen).toBe("at creation");
    runner.close();
  });

  it("refuses bad options, naming them", () => {
    expect(() => new Runner({ debug: 1 } as never)).toThrow("Runner: options.debug must be a boolean, got number 1");
    expect(() => new Runner({ clock: "wall" } as never)).toThrow(RangeError);
    expect(() => new Runner({ loopFactory: 1 } as never)).toThrow(/options.loopFactory must be a function/);
    expect(() => new Runner({ loopFactory: () => new EventLoop(), clock: "virtual" })).toThrow(/exclude each other/);
    expect(() => new Runner({ other: 1 } as never)).toThrow(/unknown option "other"/);
    expect(() => new Runner({ clock: "virtual" }).runSync(answer(), { context: 1 } as never)).toThrow(
      "Runner.runSync: options.context must be a Context, got number 1",
    );
  });

  it("a loopFactory that returns something else is refused, and the runner can be closed", () => {
    const runner = new Runner({ loopFactory: (() => ({})) as never });
    expect(() => runner.getLoop()).toThrow("Runner: options.loopFactory must return an EventLoop, got Object");
    runner.close();
  });

  it("toString says the state", () => {
    const runner = new Runner({ clock: "virtual" });
    expect(String(runner)).toBe("<Runner created>");
    runner.getLoop();
    expect(String(runner)).toMatch(/^<Runner initialized loop=<EventLoop #\d+ idle clock=virtual/);
    runner.close();
    expect(String(runner)).toBe("<Runner closed>");
  });
});

describe("the closing sequence takes asyncio's iterations", () => {
  /** A callSoon chain: each link records itself and schedules the next, so links = iterations. */
  function chainFrom(links: number[]) {
    const link = (n: number) => {
      links.push(n);
      if (n < 20) getRunningLoop().callSoon(link, n + 1);
    };
    return function* () {
      getRunningLoop().callSoon(link, 0);
      return "main";
    };
  }

  it("run(): after main, shutdown_asyncgens and shutdown_default_executor each run the loop for two iterations", async () => {
    const links: number[] = [];
    expect(await run(chainFrom(links)(), { clock: "virtual" })).toBe("main");
    // link 0 runs with main's stop; 1-2 during shutdown_asyncgens, 3-4 during shutdown_default_executor
    expect(links).toEqual([0, 1, 2, 3, 4]);
  });

  it("Runner.close() on the caller's stack runs the same two steps, with no leftover task", () => {
    const links: number[] = [];
    const runner = new Runner({ clock: "virtual" });
    runner.runSync(chainFrom(links)());
    expect(links).toEqual([0]);
    runner.close();
    expect(links).toEqual([0, 1, 2, 3, 4]);
  });

  it("Runner.close() with a child process still running skips the steps a synchronous run cannot take, and closes", async () => {
    const runner = new Runner();
    const proc = await runner.run((function* () {
      return yield* createSubprocessExec("sleep", "30");
    })());
    const loop = runner.getLoop();
    expect(() => runner.close()).not.toThrow();
    expect(loop.isClosed()).toBe(true);
    expect(proc.returncode).toBe(null); // released by the loop's close, not waited for
    process.kill(proc.pid); // the child outlives the loop: end it here
  });

  it("a task a leftover starts in its cleanup runs until the loop closes, as under asyncio", async () => {
    const ticks: number[] = [];
    function* late() {
      for (let i = 0; i < 12; i++) {
        ticks.push(i);
        yield* sleep(0);
      }
    }
    function* leftover() {
      try {
        yield* sleep(100);
      } finally {
        getRunningLoop().createTask(late());
        yield* sleep(0);
      }
    }
    function* main() {
      createTask(leftover());
      yield* sleep(0);
    }
    await run(main(), { clock: "virtual" });
    expect(ticks).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe("run() and Runner with the default executor", () => {
  it("run() waits for the default executor's workers before it closes the loop", async () => {
    const calls: string[] = [];
    let loop: EventLoop | null = null;
    const value = await run(
      (function* () {
        loop = getRunningLoop();
        loop.setDefaultExecutor(recordingExecutor(calls));
        return yield* toThread((a: number) => a + 1, 41);
      })(),
    );
    expect(value).toBe(42);
    // the workers were gone before loop.close() shut the executor down again without waiting, as asyncio's close() does
    expect(calls).toEqual(["shutdown wait=true", "workers gone", "shutdown wait=false", "workers gone"]);
    expect(loop!.isClosed()).toBe(true);
  });

  it("Runner.close() on the caller's stack shuts the default executor down without waiting", async () => {
    const calls: string[] = [];
    const runner = new Runner();
    await runner.run(
      (function* () {
        getRunningLoop().setDefaultExecutor(recordingExecutor(calls));
        return yield* toThread((a: number) => a * 2, 21);
      })(),
    );
    runner.close();
    expect(calls).toEqual(["shutdown wait=false"]);
  });
});
