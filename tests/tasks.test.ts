// Task, as asyncio 3.12's: stepping through the loop, what a coroutine may yield,
// cancellation, names, stacks, currentTask/allTasks, and the seed documents' examples.
import { afterEach, describe, expect, it } from "vitest";
import {
  CancelledError,
  EventLoop,
  RuntimeError,
  Task,
  allTasks,
  currentTask,
  ensureFuture,
  setEventLoop,
  sleep,
} from "../src/index.js";

const virtual = () => new EventLoop({ clock: "virtual" });

afterEach(() => setEventLoop(null));

/** Runs `body` as a task to completion and returns what it returned or threw. */
function outcome<T>(loop: EventLoop, body: Generator<unknown, T, any>): T | unknown {
  try {
    return loop.runUntilCompleteSync(body);
  } catch (e) {
    return e;
  }
}

describe("stepping", () => {
  it("does not start the coroutine synchronously: its first step is a loop callback", () => {
    const loop = virtual();
    const log: string[] = [];
    loop.createTask(
      (function* () {
        log.push("step 1");
      })(),
    );
    expect(log).toEqual([]);
    loop.runOnce();
    expect(log).toEqual(["step 1"]);
  });

  it("runs each step through callSoon, in order with other callbacks", () => {
    const loop = virtual();
    const log: string[] = [];
    loop.callSoon(() => log.push("callback before"));
    loop.createTask(
      (function* () {
        log.push("step 1");
        yield;
        log.push("step 2");
      })(),
    );
    loop.callSoon(() => log.push("callback after"));
    loop.runOnce();
    expect(log).toEqual(["callback before", "step 1", "callback after"]);
    loop.callSoon(() => log.push("callback scheduled after step 1"));
    loop.runOnce();
    expect(log.slice(3)).toEqual(["step 2", "callback scheduled after step 1"]);
  });

  it("a bare yield gives way for exactly one iteration, without moving time", () => {
    const loop = virtual();
    const log: string[] = [];
    loop.callLater(1, () => log.push("timer"));
    loop.createTask(
      (function* () {
        log.push("a");
        yield;
        log.push("b");
      })(),
    );
    loop.runOnce();
    expect(log).toEqual(["a"]);
    loop.runOnce();
    expect(log).toEqual(["a", "b"]);
    expect(loop.time()).toBe(0);
  });

  it("yield* fut waits for the future and evaluates to its result", () => {
    const loop = virtual();
    const fut = loop.createFuture<string>();
    loop.callLater(3, () => fut.setResult("value"));
    function* main() {
      const v: string = yield* fut;
      return `${v} at ${loop.time()}`;
    }
    expect(loop.runUntilCompleteSync(main())).toBe("value at 3");
  });

  it("yield fut waits for the future and evaluates to its result", () => {
    const loop = virtual();
    const fut = loop.createFuture<number>();
    loop.callLater(2, () => fut.setResult(5));
    function* main(): Generator<unknown, number, number> {
      const v = yield fut;
      return v * 10;
    }
    expect(loop.runUntilCompleteSync(main())).toBe(50);
  });

  it("yield fut throws the future's exception into the coroutine", () => {
    const loop = virtual();
    const fut = loop.createFuture<number>();
    loop.callLater(1, () => fut.setException(new RangeError("no")));
    function* main(): Generator<unknown, string, unknown> {
      try {
        yield fut;
        return "not thrown";
      } catch (e) {
        return (e as Error).message;
      }
    }
    expect(loop.runUntilCompleteSync(main())).toBe("no");
  });

  it("yield* of another coroutine runs it inline and evaluates to its return value", () => {
    const loop = virtual();
    function* inner() {
      yield* sleep(1);
      return 2;
    }
    function* main() {
      return (yield* inner()) + (yield* inner());
    }
    expect(loop.runUntilCompleteSync(main())).toBe(4);
    expect(loop.time()).toBe(2);
  });

  it("yield* task evaluates to the other task's result", () => {
    const loop = virtual();
    const other = loop.createTask(
      (function* () {
        yield* sleep(2);
        return "other's";
      })(),
    );
    function* main() {
      return yield* other;
    }
    expect(loop.runUntilCompleteSync(main())).toBe("other's");
  });

  it("the task's result is what the coroutine returns", () => {
    const loop = virtual();
    const task = loop.createTask(
      (function* () {
        yield;
        return 42;
      })(),
    );
    loop.runUntilCompleteSync(task);
    expect(task.done()).toBe(true);
    expect(task.result()).toBe(42);
  });

  it("the task's exception is what the coroutine throws", () => {
    const loop = virtual();
    const err = new RangeError("failed");
    const task = loop.createTask(
      (function* () {
        yield;
        throw err;
      })(),
    );
    expect(() => loop.runUntilCompleteSync(task)).toThrow(err);
    expect(task.exception()).toBe(err);
  });

  it("a coroutine that throws undefined fails its task with an Error saying so", () => {
    const loop = virtual();
    const task = loop.createTask(
      (function* () {
        yield;
        throw undefined;
      })(),
      { name: "thrower" },
    );
    expect(() => loop.runUntilCompleteSync(task)).toThrow("coroutine of thrower threw undefined");
    expect(task.done()).toBe(true);
  });
});

