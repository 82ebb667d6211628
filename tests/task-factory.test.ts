// Task factories (loop.setTaskFactory / getTaskFactory) and asyncio 3.12's eager tasks
// (eagerTaskFactory, createEagerTaskFactory, Task's eagerStart), after CPython's
// test_eager_task_factory.py.
import { describe, expect, it } from "vitest";
import {
  CancelledError, Context, ContextVar, EventLoop, Future, RuntimeError, Task, allTasks, createEagerTaskFactory, createTask,
  currentTask, eagerTaskFactory, ensureFuture, gather, sleep, type TaskFactory,
} from "../src/index.js";

const virtual = () => new EventLoop({ clock: "virtual" });
const eagerLoop = () => {
  const loop = virtual();
  loop.setTaskFactory(eagerTaskFactory);
  return loop;
};

describe("task factories", () => {
  it("getTaskFactory is null by default and returns what setTaskFactory set; null restores the default", () => {
    const loop = virtual();
    expect(loop.getTaskFactory()).toBeNull();
    const f: TaskFactory = (l, coro, opts) => new Task(coro, { ...opts, loop: l });
    loop.setTaskFactory(f);
    expect(loop.getTaskFactory()).toBe(f);
    loop.setTaskFactory(null);
    expect(loop.getTaskFactory()).toBeNull();
  });

  it("setTaskFactory refuses what is not a function or null; the loop keeps its factory", () => {
    const loop = virtual();
    expect(() => loop.setTaskFactory(5 as never)).toThrow("setTaskFactory: factory must be a function or null, got number 5");
    expect(() => loop.setTaskFactory(undefined as never)).toThrow(TypeError);
    expect(loop.getTaskFactory()).toBeNull();
    expect(loop.runUntilCompleteSync(sleep(1, "ok"))).toBe("ok");
  });

  it("createTask, ensureFuture, gather and runUntilComplete all make their tasks through the factory", () => {
    const loop = virtual();
    const made: string[] = [];
    loop.setTaskFactory((l, coro, opts) => {
      made.push("task");
      return new Task(coro, { ...opts, loop: l });
    });
    function* leaf() {
      yield* sleep(1);
      return 1;
    }
    function* main() {
      yield* loop.createTask(leaf());
      yield* ensureFuture(leaf());
      yield* gather(leaf(), leaf());
      yield* createTask(leaf());
    }
    loop.runUntilCompleteSync(main());
    expect(made.length).toBe(6);
  });

  it("the factory gets the loop, the coroutine and { context, signal } when given; the name is set afterwards (3.12)", () => {
    const loop = virtual();
    const calls: unknown[][] = [];
    loop.setTaskFactory((l, coro, opts) => {
      calls.push([l, coro, { ...opts }]);
      return new Task(coro, { loop: l, name: "from factory" });
    });
    const coro = (function* () {})();
    const t1 = loop.createTask(coro);
    expect(calls[0]).toEqual([loop, coro, {}]);
    expect(t1.getName()).toBe("from factory");
    const ctx = new Context();
    const signal = new AbortController().signal;
    const coro2 = (function* () {})();
    const t2 = loop.createTask(coro2, { name: "given", context: ctx, signal });
    expect(calls[1]).toEqual([loop, coro2, { context: ctx, signal }]);
    expect(t2.getName()).toBe("given");
    loop.runUntilCompleteSync(gather(t1, t2));
  });

  it("a factory that returns something other than a Future is refused with TypeError; the loop goes on", () => {
    const loop = virtual();
    loop.setTaskFactory((() => 42) as never);
    expect(() => loop.createTask((function* () {})())).toThrow(
      "createTask: the task factory must return a Future (usually a Task), got number 42",
    );
    loop.setTaskFactory(null);
    expect(loop.runUntilCompleteSync((function* () { return 1; })())).toBe(1);
  });

  it("a factory may return a plain Future: createTask returns it, and the signal option still cancels it", () => {
    const loop = virtual();
    const fut = loop.createFuture<number>();
    loop.setTaskFactory(() => fut);
    const ac = new AbortController();
    expect(loop.createTask((function* () { return 1; })(), { signal: ac.signal })).toBe(fut);
    ac.abort("stop");
    expect(fut.cancelled()).toBe(true);
  });

  it("createTask checks the coroutine before calling the factory", () => {
    const loop = virtual();
    let called = false;
    loop.setTaskFactory((l, coro) => ((called = true), new Task(coro, { loop: l })));
    function* work() {}
    expect(() => loop.createTask(work as never)).toThrow(/call it: createTask\(work\(\)\)/);
    expect(called).toBe(false);
  });

  it("createTask refuses unknown options and bad option values, naming them", () => {
    const loop = virtual();
    const coro = () => (function* () {})();
    expect(() => loop.createTask(coro(), { nmae: "x" } as never)).toThrow(/createTask: unknown option "nmae"/);
    expect(() => loop.createTask(coro(), { context: {} } as never)).toThrow("createTask: options.context must be a Context, got Object");
    expect(() => loop.createTask(coro(), { signal: {} } as never)).toThrow("createTask: options.signal must be an AbortSignal, got Object");
    expect(() => loop.createTask(coro(), 5 as never)).toThrow("createTask: options must be an object, got number 5");
    expect(loop.runUntilCompleteSync(sleep(1, "still fine"))).toBe("still fine");
  });
});

