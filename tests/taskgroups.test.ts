// TaskGroup: asyncio 3.12's taskgroups.py, after CPython's test_taskgroups.py, on the
// virtual clock (timings asserted through loop.time()).
import { describe, expect, it } from "vitest";
import {
  CancelledError, EventLoop, ExceptionGroup, Future, RuntimeError, Task, TaskGroup, TimeoutError, asyncWith,
  copyContext, currentTask, getRunningLoop, sleep, timeout,
} from "../src/index.js";
import { virtual } from "./fixtures.js";

class MyExc extends Error {
  constructor(m = "") {
    super(m);
    this.name = "MyExc";
  }
}
class ZeroDivisionError extends Error {
  constructor() {
    super("division by zero");
    this.name = "ZeroDivisionError";
  }
}

/** Runs `body` in a task on `loop` and returns its result. */
function run<T>(loop: EventLoop, body: () => Generator<unknown, T, any>): T {
  return loop.runUntilCompleteSync(body());
}

/** What `fut` ended with: its value, or the exception it raised. */
function settle<T>(loop: EventLoop, fut: Future<T> | Generator<unknown, T, any>): T | Error {
  try {
    return loop.runUntilCompleteSync(fut);
  } catch (e) {
    return e as Error;
  }
}

/** The names of the exception types in a group, as the test's get_error_types (a sorted list). */
const types = (eg: unknown) => [...new Set((eg as ExceptionGroup).exceptions.map((e) => (e as Error).name))].sort();

function* valueAfter<T>(v: T, d: number) {
  yield* sleep(d);
  return v;
}
function* crashAfter(d: number, exc: () => unknown = () => new ZeroDivisionError()): Generator<unknown, never, unknown> {
  yield* sleep(d);
  throw exc();
}
/** Sleeps; on cancellation counts it in `log` and re-raises. */
function* cancellable(d: number, log: string[], name: string) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) log.push(`${name} cancelled`);
    throw e;
  }
  log.push(`${name} done`);
}
/** Sleeps; raises ZeroDivisionError when it is interrupted (a finally that fails). */
function* failsInFinally(d: number): Generator<unknown, void, unknown> {
  try {
    yield* sleep(d);
  } finally {
    // eslint-disable-next-line no-unsafe-finally
    throw new ZeroDivisionError();
  }
}

describe("TaskGroup: children finish", () => {
  it("waits for every child on exit (test_taskgroup_01)", () => {
    const loop = virtual();
    const [t1, t2] = run(loop, function* () {
      return yield* asyncWith(new TaskGroup(), function* (g) {
        return [g.createTask(valueAfter(42, 0.1)), g.createTask(valueAfter(11, 0.2))];
      });
    });
    expect([t1.result(), t2.result(), loop.time()]).toEqual([42, 11, 0.2]);
  });

  it("takes children made later in the block (test_taskgroup_02)", () => {
    const loop = virtual();
    const ts = run(loop, function* () {
      return yield* asyncWith(new TaskGroup(), function* (g) {
        const t1 = g.createTask(valueAfter(42, 0.1));
        yield* sleep(0.15);
        return [t1, g.createTask(valueAfter(11, 0.2))];
      });
    });
    expect(ts.map((t) => t.result())).toEqual([42, 11]);
    expect(loop.time()).toBeCloseTo(0.35, 12);
  });

  it("goes on when a child is cancelled explicitly (test_taskgroup_03)", () => {
    const loop = virtual();
    const [t1, t2] = run(loop, function* () {
      return yield* asyncWith(new TaskGroup(), function* (g) {
        const a = g.createTask(valueAfter(42, 1));
        yield* sleep(0.15);
        a.cancel();
        return [a, g.createTask(valueAfter(11, 0.2))];
      });
    });
    expect([t1.cancelled(), t2.result()]).toEqual([true, 11]);
  });

  it("accepts children made by children while it waits (test_taskgroup_24)", () => {
    const loop = virtual();
    const done: number[] = [];
    run(loop, function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask((function* () {
          yield* sleep(0.1);
          g.createTask((function* () { yield* sleep(0.1); done.push(1); })());
          g.createTask((function* () { yield* sleep(0.2); done.push(2); })());
        })());
      });
    });
    expect([done, loop.time()]).toEqual([[1, 2], 0.30000000000000004]);
  });

  it("forgets children as they finish (test_taskgroup_23)", () => {
    const loop = virtual();
    const sizes = run(loop, function* () {
      return yield* asyncWith(new TaskGroup(), function* (g) {
        const seen: string[] = [];
        for (let i = 0; i < 10; i++) {
          yield* sleep(0.1);
          g.createTask(sleep(0.3));
          if (i === 5) seen.push(String(g));
        }
        yield* sleep(1.35);
        seen.push(String(g));
        return seen;
      });
    });
    expect(sizes[0]).toMatch(/^<TaskGroup tasks=[1-4] entered>$/);
    expect(sizes[1]).toBe("<TaskGroup entered>");
  });
});