describe("what a coroutine may not yield", () => {
  it("yielding anything else throws a TypeError ('bad yield') into the coroutine, which may go on", () => {
    const loop = virtual();
    function* main(): Generator<unknown, string, unknown> {
      let message = "";
      try {
        yield 42;
      } catch (e) {
        message = `${(e as Error).name}: ${(e as Error).message}`;
      }
      yield* sleep(1);
      return `${message}; went on to ${loop.time()}`;
    }
    expect(loop.runUntilCompleteSync(main())).toMatch(/^TypeError: Task got bad yield: number 42; .+; went on to 1$/);
  });

  it("yielding a generator object says to use yield*", () => {
    const loop = virtual();
    function* inner() {}
    function* main(): Generator<unknown, void, unknown> {
      yield inner();
    }
    const err = outcome(loop, main());
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toMatch(/did you forget `\*` in `yield\*`\?/);
  });

  it("yielding a generator function says to call it and delegate", () => {
    const loop = virtual();
    function* work() {}
    function* main(): Generator<unknown, void, unknown> {
      yield work;
    }
    expect((outcome(loop, main()) as Error).message).toMatch(/call it and delegate: yield\* work\(\)/);
  });

  it("yielding an async function says to call it", () => {
    const loop = virtual();
    async function fetchIt() {}
    function* main(): Generator<unknown, void, unknown> {
      yield fetchIt;
    }
    expect((outcome(loop, main()) as Error).message).toMatch(/call it: yield fetchIt\(\)/);
  });

  it("yielding an array says to gather", () => {
    const loop = virtual();
    function* main(): Generator<unknown, void, unknown> {
      yield [sleep(1), sleep(2)];
    }
    expect((outcome(loop, main()) as Error).message).toMatch(/yield\* gather\(\.\.\.items\)/);
  });

  it("an uncaught bad yield fails the task with the TypeError", () => {
    const loop = virtual();
    const task = loop.createTask(
      (function* (): Generator<unknown, void, unknown> {
        yield "text";
      })(),
    );
    expect(() => loop.runUntilCompleteSync(task)).toThrow(TypeError);
  });

  it("awaiting a Future of another loop throws RuntimeError into the coroutine", () => {
    const loop = virtual();
    const foreign = virtual().createFuture();
    function* main() {
      try {
        yield* foreign;
        return null;
      } catch (e) {
        return e;
      }
    }
    const err = loop.runUntilCompleteSync(main());
    expect(err).toBeInstanceOf(RuntimeError);
    expect((err as Error).message).toMatch(/attached to a different loop/);
  });

  it("the different-loop error names both loops and says when the Future's is closed", () => {
    const loop = virtual();
    const other = virtual();
    const foreign = other.createFuture();
    other.close();
    function* main() {
      try {
        yield foreign;
        return null;
      } catch (e) {
        return e;
      }
    }
    const msg = (loop.runUntilCompleteSync(main()) as Error).message;
    const running = String(loop).replace(" idle ", " running ");
    expect(msg).toContain(`the Future belongs to ${other}, the task runs on ${running}`);
    expect(String(other)).toMatch(/^<EventLoop #\d+ closed /);
    expect(String(other)).not.toBe(String(loop).replace(" idle ", " closed "));
  });

  it("a task awaiting itself gets RuntimeError thrown in", () => {
    const loop = virtual();
    const holder: { task: Task<unknown> | null } = { task: null };
    function* main() {
      yield;
      try {
        yield* holder.task!;
        return null;
      } catch (e) {
        return e;
      }
    }
    holder.task = loop.createTask(main());
    const err = loop.runUntilCompleteSync(holder.task);
    expect(err).toBeInstanceOf(RuntimeError);
    expect((err as Error).message).toMatch(/Task cannot await on itself/);
  });
});

describe("cancellation", () => {
  function* sleeper(log: string[], loop: EventLoop) {
    try {
      yield* sleep(10);
      log.push("woke");
    } catch (e) {
      log.push(`caught ${(e as Error).name}('${(e as Error).message}') at ${loop.time()}`);
      throw e;
    } finally {
      log.push("finally");
    }
  }

  it("cancel(msg) throws CancelledError(msg) into the coroutine at its current yield; finally blocks run", () => {
    const loop = virtual();
    const log: string[] = [];
    const task = loop.createTask(sleeper(log, loop));
    loop.callLater(1, () => task.cancel("stop now"));
    expect(() => loop.runUntilCompleteSync(task)).toThrow(CancelledError);
    expect(log).toEqual(["caught CancelledError('stop now') at 1", "finally"]);
    expect(task.cancelled()).toBe(true);
  });

  it("the cancelled task's result() throws CancelledError with the message", () => {
    const loop = virtual();
    const task = loop.createTask(sleeper([], loop));
    loop.callLater(1, () => task.cancel("the reason"));
    const err = outcome(loop, (function* () { return yield* task; })());
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as Error).message).toBe("the reason");
  });

  it("cancel() returns true but the task is not cancelled until CancelledError leaves the coroutine", () => {
    const loop = virtual();
    const task = loop.createTask(sleeper([], loop));
    loop.runOnce();
    expect(task.cancel()).toBe(true);
    expect(task.cancelled()).toBe(false);
    expect(task.done()).toBe(false);
    loop.runOnce();
    loop.runOnce();
    expect(task.cancelled()).toBe(true);
  });

  it("a task that catches CancelledError and goes on is not cancelled, and its result stands", () => {
    const loop = virtual();
    function* stubborn() {
      try {
        yield* sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
      }
      yield* sleep(1);
      return "finished anyway";
    }
    const task = loop.createTask(stubborn());
    loop.callLater(2, () => task.cancel());
    expect(loop.runUntilCompleteSync(task)).toBe("finished anyway");
    expect(task.cancelled()).toBe(false);
    expect(loop.time()).toBe(3);
  });

  it("cancel before the first step cancels the task without running its body", () => {
    const loop = virtual();
    let started = false;
    const task = loop.createTask(
      (function* () {
        started = true;
        yield* sleep(1);
      })(),
    );
    expect(task.cancel()).toBe(true);
    loop.runOnce();
    expect(started).toBe(false);
    expect(task.cancelled()).toBe(true);
  });

  it("cancel() cancels the Future the task waits on", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    const task = loop.createTask(
      (function* () {
        yield* fut;
      })(),
    );
    loop.runOnce();
    task.cancel("msg");
    expect(fut.cancelled()).toBe(true);
    expect(() => fut.result()).toThrow("msg");
  });

  it("a Future the task waits on being cancelled throws CancelledError into the task", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    function* main() {
      try {
        yield* fut;
        return "not thrown";
      } catch (e) {
        return e instanceof CancelledError ? "cancelled from below" : "other";
      }
    }
    loop.callLater(1, () => fut.cancel());
    expect(loop.runUntilCompleteSync(main())).toBe("cancelled from below");
  });

  it("a task that cancels itself and then returns ends cancelled (asyncio's test_cancel_at_end)", () => {
    const loop = virtual();
    const holder: { task: Task<number> | null } = { task: null };
    holder.task = loop.createTask(
      (function* () {
        yield;
        holder.task!.cancel();
        return 12;
      })(),
    );
    expect(() => loop.runUntilCompleteSync(holder.task!)).toThrow(CancelledError);
    expect(holder.task.cancelled()).toBe(true);
  });

  it("a task that cancels itself gets CancelledError at its next yield (asyncio's test_cancel_current_task)", () => {
    const loop = virtual();
    const holder: { task: Task<string> | null; log: string[] } = { task: null, log: [] };
    holder.task = loop.createTask(
      (function* () {
        holder.task!.cancel("self");
        holder.log.push("still running after cancel()");
        try {
          yield* sleep(0);
        } catch (e) {
          holder.log.push(`${(e as Error).name}('${(e as Error).message}')`);
          throw e;
        }
        return "not reached";
      })(),
    );
    expect(() => loop.runUntilCompleteSync(holder.task!)).toThrow(CancelledError);
    expect(holder.log).toEqual(["still running after cancel()", "CancelledError('self')"]);
  });

  it("cancel() of a done task returns false", () => {
    const loop = virtual();
    const task = loop.createTask((function* () {})());
    loop.runUntilCompleteSync(task);
    expect(task.cancel()).toBe(false);
    expect(task.cancelled()).toBe(false);
  });

  it("cancelling() counts cancel requests and uncancel() takes one back", () => {
    const loop = virtual();
    const task = loop.createTask(sleeper([], loop));
    loop.runOnce();
    expect(task.cancelling()).toBe(0);
    task.cancel();
    task.cancel();
    expect(task.cancelling()).toBe(2);
    expect(task.uncancel()).toBe(1);
    expect(task.cancelling()).toBe(1);
  });

  it("uncancel() never goes below zero", () => {
    const loop = virtual();
    const task = loop.createTask((function* () {})());
    expect(task.uncancel()).toBe(0);
    expect(task.cancelling()).toBe(0);
  });
});