describe("module-level createTask", () => {
  it("makes a task on the running loop", () => {
    const loop = virtual();
    function* main() {
      const t = createTask(sleep(1, "x"), { name: "napper" });
      expect(t.getLoop()).toBe(loop);
      expect(t.getName()).toBe("napper");
      return yield* t;
    }
    expect(loop.runUntilCompleteSync(main())).toBe("x");
  });

  it("names the task after making it, so a named task still takes a Task-N number (asyncio.create_task)", () => {
    const loop = virtual();
    function* main() {
      const a = createTask(sleep(0), { name: "a" });
      const b = createTask(sleep(0));
      const c = loop.createTask(sleep(0), { name: "c" });
      const d = loop.createTask(sleep(0));
      const n = (t: Task<unknown>) => Number(t.getName().slice(5));
      return [a.getName(), n(b) - n(currentTask()!), c.getName(), n(d) - n(b)];
    }
    expect(loop.runUntilCompleteSync(main())).toEqual(["a", 2, "c", 1]);
  });

  it("refuses options that are not an object", () => {
    const loop = virtual();
    function* main() {
      createTask(sleep(0), 5 as never);
    }
    expect(() => loop.runUntilCompleteSync(main())).toThrow("createTask: options must be an object, got number 5");
  });

  it("outside a running loop throws RuntimeError", () => {
    expect(() => createTask((function* () {})())).toThrow(RuntimeError);
    expect(() => createTask((function* () {})())).toThrow(/no running event loop/);
  });
});