describe("TaskGroup: a child fails", () => {
  it("cancels its siblings and raises an ExceptionGroup of the failure (test_taskgroup_04)", () => {
    const loop = virtual();
    const log: string[] = [];
    let t2!: Task<void>;
    const err = settle(loop, (function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask(crashAfter(0.1));
        t2 = g.createTask(cancellable(1, log, "t2"));
      });
      log.push("after the block");
    })());
    expect(err).toBeInstanceOf(ExceptionGroup);
    expect(types(err)).toEqual(["ZeroDivisionError"]);
    expect((err as ExceptionGroup).message).toBe("unhandled errors in a TaskGroup");
    expect(String(err)).toBe("unhandled errors in a TaskGroup (1 sub-exception)");
    expect([log, t2.cancelled()]).toEqual([["t2 cancelled"], true]);
  });

  it("cancels the body too, and gathers every failure (test_cancel_children_on_child_error)", () => {
    const loop = virtual();
    const log: string[] = [];
    const err = settle(loop, (function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        for (let i = 0; i < 3; i++) g.createTask(crashAfter(0.1));
        g.createTask(cancellable(5, log, "t2"));
        yield* cancellable(10, log, "body");
      });
    })());
    expect((err as ExceptionGroup).exceptions).toHaveLength(3);
    expect(types(err)).toEqual(["ZeroDivisionError"]);
    expect(log.sort()).toEqual(["body cancelled", "t2 cancelled"]);
  });

  it("holds the very exceptions the children raised, in the order they failed", () => {
    const loop = virtual();
    const a = new MyExc("a");
    const b = new RangeError("b");
    const err = settle(loop, (function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask(crashAfter(0.2, () => a));
        g.createTask(failsInFinally(5));
        g.createTask(crashAfter(0.1, () => b));
      });
    })()) as ExceptionGroup;
    expect(err.exceptions[0]).toBe(b);
    expect(err.exceptions[1]).toBeInstanceOf(ZeroDivisionError);
    expect(err.exceptions).toHaveLength(2); // a was cancelled before it failed
    expect(a).toBeInstanceOf(MyExc);
  });

  it("withdraws its cancel request from the parent (cancelling() back to 0)", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      try {
        yield* asyncWith(new TaskGroup(), function* (g) {
          g.createTask(crashAfter(0.1));
          yield* sleep(10);
        });
      } catch {
        // the group's ExceptionGroup
      }
      const c = currentTask()!.cancelling();
      yield* sleep(1);
      return [c, getRunningLoop().time()];
    });
    expect(r).toEqual([0, 1.1]);
  });

  it("keeps non-Error values a child threw", () => {
    const loop = virtual();
    const err = settle(loop, (function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask(crashAfter(0.1, () => "a string"));
      });
    })()) as ExceptionGroup;
    expect(err.exceptions).toEqual(["a string"]);
  });

  it("refuses new children while it shuts down, and closes them (test_taskgroup_no_create_task_after_failure)", () => {
    const loop = virtual();
    let refused: unknown = null;
    let ran = false;
    const err = settle(loop, (function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask(crashAfter(0.001));
        g.createTask((function* () {
          try {
            yield* sleep(1);
          } catch {
            try {
              g.createTask((function* () { ran = true; })());
            } catch (e) {
              refused = e;
            }
          }
        })());
      });
    })());
    expect(types(err)).toEqual(["ZeroDivisionError"]);
    expect(refused).toBeInstanceOf(RuntimeError);
    expect((refused as Error).message).toMatch(/^TaskGroup <TaskGroup tasks=1 errors=1 cancelling> is shutting down$/);
    expect(ran).toBe(false);
  });

  it("runs into a child failure while the body waits in a timeout: the block's CancelledError is not a timeout", () => {
    const loop = virtual();
    const cm = { t: null as ReturnType<typeof timeout> | null };
    const err = settle(loop, (function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask(crashAfter(1));
        cm.t = timeout(10);
        yield* asyncWith(cm.t, function* () {
          yield* sleep(5);
        });
      });
    })());
    expect(types(err)).toEqual(["ZeroDivisionError"]);
    expect([cm.t!.expired(), String(cm.t), loop.time()]).toEqual([false, "<Timeout [finished]>", 1]);
  });

  it("reports a failure after its parent is done to the exception handler", () => {
    const loop = virtual();
    const contexts: Record<string, unknown>[] = [];
    loop.setExceptionHandler((_l, ctx) => contexts.push(ctx));
    const g = new TaskGroup();
    run(loop, function* () {
      yield* g.aenter(); // never left: the parent task ends with a child still running
      g.createTask(crashAfter(1, () => new MyExc("late")), { name: "late" });
    });
    loop.runUntilCompleteSync(sleep(2));
    expect(contexts).toHaveLength(1);
    expect(contexts[0].message).toMatch(/^Task <Task finished name='late' .*> has errored out but its parent task <Task finished .*> is already completed$/);
    expect((contexts[0].exception as Error).message).toBe("late");
  });
});