describe("the Task object", () => {
  it("names unnamed tasks Task-N with N increasing; named tasks take no number", () => {
    const loop = virtual();
    const number = (t: Task<unknown>) => Number(/^Task-(\d+)$/.exec(t.getName())![1]);
    const a = loop.createTask((function* () {})());
    const named = loop.createTask((function* () {})(), { name: "worker" });
    const b = loop.createTask((function* () {})());
    expect(named.getName()).toBe("worker");
    expect(number(b)).toBe(number(a) + 1);
  });

  it("setName renames the task, converting the name to a string", () => {
    const task = virtual().createTask((function* () {})());
    task.setName(42 as never);
    expect(task.getName()).toBe("42");
  });

  it("getCoro returns the coroutine", () => {
    const coro = (function* () {})();
    expect(virtual().createTask(coro).getCoro()).toBe(coro);
  });

  it("createTask takes a sleep() nothing awaited yet, as asyncio's create_task(sleep(...)), and getCoro returns it", () => {
    const loop = virtual();
    const nap = sleep(5, "rested");
    const task = loop.createTask(nap);
    expect(task.getCoro()).toBe(nap);
    expect([loop.runUntilCompleteSync(task), loop.time()]).toEqual(["rested", 5]);
  });

  it("createTask refuses a Future that is not an unawaited asyncio coroutine, with TypeError naming coro", () => {
    const loop = virtual();
    expect(() => loop.createTask(loop.createFuture() as never)).toThrow(/coro must be a coroutine/);
    const awaited = sleep(1);
    awaited.addDoneCallback(() => {});
    expect(() => loop.createTask(awaited)).toThrow(TypeError);
  });

  it("setResult and setException throw RuntimeError", () => {
    const task = virtual().createTask((function* () {})());
    expect(() => task.setResult(undefined)).toThrow(RuntimeError);
    expect(() => task.setException(new Error("x"))).toThrow(RuntimeError);
  });

  it("toString shows the state and the name", () => {
    const loop = virtual();
    const task = loop.createTask(
      (function* () {
        yield;
        return 7;
      })(),
      { name: "seven" },
    );
    expect(String(task)).toBe("<Task pending name='seven' coro=<generator>>");
    loop.runUntilCompleteSync(task);
    expect(String(task)).toBe("<Task finished name='seven' coro=<generator> result=7>");
  });

  it("createTask on a closed loop throws RuntimeError", () => {
    const loop = virtual();
    loop.close();
    expect(() => loop.createTask((function* () {})())).toThrow(RuntimeError);
  });

  it("createTask of what is not a generator object throws a TypeError naming coro", () => {
    const loop = virtual();
    function* gen() {}
    expect(() => loop.createTask(gen as never)).toThrow(TypeError);
    expect(() => loop.createTask(gen as never)).toThrow(/coro must be a coroutine/);
    expect(() => loop.createTask(gen as never)).toThrow(/call it: createTask\(gen\(\)\)/);
    expect(() => loop.createTask(42 as never)).toThrow(/coro must be a coroutine \(a generator object\), got number 42/);
    expect(loop.nextWakeup()).toBe(Infinity);
  });
});

