// contextvars (PEP 567, CPython's test_context.py) and how the loop uses them: tasks run in
// a copy taken at creation (or the context option), callbacks and done callbacks in the
// context current when they were added.
import { describe, expect, it } from "vitest";
import {
  Context, ContextVar, EventLoop, LookupError, RuntimeError, Task, Token, copyContext, createTask, gather, sleep,
} from "../src/index.js";

const virtual = () => new EventLoop({ clock: "virtual" });

describe("ContextVar", () => {
  it("has the name it was given", () => {
    expect(new ContextVar("aaa").name).toBe("aaa");
  });

  it("refuses a name that is not a string, naming it", () => {
    expect(() => new ContextVar(1 as never)).toThrow(TypeError);
    expect(() => new ContextVar(1 as never)).toThrow("ContextVar: name must be a string, got number 1");
  });

  it("refuses options that are not an object and unknown options", () => {
    expect(() => new ContextVar("a", 5 as never)).toThrow(/options must be an object, got number 5/);
    expect(() => new ContextVar("a", { dflt: 1 } as never)).toThrow(/unknown option "dflt"/);
  });

  it("name cannot be assigned", () => {
    const v = new ContextVar("a");
    expect(() => {
      (v as { name: string }).name = "b";
    }).toThrow(TypeError);
    expect(v.name).toBe("a");
  });

  it("get() with no value and no default throws LookupError", () => {
    const v = new ContextVar("nothing");
    new Context().run(() => {
      expect(() => v.get()).toThrow(LookupError);
      expect(() => v.get()).toThrow(/"nothing" has no value/);
    });
  });

  it("get(dflt) returns the argument, even undefined, when there is no value", () => {
    const v = new ContextVar<number | undefined>("v", { default: 1 });
    new Context().run(() => {
      expect(v.get(7)).toBe(7);
      expect(v.get(undefined)).toBeUndefined();
      expect(v.get()).toBe(1);
    });
  });

  it("a default of undefined is a default", () => {
    const v = new ContextVar<undefined>("v", { default: undefined });
    expect(new Context().run(() => v.get())).toBeUndefined();
  });

  it("set() returns a token with the variable and the old value; reset() restores it", () => {
    const c = new ContextVar<unknown>("c");
    new Context().run(() => {
      const t0 = c.set(42);
      expect(c.get()).toBe(42);
      expect(t0.oldValue).toBe(Token.MISSING);
      expect(t0.var).toBe(c);
      const t = c.set("spam");
      expect(t.oldValue).toBe(42);
      c.reset(t);
      expect(c.get()).toBe(42);
      c.reset(t0);
      expect(c.get(null)).toBeNull();
    });
  });

  it("a token can be used once", () => {
    const c = new ContextVar<number>("c");
    new Context().run(() => {
      const t = c.set(1);
      c.reset(t);
      c.set(2);
      expect(() => c.reset(t)).toThrow(RuntimeError);
      expect(() => c.reset(t)).toThrow(/has already been used once/);
      expect(c.get()).toBe(2);
    });
  });

  it("reset() refuses a token of another variable (RangeError: Python's ValueError)", () => {
    const v1 = new ContextVar<number>("v1");
    const v2 = new ContextVar<number>("v2");
    new Context().run(() => {
      const t1 = v1.set(42);
      expect(() => v2.reset(t1 as never)).toThrow(RangeError);
      expect(() => v2.reset(t1 as never)).toThrow(/created by a different ContextVar/);
      v1.reset(t1); // the token is still good for its own variable
      expect(v1.get(0)).toBe(0);
    });
  });

  it("reset() refuses a token made in another context", () => {
    const c = new ContextVar("c", { default: 42 });
    const ctx = new Context();
    const tok = ctx.run(() => c.set(1));
    expect(() => c.reset(tok)).toThrow(RangeError);
    expect(() => c.reset(tok)).toThrow(/created in a different Context/);
    ctx.run(() => c.reset(tok)); // and it works in its own
    expect(ctx.has(c)).toBe(false);
  });

  it("reset() refuses what is not a token", () => {
    const c = new ContextVar("c");
    expect(() => c.reset({} as never)).toThrow("ContextVar.reset: token must be a Token, got Object");
  });

  it("reset() of a token set where there was no value removes the variable from the context", () => {
    const c = new ContextVar("c", { default: 42 });
    const ctx = new Context();
    ctx.run(() => {
      const t = c.set(1);
      expect([...ctx.keys()]).toEqual([c]);
      c.reset(t);
      expect([...ctx.keys()]).toEqual([]);
      expect(ctx.size).toBe(0);
    });
  });

  it("a token is made only by set()", () => {
    expect(() => new (Token as any)(Symbol("x"), new Context(), new ContextVar("v"), 1)).toThrow(TypeError);
  });

  it("`using` a token resets the variable at the end of the block (Python 3.14's with var.set())", () => {
    const c = new ContextVar("c", { default: "outer" });
    new Context().run(() => {
      {
        using _t = c.set("inner");
        expect(c.get()).toBe("inner");
      }
      expect(c.get()).toBe("outer");
    });
  });

  it("reprs name the variable, its default and a used token", () => {
    const c = new ContextVar("a", { default: 123 });
    expect(String(c)).toBe('<ContextVar name="a" default=123>');
    new Context().run(() => {
      const t = c.set(1);
      expect(String(t)).toContain(String(c));
      expect(String(t)).not.toContain(" used");
      c.reset(t);
      expect(String(t)).toContain(" used");
    });
  });
});