describe("TaskGroup: the block raises", () => {
  it("cancels the children and raises an ExceptionGroup of the block's exception (test_taskgroup_09)", () => {
    const loop = virtual();
    let ts: Task<number>[] = [];
    const err = settle(loop, (function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        ts = [g.createTask(valueAfter(42, 1)), g.createTask(valueAfter(11, 2))];
        yield* sleep(0.1);
        throw new ZeroDivisionError();
      });
    })());
    expect(types(err)).toEqual(["ZeroDivisionError"]);
    expect(ts.map((t) => t.cancelled())).toEqual([true, true]);
  });

  it("does so also when the block raises before any child ran (test_taskgroup_10)", () => {
    const loop = virtual();
    let ts: Task<number>[] = [];
    const err = settle(loop, (function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        ts = [g.createTask(valueAfter(42, 1)), g.createTask(valueAfter(11, 2))];
        throw new ZeroDivisionError();
      });
    })());
    expect(types(err)).toEqual(["ZeroDivisionError"]);
    expect(ts.map((t) => t.cancelled())).toEqual([true, true]);
  });

  it("puts the block's exception after the children's (test_taskgroup_19)", () => {
    const loop = virtual();
    const err = settle(loop, (function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask(crashAfter(0.1));
        try {
          yield* sleep(10);
        } finally {
          // eslint-disable-next-line no-unsafe-finally
          throw new MyExc();
        }
      });
    })()) as ExceptionGroup;
    expect(err.exceptions.map((e) => (e as Error).name)).toEqual(["ZeroDivisionError", "MyExc"]);
  });

  it("collects what an inner context manager's exit raises (test_taskgroup_context_manager_exit_raises)", () => {
    const loop = virtual();
    const database = {
      *aenter() {},
      *aexit(): Generator<unknown, boolean, unknown> {
        throw new MyExc("db");
      },
    };
    const r = run(loop, function* () {
      try {
        yield* asyncWith(new TaskGroup(), function* (tg) {
          yield* asyncWith(database, function* () {
            tg.createTask((function* () { throw new MyExc("task"); })());
            yield* sleep(1);
          });
        });
      } catch (e) {
        const [mine, rest] = (e as ExceptionGroup).split(MyExc);
        return [currentTask()!.cancelling(), mine!.exceptions.length, rest];
      }
    });
    expect(r).toEqual([0, 2, null]);
  });
});