describe("getStack and printStack", () => {
  function failing(): Generator<unknown, never, unknown> {
    return (function* failingCoroutine(): Generator<unknown, never, unknown> {
      yield;
      throw new Error("boom");
    })();
  }

  it("a pending task's stack is one frame: its coroutine", () => {
    const loop = virtual();
    const task = loop.createTask(failing());
    const stack = task.getStack();
    expect(stack).toHaveLength(1);
    expect(stack[0]).toBe(task.getCoro()); // toBe: toEqual would iterate the generator
  });

  it("a finished task's stack is empty", () => {
    const loop = virtual();
    const task = loop.createTask((function* () {})());
    loop.runUntilCompleteSync(task);
    expect(task.getStack()).toEqual([]);
  });

  it("a failed task's stack is its exception's frames, oldest first", () => {
    const loop = virtual();
    const task = loop.createTask(failing());
    outcome(loop, (function* () { return yield* task; })());
    const frames = task.getStack() as string[];
    expect(frames.length).toBeGreaterThan(1);
    expect(frames.at(-1)).toMatch(/failingCoroutine/);
    expect(task.getStack({ limit: 1 })).toEqual(frames.slice(0, 1));
  });

  it("printStack prints a pending task's stack", () => {
    const loop = virtual();
    const task = loop.createTask(failing(), { name: "p" });
    const lines: string[] = [];
    task.printStack({ print: (l) => lines.push(l) });
    expect(lines).toEqual(["Stack for <Task pending name='p' coro=<generator>> (most recent call last):", "  <suspended coroutine>"]);
  });

  it("printStack says there is no stack for a finished task", () => {
    const loop = virtual();
    const task = loop.createTask((function* () {})(), { name: "f" });
    loop.runUntilCompleteSync(task);
    const lines: string[] = [];
    task.printStack({ print: (l) => lines.push(l) });
    expect(lines).toEqual(["No stack for <Task finished name='f' coro=<generator> result=None>"]);
  });

  it("printStack prints a failed task's traceback and exception", () => {
    const loop = virtual();
    const task = loop.createTask(failing(), { name: "x" });
    outcome(loop, (function* () { return yield* task; })());
    const lines: string[] = [];
    task.printStack({ print: (l) => lines.push(l) });
    expect(lines[0]).toBe("Traceback for <Task finished name='x' coro=<generator> exception=Error('boom')> (most recent call last):");
    expect(lines.at(-2)).toMatch(/failingCoroutine/);
    expect(lines.at(-1)).toBe("Error('boom')");
  });

  it("getStack rejects a limit that is not an integer", () => {
    const task = virtual().createTask((function* () {})());
    expect(() => task.getStack({ limit: 1.5 })).toThrow("getStack: options.limit must be an integer or null");
  });
});