describe("eager tasks", () => {
  it("a coroutine that never waits is done when createTask returns, without a loop iteration", () => {
    const loop = eagerLoop();
    function* coro() {
      return "hello";
    }
    function* main() {
      const t = loop.createTask(coro());
      expect(t.done()).toBe(true);
      return yield* t;
    }
    expect(loop.runUntilCompleteSync(main())).toBe("hello");
  });

  it("a task may complete a Future during its eager step", () => {
    const loop = eagerLoop();
    function* setResult(fut: Future<string>, v: string) {
      fut.setResult(v);
    }
    function* main() {
      const fut = loop.createFuture<string>();
      const t = loop.createTask(setResult(fut, "my message"));
      expect(t.done()).toBe(true);
      return yield* fut;
    }
    expect(loop.runUntilCompleteSync(main())).toBe("my message");
  });

  it("a task that waits goes on through the loop after its eager step", () => {
    const loop = eagerLoop();
    const log: string[] = [];
    function* coro() {
      log.push("first step");
      yield* sleep(0.1);
      log.push("second step");
      return "finished after blocking";
    }
    function* main() {
      const t = loop.createTask(coro());
      log.push("after createTask");
      expect(t.done()).toBe(false);
      return yield* t;
    }
    expect(loop.runUntilCompleteSync(main())).toBe("finished after blocking");
    expect(log).toEqual(["first step", "after createTask", "second step"]);
  });

  it("cancel() after an eager completion returns false and the result stands", () => {
    const loop = eagerLoop();
    function* main() {
      const t = loop.createTask((function* () { return "done"; })());
      expect(t.cancel()).toBe(false);
      expect(t.cancelled()).toBe(false);
      return yield* t;
    }
    expect(loop.runUntilCompleteSync(main())).toBe("done");
  });

  it("cancel() after an eager step that waits cancels the task with the message", () => {
    const loop = eagerLoop();
    function* main() {
      const t = loop.createTask(sleep(0.1));
      t.cancel("cancellation message");
      expect(t.cancelling()).toBeGreaterThan(0);
      yield* t;
    }
    let err: unknown;
    try {
      loop.runUntilCompleteSync(main());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as Error).message).toBe("cancellation message");
  });

  it("an eager step that throws fails the task at once", () => {
    const loop = eagerLoop();
    function* main() {
      const t = loop.createTask((function* () { throw new TypeError("early"); })());
      expect(t.done()).toBe(true);
      return t.exception();
    }
    expect((loop.runUntilCompleteSync(main()) as Error).message).toBe("early");
  });

  it("currentTask() is the eager task during its step, and the creator's again afterwards", () => {
    const loop = eagerLoop();
    let inside: unknown = null;
    function* coro() {
      inside = currentTask();
      yield* sleep(0.1);
      expect(currentTask()).toBe(inside);
    }
    function* main() {
      const me = currentTask();
      const t = loop.createTask(coro());
      expect(inside).toBe(t);
      expect(currentTask()).toBe(me);
      yield* t;
    }
    loop.runUntilCompleteSync(main());
  });

  it("allTasks() lists an eager task during its step, and not once it completed eagerly", () => {
    const loop = eagerLoop();
    let during: Set<Task<unknown>> | null = null;
    function* main() {
      const t = loop.createTask((function* () { during = allTasks(); })());
      expect(during!.has(t)).toBe(true);
      expect(allTasks().has(t)).toBe(false);
    }
    loop.runUntilCompleteSync(main());
  });

  it("allTasks() during an eager step lists the task whose step created it", () => {
    const loop = eagerLoop();
    let during: Set<Task<unknown>> | null = null;
    function* main() {
      yield; // main's step now comes from the ready queue, not from runUntilComplete's first call
      loop.createTask((function* () { during = allTasks(); })());
    }
    const task = loop.createTask(main());
    loop.runUntilCompleteSync(task);
    expect(during!.has(task)).toBe(true);
  });

  it("the eager step runs in a copy of the creator's context; its sets stay in the task", () => {
    const loop = eagerLoop();
    const cv = new ContextVar("cv", { default: 0 });
    const seen: number[] = [];
    function* coro() {
      seen.push(cv.get());
      cv.set(2);
      yield* sleep(0.1);
      seen.push(cv.get());
      cv.set(3);
    }
    function* main() {
      cv.set(1);
      const t = loop.createTask(coro());
      seen.push(cv.get());
      yield* t;
      seen.push(cv.get());
    }
    loop.runUntilCompleteSync(main());
    expect(seen).toEqual([1, 1, 2, 1]);
  });

  it("tasks made before the loop runs are not eager (runUntilComplete's own task included)", () => {
    const loop = eagerLoop();
    const log: string[] = [];
    const t = loop.createTask((function* () { log.push("ran"); })());
    expect(t.done()).toBe(false);
    expect(log).toEqual([]);
    loop.runUntilCompleteSync(t);
    expect(log).toEqual(["ran"]);
  });

  it("gather of coroutines that never wait completes inside the call", () => {
    const loop = eagerLoop();
    function* v(x: number) {
      return x;
    }
    function* main() {
      const g = gather(v(1), v(2), v(3));
      expect(g.done()).toBe(true);
      return yield* g;
    }
    expect(loop.runUntilCompleteSync(main())).toEqual([1, 2, 3]);
  });

  it("eager tasks start before the normal tasks created earlier in the same step", () => {
    const loop = virtual();
    const log: string[] = [];
    function* w(name: string) {
      log.push(`${name} starts`);
      yield* sleep(0);
      log.push(`${name} resumes`);
    }
    function* main() {
      const normal = loop.createTask(w("normal"));
      loop.setTaskFactory(eagerTaskFactory);
      const eager = loop.createTask(w("eager"));
      log.push("main goes on");
      yield* gather(normal, eager);
    }
    loop.runUntilCompleteSync(main());
    expect(log).toEqual(["eager starts", "main goes on", "normal starts", "eager resumes", "normal resumes"]);
  });

  it("a signal already aborted cancels an eager task before its first step runs", () => {
    const loop = eagerLoop();
    let ran = false;
    function* main() {
      const t = loop.createTask((function* () { ran = true; })(), { signal: AbortSignal.abort("no") });
      expect(t.cancelled()).toBe(true);
    }
    loop.runUntilCompleteSync(main());
    expect(ran).toBe(false);
  });

  it("an eager task with a context that is already entered is refused; the creator goes on", () => {
    const loop = eagerLoop();
    function* main() {
      const ctx = currentTask()!.getContext();
      try {
        loop.createTask((function* () {})(), { context: ctx });
      } catch (e) {
        return (e as Error).message;
      }
      return "made";
    }
    expect(loop.runUntilCompleteSync(main())).toMatch(/already entered/);
  });

  it("createEagerTaskFactory builds tasks with the given class, eagerly", () => {
    const loop = virtual();
    class MyTask<T> extends Task<T> {}
    loop.setTaskFactory(createEagerTaskFactory(MyTask));
    function* main() {
      const t = loop.createTask((function* () { return 5; })());
      expect(t).toBeInstanceOf(MyTask);
      expect(t.done()).toBe(true);
      return t.result();
    }
    expect(loop.runUntilCompleteSync(main())).toBe(5);
  });

  it("createEagerTaskFactory refuses what is not a class; new Task refuses a non-boolean eagerStart", () => {
    expect(() => createEagerTaskFactory(5 as never)).toThrow("createEagerTaskFactory: taskConstructor must be a class, got number 5");
    const loop = virtual();
    expect(() => new Task((function* () {})(), { loop, eagerStart: "yes" as never })).toThrow(
      'Task: options.eagerStart must be a boolean, got string "yes"',
    );
    expect(loop.runUntilCompleteSync(sleep(1, 1))).toBe(1);
  });

  it("with the eager factory, a chain of coroutines awaiting coroutines makes no task beyond the main one", () => {
    const loop = virtual();
    let made = 0;
    const counting = createEagerTaskFactory(
      class extends Task<unknown> {
        constructor(coro: any, opts: any) {
          super(coro, opts);
          made++;
        }
      },
    );
    function* chain(depth: number): Generator<unknown, number, unknown> {
      if (depth === 0) return 0;
      return 1 + (yield* chain(depth - 1));
    }
    loop.setTaskFactory(counting);
    expect(loop.runUntilCompleteSync(chain(100))).toBe(100);
    expect(made).toBe(1);
  });
});