describe("TaskGroup: the parent is cancelled", () => {
  it("cancels every child and raises CancelledError (test_cancellation, test_taskgroup_07)", () => {
    const loop = virtual();
    const log: string[] = [];
    const r = loop.createTask((function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        for (let i = 0; i < 5; i++) g.createTask(cancellable(5, log, `c${i}`));
        yield* cancellable(10, log, "body");
      });
    })());
    loop.runUntilCompleteSync(sleep(0.1));
    expect(r.done()).toBe(false);
    r.cancel();
    expect(settle(loop, r)).toBeInstanceOf(CancelledError);
    expect(log).toEqual(["body cancelled", "c0 cancelled", "c1 cancelled", "c2 cancelled", "c3 cancelled", "c4 cancelled"]);
    expect(r.cancelled()).toBe(true);
  });

  it("cancels the children while it waits for them after the block (test_taskgroup_22)", () => {
    const loop = virtual();
    const r = loop.createTask((function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask(valueAfter(42, 1));
        g.createTask(valueAfter(11, 2));
      });
    })());
    loop.runUntilCompleteSync(sleep(0.05));
    r.cancel();
    expect(settle(loop, r)).toBeInstanceOf(CancelledError);
    expect(loop.time()).toBe(0.05);
  });

  it("raises CancelledError with no children at all (test_taskgroup_17)", () => {
    const loop = virtual();
    const log: string[] = [];
    const r = loop.createTask((function* () {
      yield* asyncWith(new TaskGroup(), function* () {
        yield* cancellable(10, log, "body");
      });
    })());
    loop.runUntilCompleteSync(sleep(0.1));
    r.cancel();
    expect(settle(loop, r)).toBeInstanceOf(CancelledError);
    expect(log).toEqual(["body cancelled"]);
  });

  it("lets children's errors win over the cancellation (test_taskgroup_08)", () => {
    const loop = virtual();
    const r = loop.createTask((function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        for (let i = 0; i < 5; i++) g.createTask(failsInFinally(10));
        yield* sleep(10);
      });
    })());
    loop.runUntilCompleteSync(sleep(0.1));
    r.cancel();
    const err = settle(loop, r);
    expect(types(err)).toEqual(["ZeroDivisionError"]);
    expect((err as ExceptionGroup).exceptions).toHaveLength(5);
  });

  it("turns what a cancelled block raises instead into the group's error (test_taskgroup_18)", () => {
    const loop = virtual();
    const r = loop.createTask((function* () {
      yield* asyncWith(new TaskGroup(), function* () {
        try {
          yield* sleep(10);
        } catch {
          throw new MyExc();
        }
      });
    })());
    loop.runUntilCompleteSync(sleep(0.1));
    r.cancel();
    expect(types(settle(loop, r))).toEqual(["MyExc"]);
  });

  it("raises a child's failure that comes while the cancelled block still runs (test_taskgroup_15)", () => {
    const loop = virtual();
    const r = loop.createTask((function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask(crashAfter(0.3));
        try {
          yield* sleep(10);
        } catch (e) {
          yield* sleep(0.5);
          throw e;
        }
      });
    })());
    loop.runUntilCompleteSync(sleep(0.1));
    r.cancel();
    expect(types(settle(loop, r))).toEqual(["ZeroDivisionError"]);
  });

  it("does the same one task further out (test_taskgroup_16)", () => {
    const loop = virtual();
    function* nestedRunner() {
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask(crashAfter(0.3));
        try {
          yield* sleep(10);
        } catch (e) {
          yield* sleep(0.5);
          throw e;
        }
      });
    }
    const r = loop.createTask((function* () {
      yield* loop.createTask(nestedRunner());
    })());
    loop.runUntilCompleteSync(sleep(0.1));
    r.cancel();
    expect(types(settle(loop, r))).toEqual(["ZeroDivisionError"]);
  });

  it("re-raises the parent's cancellation only after slow children are done", () => {
    const loop = virtual();
    const log: string[] = [];
    const r = loop.createTask((function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask((function* () {
          try {
            yield* sleep(10);
          } catch {
            yield* sleep(2); // cleans up slowly
            log.push(`child cleaned up at ${getRunningLoop().time()}`);
          }
        })());
        yield* sleep(10);
      });
    })());
    loop.runUntilCompleteSync(sleep(1));
    r.cancel();
    expect(settle(loop, r)).toBeInstanceOf(CancelledError);
    expect([log, loop.time()]).toEqual([["child cleaned up at 3"], 3]);
  });
});