describe("currentTask and allTasks", () => {
  it("currentTask inside a task is that task", () => {
    const loop = virtual();
    const holder: { seen: unknown } = { seen: undefined };
    const task = loop.createTask(
      (function* () {
        yield* sleep(1);
        holder.seen = currentTask();
      })(),
    );
    loop.runUntilCompleteSync(task);
    expect(holder.seen).toBe(task);
  });

  it("currentTask in a plain callback of a running loop is null", () => {
    const loop = virtual();
    let seen: unknown;
    loop.callSoon(() => (seen = currentTask()));
    loop.runOnce();
    expect(seen).toBe(null);
  });

  it("currentTask outside a running loop throws RuntimeError", () => {
    expect(() => currentTask()).toThrow(RuntimeError);
  });

  it("currentTask(loop) outside a running loop is null", () => {
    expect(currentTask(virtual())).toBe(null);
  });

  it("allTasks lists the loop's pending tasks only", () => {
    const loop = virtual();
    const quick = loop.createTask((function* () {})());
    const slow = loop.createTask(
      (function* () {
        yield* sleep(5);
      })(),
    );
    expect(allTasks(loop)).toEqual(new Set([quick, slow]));
    loop.runOnce();
    expect(allTasks(loop)).toEqual(new Set([slow]));
    loop.runUntilCompleteSync(slow);
    expect(allTasks(loop)).toEqual(new Set());
  });

  it("allTasks lists a waiting task while it is young, once it is old, and not once it is done", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    const waiting = loop.createTask(
      (function* () {
        yield* fut;
      })(),
    );
    const listed: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      loop.callSoon(() => {});
      loop.runOnce();
      listed.push(allTasks(loop).has(waiting));
    }
    fut.setResult(1);
    loop.runUntilCompleteSync(waiting);
    expect([...listed, allTasks(loop).has(waiting)]).toEqual([true, true, true, true, true, true, false]);
  });

  it("allTasks lists the tasks that never waited before the waiting ones, and these by first wait", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    function* waiter() {
      yield* fut;
    }
    const a = loop.createTask(waiter(), { name: "a" });
    loop.createTask(waiter(), { name: "b" });
    loop.runOnce();
    const c = loop.createTask(waiter(), { name: "c" });
    expect([...allTasks(loop)].map((t) => t.getName())).toEqual(["c", "a", "b"]);
    fut.setResult(null);
    loop.runUntilCompleteSync(c);
    expect(a.done()).toBe(true);
  });

  it("allTasks lists a task whose next step throws a bad yield's TypeError in", () => {
    const loop = virtual();
    const task = loop.createTask(
      (function* () {
        try {
          yield 42;
        } catch {
          yield* sleep(1);
        }
      })(),
    );
    loop.runOnce(); // the bad yield: the TypeError is thrown in at the next step
    expect(allTasks(loop)).toEqual(new Set([task]));
    loop.runUntilCompleteSync(task);
    expect(allTasks(loop)).toEqual(new Set());
  });

  it("allTasks lists a task that never waited even after its loop was closed", () => {
    const loop = virtual();
    const task = loop.createTask((function* () {})());
    loop.close();
    expect(allTasks(loop)).toEqual(new Set([task]));
  });

  it("allTasks does not list another loop's tasks", () => {
    const loop = virtual();
    const other = virtual();
    other.createTask((function* () {})());
    expect(allTasks(loop).size).toBe(0);
  });

  it("allTasks() inside a task lists the running loop's tasks, itself included", () => {
    const loop = virtual();
    const holder: { seen: Set<Task<unknown>> | null } = { seen: null };
    const task = loop.createTask(
      (function* () {
        yield;
        holder.seen = allTasks();
      })(),
    );
    loop.runUntilCompleteSync(task);
    expect(holder.seen).toEqual(new Set([task]));
  });

  it("allTasks() outside a running loop throws RuntimeError", () => {
    expect(() => allTasks()).toThrow(RuntimeError);
  });
});