describe("Context", () => {
  it("takes no arguments", () => {
    expect(() => new (Context as any)(1)).toThrow(/Context: takes no arguments/);
  });

  it("get, has: refuse keys that are not ContextVars", () => {
    const ctx = new Context();
    expect(() => ctx.get(1 as never)).toThrow("Context.get: a ContextVar key was expected, got number 1");
    expect(() => ctx.has("x" as never)).toThrow(TypeError);
  });

  it("run() passes the arguments and returns the result", () => {
    const ctx = new Context();
    expect(ctx.run((a: number, b: string) => `${a}${b}`, 1, "x")).toBe("1x");
  });

  it("run() refuses what is not a function", () => {
    expect(() => new Context().run(5 as never)).toThrow("Context.run: fn must be a function, got number 5");
  });

  it("run() restores the outer context when fn throws, and the sets inside stay in ctx", () => {
    const ctx = new Context();
    const v = new ContextVar<string>("v");
    expect(() =>
      ctx.run(() => {
        v.set("spam");
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(v.get("none")).toBe("none");
    expect(ctx.get(v)).toBe("spam");
  });

  it("entering a context that is already entered throws RuntimeError, and the context stays usable", () => {
    const ctx = new Context();
    ctx.run(() => {
      expect(() => ctx.run(() => 1)).toThrow(RuntimeError);
      expect(() => ctx.run(() => 1)).toThrow(/is already entered/);
    });
    expect(ctx.run(() => 2)).toBe(2);
  });

  it("a nested run sees its own context, and the outer values come back after it", () => {
    const ctx1 = new Context();
    const ctx2 = new Context();
    const v = new ContextVar<string>("var");
    const cur = ctx1.run(() => {
      expect(v.get(null as never)).toBeNull();
      v.set("spam");
      ctx2.run(() => expect(v.get(null as never)).toBeNull());
      expect(v.get()).toBe("spam");
      return copyContext();
    });
    expect(cur.get(v)).toBe("spam");
    expect(cur.size).toBe(1);
    expect(ctx1.get(v)).toBe("spam");
  });

  it("the mapping view: get with a default, has, size, keys, values, items, iteration", () => {
    const c = new ContextVar<string>("c");
    const ctx = new Context();
    ctx.run(() => c.set("spam2"));
    expect(ctx.get(c, "aa")).toBe("spam2");
    expect(ctx.has(c)).toBe(true);
    expect(ctx.size).toBe(1);
    expect([...ctx.items()]).toEqual([[c, "spam2"]]);
    expect([...ctx.values()]).toEqual(["spam2"]);
    expect([...ctx.keys()]).toEqual([c]);
    expect([...ctx]).toEqual([c]);
    const empty = new Context();
    expect(empty.get(c)).toBeUndefined();
    expect(empty.get(c, "aa")).toBe("aa");
    expect([...empty]).toEqual([]);
  });

  it("copy() is independent both ways", () => {
    const ctx1 = new Context();
    const c = new ContextVar("c", { default: 42 });
    ctx1.run(() => {
      c.set(10);
      const ctx2 = ctx1.copy();
      expect(ctx2.get(c)).toBe(10);
      c.set(20);
      expect(ctx1.get(c)).toBe(20);
      expect(ctx2.get(c)).toBe(10);
      ctx2.run(() => {
        expect(c.get()).toBe(10);
        c.set(30);
      });
      expect(ctx1.get(c)).toBe(20);
      expect(ctx2.get(c)).toBe(30);
    });
  });

  it("copyContext() of a context is a snapshot: a mutable value set later in the copy does not leak", () => {
    const c = new ContextVar<number[]>("c", { default: [] });
    new Context().run(() => {
      c.set([]);
      copyContext().run(() => {
        c.set([]);
        c.get().push(42);
        expect(c.get()).toEqual([42]);
      });
      expect(c.get()).toEqual([]);
    });
  });

  it("copy() shares the map until a set: a thousand copies of a context with a thousand variables stay cheap", () => {
    const vars = Array.from({ length: 1000 }, (_, i) => new ContextVar<number>(`v${i}`));
    const ctx = new Context();
    ctx.run(() => vars.forEach((v, i) => v.set(i)));
    const copies = Array.from({ length: 1000 }, () => ctx.copy());
    expect(copies.every((c) => c.size === 1000 && c.get(vars[999]) === 999)).toBe(true);
    expect(copies.every((c) => (c as any)._data === (ctx as any)._data)).toBe(true);
  });
});

describe("tasks and contexts", () => {
  it("a task runs in a copy taken at its creation: later sets in the creator do not reach it", () => {
    const loop = virtual();
    const cv = new ContextVar("cv", { default: "nope" });
    const seen: string[] = [];
    function* sub() {
      yield* sleep(0.01);
      seen.push(`sub sees ${cv.get()}`);
      cv.set("something else");
    }
    function* main() {
      const t = loop.createTask(sub());
      cv.set("yes");
      yield* t;
      seen.push(`main sees ${cv.get()}`);
    }
    loop.runUntilCompleteSync(main());
    expect(seen).toEqual(["sub sees nope", "main sees yes"]);
    expect(cv.get()).toBe("nope");
  });

  it("the context option runs the task in that context itself (asyncio's test_context_4)", () => {
    const loop = virtual();
    const cv = new ContextVar<number>("cvar");
    function* coro(val: number) {
      yield* sleep(0);
      cv.set(val);
    }
    function* main() {
      const ret: unknown[] = [];
      const ctx = copyContext();
      ret.push(ctx.get(cv));
      yield* loop.createTask(coro(1), { context: ctx });
      ret.push(ctx.get(cv));
      yield* createTask(coro(2), { context: ctx });
      ret.push(ctx.get(cv));
      yield* new Task(coro(3), { context: ctx });
      ret.push(ctx.get(cv));
      return ret;
    }
    expect(loop.runUntilCompleteSync(main())).toEqual([undefined, 1, 2, 3]);
  });

  it("getContext() is the context option itself, or the task's own copy", () => {
    const loop = virtual();
    const cv = new ContextVar<string>("cv");
    const ctx = new Context();
    const t1 = loop.createTask((function* () {})(), { context: ctx });
    expect(t1.getContext()).toBe(ctx);
    function* setter() {
      cv.set("mine");
      yield* sleep(1);
      return currentTaskContextValue();
    }
    let captured: Context | null = null;
    function currentTaskContextValue() {
      return captured!.get(cv);
    }
    const t2 = loop.createTask(setter());
    captured = t2.getContext();
    expect(loop.runUntilCompleteSync(t2)).toBe("mine");
    expect(t2.getContext()).toBe(captured);
  });

  it("getContext() during a step, before any set, is the context the step runs in", () => {
    const loop = virtual();
    const cv = new ContextVar<string>("cv");
    function* main(): Generator<unknown, string | undefined, unknown> {
      const ctx = createTaskContext();
      cv.set("after");
      return ctx.get(cv);
    }
    let task: Task<unknown>;
    const createTaskContext = () => task.getContext();
    task = loop.createTask(main());
    expect(loop.runUntilCompleteSync(task)).toBe("after");
  });

  it("entering the context a running task is in refuses, and the task goes on", () => {
    const loop = virtual();
    const ctx = new Context();
    function* main() {
      try {
        ctx.run(() => 1);
      } catch (e) {
        return (e as Error).message;
      }
      return "entered";
    }
    expect(loop.runUntilCompleteSync(loop.createTask(main(), { context: ctx }))).toMatch(/already entered/);
  });

  it("a set in a task is visible to the tasks it creates, not to its creator or siblings", () => {
    const loop = virtual();
    const cv = new ContextVar("cv", { default: "root" });
    function* grandchild() {
      return cv.get();
    }
    function* child(name: string) {
      cv.set(name);
      yield* sleep(1);
      return [cv.get(), yield* loop.createTask(grandchild())];
    }
    function* main() {
      const r = yield* gather(child("a"), child("b"));
      return [r, cv.get()];
    }
    expect(loop.runUntilCompleteSync(main())).toEqual([[["a", "a"], ["b", "b"]], "root"]);
  });

  it("100 tasks each setting the variable across sleeps see only their own values", () => {
    const loop = virtual();
    const cv = new ContextVar<number>("cv", { default: -1 });
    const bad: string[] = [];
    function* sub(num: number) {
      for (let i = 0; i < 10; i++) {
        cv.set(num + i);
        yield* sleep(((num * 7 + i * 13) % 50) / 1000);
        if (cv.get() !== num + i) bad.push(`${num}:${i}`);
      }
    }
    function* main() {
      yield* gather(...Array.from({ length: 100 }, (_, n) => sub(n * 100)));
    }
    loop.runUntilCompleteSync(main());
    expect(bad).toEqual([]);
    expect(cv.get()).toBe(-1);
  });
});

describe("callbacks and contexts", () => {
  it("callSoon/callLater/callAt callbacks run in a copy of the context current when scheduled", () => {
    const loop = virtual();
    const cv = new ContextVar("cv", { default: "-" });
    const seen: string[] = [];
    const ctx = new Context();
    ctx.run(() => {
      cv.set("at schedule");
      loop.callSoon(() => seen.push(`soon ${cv.get()}`));
      loop.callLater(1, () => seen.push(`later ${cv.get()}`));
      loop.callAt(2, () => seen.push(`at ${cv.get()}`));
      loop.callSoonId(() => seen.push(`soonId ${cv.get()}`));
      loop.callLaterId(3, () => seen.push(`laterId ${cv.get()}`));
      loop.callAtId(4, () => seen.push(`atId ${cv.get()}`));
      cv.set("changed after");
    });
    loop.runUntilCompleteSync(sleep(5));
    expect(seen).toEqual(["soon at schedule", "soonId at schedule", "later at schedule", "at at schedule", "laterId at schedule", "atId at schedule"]);
  });

  it("a set inside a callback does not leak to the scheduler or to the next callback", () => {
    const loop = virtual();
    const cv = new ContextVar("cv", { default: "default" });
    const seen: string[] = [];
    loop.callSoon(() => {
      cv.set("first callback");
      seen.push(cv.get());
    });
    loop.callSoon(() => seen.push(cv.get()));
    loop.callSoonId(() => {
      cv.set("third");
    });
    loop.callSoonId(() => seen.push(cv.get()));
    loop.runOnce();
    expect(seen).toEqual(["first callback", "default", "default"]);
    expect(cv.get()).toBe("default");
  });

  it("a set inside a callback scheduled in a non-empty context does not leak into that context", () => {
    const loop = virtual();
    const cv = new ContextVar<string>("cv");
    const ctx = new Context();
    ctx.run(() => {
      cv.set("outer");
      loop.callSoon(() => cv.set("inner"));
      loop.callSoon(() => expect(cv.get()).toBe("outer"));
    });
    loop.runOnce();
    expect(ctx.get(cv)).toBe("outer");
  });

  it("a trailing { context } runs the callback in that context and is not passed to it", () => {
    const loop = virtual();
    const cv = new ContextVar<string>("cv");
    const ctx = new Context();
    const got: unknown[][] = [];
    loop.callSoon((...a: unknown[]) => {
      got.push(a);
      cv.set("set in ctx");
    }, "x", { context: ctx });
    loop.callLater(1, (...a: unknown[]) => got.push(a), { context: ctx });
    loop.callSoonId(() => got.push([ctx.get(cv)]), undefined, { context: ctx });
    loop.runUntilCompleteSync(sleep(2));
    expect(got).toEqual([["x"], ["set in ctx"], []]);
    expect(ctx.get(cv)).toBe("set in ctx");
  });

  it("an object with other keys besides context, or a context that is not a Context, is a plain argument", () => {
    const loop = virtual();
    const ctx = new Context();
    const got: unknown[] = [];
    const a = { context: ctx, extra: 1 };
    const b = { context: 1 };
    const c = Object.assign(Object.create({ inherited: true }), { context: ctx });
    loop.callSoon((x: unknown) => got.push(x), a);
    loop.callSoon((x: unknown) => got.push(x), b);
    loop.callSoon((x: unknown) => got.push(x), c);
    loop.runOnce();
    expect(got).toEqual([a, b, c]);
  });

  it("a callback given a context that is already entered fails through the exception handler; the loop goes on", () => {
    const loop = virtual();
    const ctx = new Context();
    const errors: unknown[] = [];
    loop.setExceptionHandler((_l, c) => errors.push(c.exception));
    let ran = false;
    ctx.run(() => {
      loop.callSoon(() => (ran = true), { context: ctx });
      loop.runOnce();
    });
    expect(ran).toBe(false);
    expect(errors[0]).toBeInstanceOf(RuntimeError);
    loop.callSoon(() => (ran = true), { context: ctx });
    loop.runOnce();
    expect(ran).toBe(true);
  });

  it("the id API refuses options that are not { context?: Context }", () => {
    const loop = virtual();
    expect(() => loop.callSoonId(() => {}, 1, 5 as never)).toThrow("callSoonId: options must be an object, got number 5");
    expect(() => loop.callLaterId(1, () => {}, 1, { ctx: 1 } as never)).toThrow(/unknown option "ctx"/);
    expect(() => loop.callAtId(1, () => {}, 1, { context: {} } as never)).toThrow(/options.context must be a Context, got Object/);
    let ran = false;
    loop.callSoonId(() => (ran = true));
    loop.runOnce();
    expect(ran).toBe(true);
  });

  it("done callbacks run in the context current when they were added", () => {
    const loop = virtual();
    const cv = new ContextVar("cv", { default: "nope" });
    function* main() {
      const seen: string[] = [];
      for (let j = 0; j < 2; j++) {
        const fut = loop.createFuture();
        fut.addDoneCallback(() => {
          seen.push(`callback sees ${cv.get()}`);
          cv.set("something else"); // must not reach main
        });
        cv.set(`yes${j}`);
        loop.callSoon(() => fut.setResult(null));
        yield* fut;
        seen.push(`main sees ${cv.get()}`);
      }
      return seen;
    }
    expect(loop.runUntilCompleteSync(main())).toEqual([
      "callback sees nope", "main sees yes0", "callback sees yes0", "main sees yes1",
    ]);
  });

  it("addDoneCallback's context option, and removeDoneCallback of a callback added in a context", () => {
    const loop = virtual();
    const cv = new ContextVar<string>("cv");
    const ctx = new Context();
    ctx.run(() => cv.set("in ctx"));
    const fut = loop.createFuture();
    const seen: unknown[] = [];
    fut.addDoneCallback(() => seen.push(cv.get("none")), { context: ctx });
    const removed = () => seen.push("removed one ran");
    new Context().run(() => {
      cv.set("x");
      fut.addDoneCallback(removed);
    });
    expect(fut.removeDoneCallback(removed)).toBe(1);
    fut.setResult(1);
    loop.runOnce();
    expect(seen).toEqual(["in ctx"]);
    expect(() => fut.addDoneCallback(() => {}, { context: 1 } as never)).toThrow(/options.context must be a Context/);
    expect(() => fut.addDoneCallback(() => {}, { when: 1 } as never)).toThrow(/unknown option "when"/);
  });

  it("a custom exception handler runs in the context of the task the report is about", () => {
    const loop = virtual();
    const cv = new ContextVar("cv", { default: "none" });
    const seen: string[] = [];
    loop.setExceptionHandler(() => seen.push(cv.get()));
    const task = loop.createTask((function* () { cv.set("task's"); yield* sleep(1); })());
    loop.runOnce();
    loop.callExceptionHandler({ message: "about the task", task });
    loop.callExceptionHandler({ message: "about nothing" });
    expect(seen).toEqual(["task's", "none"]);
  });

  it("a failing callback is reported in the context it ran in", () => {
    const loop = virtual();
    const cv = new ContextVar("cv", { default: "none" });
    const seen: string[] = [];
    loop.setExceptionHandler(() => seen.push(cv.get()));
    loop.callSoon(() => {
      cv.set("callback's");
      throw new Error("x");
    });
    loop.runOnce();
    expect(seen).toEqual(["callback's"]);
    expect(cv.get()).toBe("none");
  });

  it("a callback given a context by a callback of an iteration with none runs in it next iteration", () => {
    const loop = virtual();
    const cv = new ContextVar<string>("cv");
    const ctx = new Context();
    ctx.run(() => cv.set("in ctx"));
    const seen: string[] = [];
    loop.callSoon(() => loop.callSoon(() => seen.push(cv.get("none")), { context: ctx }));
    loop.runOnce();
    loop.runOnce();
    expect(seen).toEqual(["in ctx"]);
  });

  it("cancelling callbacks that carry a context leaves the loop's bookkeeping right", () => {
    const loop = virtual();
    const cv = new ContextVar<string>("cv");
    const ctx = new Context();
    const seen: string[] = [];
    const h1 = loop.callSoon(() => seen.push("cancelled 1"), { context: ctx });
    const id = loop.callLaterId(1, () => seen.push("cancelled 2"), undefined, { context: ctx });
    loop.callSoon(() => seen.push(`plain sees ${cv.get("none")}`));
    h1.cancel();
    expect(loop.cancelId(id)).toBe(true);
    loop.runUntilCompleteSync(sleep(2));
    loop.callSoon(() => cv.set("leak?"));
    loop.callSoon(() => seen.push(`next sees ${cv.get("none")}`), { context: ctx });
    loop.callSoon(() => seen.push(`last sees ${cv.get("none")}`));
    loop.runOnce();
    expect(seen).toEqual(["plain sees none", "next sees none", "last sees none"]);
  });

  it("the loop's iteration leaves the caller's context as it was", () => {
    const loop = virtual();
    const cv = new ContextVar<string>("cv");
    const ctx = new Context();
    ctx.run(() => {
      cv.set("caller");
      loop.callSoon(() => cv.set("callback"));
      loop.createTask((function* () { cv.set("task"); })());
      loop.runOnce();
      expect(cv.get()).toBe("caller");
      expect(() => ctx.run(() => 0)).toThrow(/already entered/);
    });
  });
});