describe("TaskGroup: nesting", () => {
  it("nests the inner group's ExceptionGroup in the outer one's (test_taskgroup_11)", () => {
    const loop = virtual();
    const r = loop.createTask((function* () {
      yield* asyncWith(new TaskGroup(), function* () {
        yield* asyncWith(new TaskGroup(), function* (g2) {
          for (let i = 0; i < 5; i++) g2.createTask(failsInFinally(10));
          yield* sleep(10);
        });
      });
    })());
    loop.runUntilCompleteSync(sleep(0.1));
    r.cancel();
    const err = settle(loop, r) as ExceptionGroup;
    expect(types(err)).toEqual(["ExceptionGroup"]);
    expect(types(err.exceptions[0])).toEqual(["ZeroDivisionError"]);
  });

  it("does so with a child in the outer group too (test_taskgroup_12)", () => {
    const loop = virtual();
    const r = loop.createTask((function* () {
      yield* asyncWith(new TaskGroup(), function* (g1) {
        g1.createTask(sleep(10));
        yield* asyncWith(new TaskGroup(), function* (g2) {
          for (let i = 0; i < 5; i++) g2.createTask(failsInFinally(10));
          yield* sleep(10);
        });
      });
    })());
    loop.runUntilCompleteSync(sleep(0.1));
    r.cancel();
    const err = settle(loop, r) as ExceptionGroup;
    expect(types(err)).toEqual(["ExceptionGroup"]);
    expect(types(err.exceptions[0])).toEqual(["ZeroDivisionError"]);
  });

  it("an outer child's failure cancels the inner group (test_taskgroup_13)", () => {
    const loop = virtual();
    const err = settle(loop, (function* () {
      yield* asyncWith(new TaskGroup(), function* (g1) {
        g1.createTask(crashAfter(0.1, () => new MyExc("0.1")));
        yield* asyncWith(new TaskGroup(), function* (g2) {
          g2.createTask(crashAfter(10, () => new MyExc("10")));
        });
      });
    })());
    expect(types(err)).toEqual(["MyExc"]);
    expect(loop.time()).toBe(0.1);
  });

  it("an inner child's failure comes out nested (test_taskgroup_14)", () => {
    const loop = virtual();
    const err = settle(loop, (function* () {
      yield* asyncWith(new TaskGroup(), function* (g1) {
        g1.createTask(crashAfter(10, () => new MyExc("10")));
        yield* asyncWith(new TaskGroup(), function* (g2) {
          g2.createTask(crashAfter(0.1, () => new MyExc("0.1")));
        });
      });
    })()) as ExceptionGroup;
    expect(types(err)).toEqual(["ExceptionGroup"]);
    expect(types(err.exceptions[0])).toEqual(["MyExc"]);
  });

  it("keeps up with children that spawn children until one fails (test_taskgroup_25)", () => {
    const loop = virtual();
    let hydras = 0;
    function* hydra(g: TaskGroup): Generator<unknown, void, unknown> {
      hydras++;
      yield* sleep(0.01);
      g.createTask(hydra(g));
      g.createTask(hydra(g));
    }
    const err = settle(loop, (function* () {
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask(hydra(g));
        g.createTask((function* () {
          while (hydras < 10) yield* sleep(0.015);
          throw new ZeroDivisionError();
        })());
      });
    })());
    expect(types(err)).toEqual(["ZeroDivisionError"]);
    expect(hydras).toBeGreaterThanOrEqual(10);
  });
});