describe("the seed documents' examples", () => {
  it("chains coroutines: printSum waits for compute", () => {
    const loop = virtual();
    const out: string[] = [];
    function* compute(x: number, y: number) {
      out.push(`Compute ${x} + ${y} ...`);
      yield* sleep(1.0);
      return x + y;
    }
    function* printSum(x: number, y: number) {
      const result = yield* compute(x, y);
      out.push(`${x} + ${y} = ${result}`);
    }
    loop.runUntilCompleteSync(printSum(1, 2));
    expect(out).toEqual(["Compute 1 + 2 ...", "1 + 2 = 3"]);
    expect(loop.time()).toBe(1);
  });

  it("runs three factorial tasks in parallel in the documented order", () => {
    const loop = virtual();
    const out: string[] = [];
    function* factorial(name: string, number: number) {
      let f = 1;
      for (let i = 2; i <= number; i++) {
        out.push(`Task ${name}: Compute factorial(${i})...`);
        yield* sleep(1);
        f *= i;
      }
      out.push(`Task ${name}: factorial(${number}) = ${f}`);
    }
    const tasks = [
      ensureFuture(factorial("A", 2), { loop }),
      ensureFuture(factorial("B", 3), { loop }),
      ensureFuture(factorial("C", 4), { loop }),
    ];
    loop.runUntilCompleteSync(
      (function* () {
        for (const t of tasks) yield* t;
      })(),
    );
    expect(out).toEqual([
      "Task A: Compute factorial(2)...",
      "Task B: Compute factorial(2)...",
      "Task C: Compute factorial(2)...",
      "Task A: factorial(2) = 2",
      "Task B: Compute factorial(3)...",
      "Task C: Compute factorial(3)...",
      "Task B: factorial(3) = 6",
      "Task C: Compute factorial(4)...",
      "Task C: factorial(4) = 24",
    ]);
    expect(loop.time()).toBe(3);
  });
});

describe("host promises in coroutines (a JS extension)", () => {
  it("yield promise waits for it and evaluates to its value", async () => {
    const loop = new EventLoop();
    function* main(): Generator<unknown, string, any> {
      const v = yield Promise.resolve("from the host");
      return `${v}!`;
    }
    expect(await loop.runUntilComplete(main())).toBe("from the host!");
    loop.close();
  });

  it("yield of a rejected promise throws the rejection into the coroutine", async () => {
    const loop = new EventLoop();
    function* main(): Generator<unknown, string, any> {
      try {
        yield Promise.reject(new RangeError("host said no"));
        return "not reached";
      } catch (e) {
        return `caught ${(e as Error).name}`;
      }
    }
    expect(await loop.runUntilComplete(main())).toBe("caught RangeError");
    loop.close();
  });

  it("any thenable works, not only native promises", async () => {
    const loop = new EventLoop();
    const thenable = { then: (ok: (v: number) => void) => setTimeout(() => ok(7), 1) };
    function* main(): Generator<unknown, number, any> {
      return (yield thenable) * 6;
    }
    expect(await loop.runUntilComplete(main())).toBe(42);
    loop.close();
  });

  it("cancelling a task that waits on a promise cancels the wait; the promise settling later changes nothing", async () => {
    const loop = new EventLoop();
    let reject!: (e: unknown) => void;
    const p = new Promise((_r, j) => (reject = j));
    const task = loop.createTask((function* () { yield p; })());
    loop.callSoon(() => loop.callSoon(() => task.cancel("no more waiting")));
    await expect(loop.runUntilComplete(task)).rejects.toThrow("no more waiting");
    reject(new Error("late"));
    await new Promise((r) => setTimeout(r, 0));
    expect(task.cancelled()).toBe(true);
    loop.close();
  });

  it("createTask takes a promise: the task's result is the promise's value, and getCoro() is the promise", async () => {
    const loop = new EventLoop();
    const p = Promise.resolve(5);
    const task = loop.createTask(p);
    expect(task.getCoro()).toBe(p);
    expect(await loop.runUntilComplete(task)).toBe(5);
    loop.close();
  });

  it("createTask of an async function, uncalled, says to call it", () => {
    const loop = virtual();
    async function fetchThing() {}
    expect(() => loop.createTask(fetchThing as never)).toThrow(/call it: createTask\(fetchThing\(\)\)/);
    async function* stream() {}
    expect(() => loop.createTask(stream() as never)).toThrow(/an async generator is not a coroutine/);
    expect(() => loop.createTask(loop.createFuture() as never)).toThrow(/it is already a Future; await it/);
    expect(loop.runUntilCompleteSync(sleep(1, "usable"))).toBe("usable");
  });
});