describe("TaskGroup with timeouts", () => {
  it("a timeout inside the block raises TimeoutError there and the group goes on", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      return yield* asyncWith(new TaskGroup(), function* (g) {
        const t = g.createTask(valueAfter("child", 3));
        let caught = "";
        try {
          yield* asyncWith(timeout(1), function* () {
            yield* sleep(5);
          });
        } catch (e) {
          caught = (e as Error).name;
        }
        return [caught, t];
      });
    });
    expect([r[0], (r[1] as Task<string>).result(), loop.time()]).toEqual(["TimeoutError", "child", 3]);
  });

  it("a group inside a timeout: the deadline cancels the block and the children, TimeoutError comes out", () => {
    const loop = virtual();
    const log: string[] = [];
    const err = settle(loop, (function* () {
      yield* asyncWith(timeout(1), function* () {
        yield* asyncWith(new TaskGroup(), function* (g) {
          g.createTask(cancellable(5, log, "a"));
          yield* cancellable(3, log, "body");
        });
      });
    })());
    expect(err).toBeInstanceOf(TimeoutError);
    expect([log, loop.time()]).toEqual([["body cancelled", "a cancelled"], 1]);
  });

  it("a group inside a timeout that expires while the group waits for its children", () => {
    const loop = virtual();
    const log: string[] = [];
    const err = settle(loop, (function* () {
      yield* asyncWith(timeout(1), function* () {
        yield* asyncWith(new TaskGroup(), function* (g) {
          g.createTask(cancellable(5, log, "a"));
        });
      });
    })());
    expect(err).toBeInstanceOf(TimeoutError);
    expect([log, loop.time()]).toEqual([["a cancelled"], 1]);
  });

  it("a child failing at the deadline: the ExceptionGroup, not TimeoutError", () => {
    const loop = virtual();
    const err = settle(loop, (function* () {
      yield* asyncWith(timeout(1), function* () {
        yield* asyncWith(new TaskGroup(), function* (g) {
          g.createTask(failsInFinally(5));
        });
      });
    })());
    expect(types(err)).toEqual(["ZeroDivisionError"]);
  });
});

describe("TaskGroup: createTask and names", () => {
  it("names a task (test_taskgroup_task_name)", () => {
    const loop = virtual();
    const name = run(loop, function* () {
      return yield* asyncWith(new TaskGroup(), function* (g) {
        return g.createTask(sleep(0), { name: "yolo" }).getName();
      });
    });
    expect(name).toBe("yolo");
  });

  it("numbers a named task as asyncio 3.12 does (it is named after it is made)", () => {
    const loop = virtual();
    const names = run(loop, function* () {
      return yield* asyncWith(new TaskGroup(), function* (g) {
        const n = (t: Task<unknown>) => Number(t.getName().slice(5));
        const before = n(loop.createTask(sleep(0)));
        g.createTask(sleep(0), { name: "named" });
        return n(loop.createTask(sleep(0))) - before;
      });
    });
    expect(names).toBe(2);
  });

  it("passes the other options on to loop.createTask unchanged", () => {
    const loop = virtual();
    const seen: unknown[] = [];
    const original = loop.createTask.bind(loop);
    (loop as { createTask: unknown }).createTask = (coro: never, options?: unknown) => {
      seen.push(options);
      return original(coro, options as never);
    };
    const marker = { signal: new AbortController().signal, context: copyContext() };
    run(loop, function* () {
      seen.length = 0; // the run's own task
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask(sleep(0), marker as never);
        g.createTask(sleep(0), { ...marker, name: "n" } as never);
        g.createTask(sleep(0));
      });
    });
    expect(seen[0]).toBe(marker);
    expect(seen[1]).toEqual(marker);
    expect(seen[2]).toBeUndefined();
    expect(seen).toHaveLength(3);
  });

  it("refuses constructor arguments, as asyncio's TaskGroup() takes none", () => {
    expect(() => new (TaskGroup as new (...a: unknown[]) => TaskGroup)(5)).toThrow(
      new TypeError("TaskGroup: takes no arguments, got 1 (number 5)"),
    );
    expect(String(new TaskGroup())).toBe("<TaskGroup>");
  });

  it("refuses bad input to createTask and stays usable", () => {
    const loop = virtual();
    const r = run(loop, function* () {
      return yield* asyncWith(new TaskGroup(), function* (g) {
        expect(() => g.createTask(42 as never)).toThrow(TypeError);
        expect(() => g.createTask(sleep(0), 5 as never)).toThrow(
          new TypeError("TaskGroup.createTask: options must be an object, got number 5"),
        );
        expect(() => g.createTask(sleep(0), null as never)).toThrow(TypeError);
        return g.createTask(valueAfter("fine", 1));
      });
    });
    expect(r.result()).toBe("fine");
    expect(loop.runUntilCompleteSync(sleep(1, "loop fine"))).toBe("loop fine");
  });
});

describe("TaskGroup: entering and leaving", () => {
  it("refuses to be entered while entered (test_taskgroup_already_entered)", () => {
    const loop = virtual();
    const tg = new TaskGroup();
    const msg = run(loop, function* () {
      return yield* asyncWith(tg, function* () {
        try {
          yield* asyncWith(tg, function* () {});
        } catch (e) {
          return (e as Error).message;
        }
      });
    });
    expect(msg).toBe("TaskGroup <TaskGroup entered> has already been entered");
  });

  it("refuses to be entered twice (test_taskgroup_double_enter)", () => {
    const loop = virtual();
    const tg = new TaskGroup();
    run(loop, function* () {
      yield* asyncWith(tg, function* () {});
    });
    expect(settle(loop, asyncWith(tg, function* () {}))).toEqual(new RuntimeError("TaskGroup <TaskGroup entered> has already been entered"));
  });

  it("refuses createTask once finished, and the coroutine never runs (test_taskgroup_finished)", () => {
    const loop = virtual();
    const tg = new TaskGroup();
    run(loop, function* () {
      yield* asyncWith(tg, function* () {});
    });
    let ran = false;
    const coro = (function* () {
      ran = true;
    })();
    expect(() => tg.createTask(coro)).toThrow(new RuntimeError("TaskGroup <TaskGroup entered> is finished"));
    expect(coro.next()).toEqual({ value: undefined, done: true });
    expect(ran).toBe(false);
  });

  it("cancels a fresh sleep() it refuses, so it never starts", () => {
    const tg = new TaskGroup();
    const s = sleep(1);
    expect(() => tg.createTask(s)).toThrow(new RuntimeError("TaskGroup <TaskGroup> has not been entered"));
    expect(s.cancelled()).toBe(true);
  });

  it("refuses createTask before aenter (test_taskgroup_not_entered)", () => {
    let ran = false;
    const coro = (function* () {
      ran = true;
    })();
    expect(() => new TaskGroup().createTask(coro)).toThrow("TaskGroup <TaskGroup> has not been entered");
    expect([...coro, ran]).toEqual([false]);
  });

  it("refuses to be entered outside a task (test_taskgroup_without_parent_task)", () => {
    const loop = virtual();
    const tg = new TaskGroup();
    let err: unknown = null;
    loop.callSoon(() => {
      try {
        tg.aenter()[Symbol.iterator]().next();
      } catch (e) {
        err = e;
      }
    });
    loop.runUntilCompleteSync(sleep(0.1));
    expect(err).toEqual(new RuntimeError("TaskGroup <TaskGroup> cannot determine the parent task"));
    expect(() => tg.createTask(sleep(0))).toThrow("has not been entered");
  });

  it("refuses aenter outside a running loop", () => {
    const tg = new TaskGroup();
    expect(() => tg.aenter()[Symbol.iterator]().next()).toThrow(new RuntimeError("no running event loop"));
  });

  it("runs aenter and aexit without a loop iteration when nothing is left to wait for", () => {
    const loop = virtual();
    const order: string[] = [];
    run(loop, function* () {
      loop.callSoon(() => order.push("callback"));
      const tg = new TaskGroup();
      const v = yield* tg.aenter();
      order.push(`entered ${v === tg}`);
      order.push(`aexit ${yield* tg.aexit(null)}`);
      yield* sleep(0);
    });
    expect(order).toEqual(["entered true", "aexit false", "callback"]);
  });

  it("shows its state as asyncio's repr", () => {
    const loop = virtual();
    const tg = new TaskGroup();
    const seen: string[] = [String(tg)];
    settle(loop, (function* () {
      yield* asyncWith(tg, function* (g) {
        g.createTask(sleep(1));
        seen.push(String(g));
        g.createTask(crashAfter(0.5));
        yield* sleep(0.6);
      });
    })());
    seen.push(String(tg));
    expect(seen).toEqual(["<TaskGroup>", "<TaskGroup tasks=1 entered>", "<TaskGroup cancelling>"]);
  });
});
