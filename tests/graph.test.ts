// captureCallGraph / formatCallGraph / printCallGraph: asyncio 3.14's call-graph introspection.
// The "3.14" tests are CPython's Lib/test/test_asyncio/test_graph.py scenarios, translated:
// the same programs and the same walk (task name or T<anon>, call stack as "a name" for a
// coroutine frame and "s name" for a plain one, awaited-by sorted). Where the expected call
// stacks differ from 3.14's, only by wasmloop's own frames (TaskGroup's aexit, wait's body),
// which are not shown: see README "Observability".
import { describe, expect, it } from "vitest";
import {
  EventLoop, Future, RuntimeError, TaskGroup, asyncWith, captureCallGraph, createTask, formatCallGraph, gather,
  printCallGraph, shield, sleep, timeout, wait, type FutureCallGraph,
} from "../src/index.js";
import { virtual } from "./fixtures.js";

type Walked = [string, string[], Walked[]];

/** test_graph.py's walk: task name (T<anon> for Task-N), call stack, awaited-by sorted */
function walk(g: FutureCallGraph): Walked {
  const fut = g.future as Future<unknown> & { getName?: () => string };
  const name = typeof fut.getName === "function" ? (/-/.test(fut.getName()) ? "T<anon>" : `T<${fut.getName()}>`) : "F";
  const stack = g.callStack.map(({ frame }) => `${frame.coroutine ? "a" : "s"} ${frame.name}`);
  const awaitedBy = g.awaitedBy.map(walk).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return [name, stack, awaitedBy];
}

/**
 * test_graph.py's capture_test_stack: the walk of the graph, and its printed form. (3.14 passes
 * print_call_graph depth + 1: at depth 1 its print_call_graph lists its own frame; here every
 * function's depth 1 is its caller.)
 */
function captureTestStack(options: { fut?: Future<unknown>; depth?: number } = {}): [Walked, string] {
  const depth = options.depth ?? 1;
  let printed = "";
  printCallGraph(options.fut, { depth, print: (t) => (printed = t) });
  const graph = captureCallGraph(options.fut, { depth })!;
  return [walk(graph), printed];
}

/** Runs `test` as the task of a debug-mode virtual loop (debug mode: suspended tasks show their frames). */
function run(test: () => Generator<unknown, unknown, unknown>, debug = true): void {
  const loop = new EventLoop({ clock: "virtual", debug, host: { now: () => 0 } });
  loop.runUntilCompleteSync(test());
  loop.close();
}

describe("call graphs of asyncio 3.14's test_graph.py programs", () => {
  it("a TaskGroup's children are awaited by its parent task (test_stack_tgroup)", () => {
    let stackForC5: [Walked, string] | null = null;
    function c5() {
      stackForC5 = captureTestStack({ depth: 2 });
    }
    function* c4() {
      yield* sleep(0);
      c5();
    }
    function* c3() {
      yield* c4();
    }
    function* c2() {
      yield* c3();
    }
    function* c1(task: Future<unknown>) {
      yield* task;
    }
    function* main() {
      yield* asyncWith(new TaskGroup(), function* (tg) {
        const task = tg.createTask(c2(), { name: "c2_root" });
        tg.createTask(c1(task), { name: "sub_main_1" });
        tg.createTask(c1(task), { name: "sub_main_2" });
      });
    }
    run(function* test_stack_tgroup() {
      yield* main();
    });
    const parent: Walked = ["T<anon>", ["a main", "a test_stack_tgroup"], []];
    expect(stackForC5![0]).toEqual([
      "T<c2_root>",
      ["s c5", "a c4", "a c3", "a c2"],
      [parent, ["T<sub_main_1>", ["a c1"], [parent]], ["T<sub_main_2>", ["a c1"], [parent]]],
    ]);
    expect(stackForC5![1]).toContain(" async test_stack_tgroup()");
  });

  it("gather's children are awaited by the task that called gather (test_stack_gather)", () => {
    let stackForDeep: [Walked, string] | null = null;
    function* deep() {
      yield* sleep(0);
      stackForDeep = captureTestStack();
    }
    function* c1() {
      yield* sleep(0);
      yield* deep();
    }
    function* c2() {
      yield* sleep(0);
    }
    function* main() {
      yield* gather(c1(), c2());
    }
    run(function* test_stack_gather() {
      yield* main();
    });
    expect(stackForDeep![0]).toEqual([
      "T<anon>",
      ["s captureTestStack", "a deep", "a c1"],
      [["T<anon>", ["a main", "a test_stack_gather"], []]],
    ]);
  });

  it("a shielded task is awaited by the task that called shield (test_stack_shield)", () => {
    let stackForShield: [Walked, string] | null = null;
    function* deep() {
      yield* sleep(0);
      stackForShield = captureTestStack();
    }
    function* c1() {
      yield* sleep(0);
      yield* deep();
    }
    function* main() {
      yield* shield(c1());
    }
    run(function* test_stack_shield() {
      yield* main();
    });
    expect(stackForShield![0]).toEqual([
      "T<anon>",
      ["s captureTestStack", "a deep", "a c1"],
      [["T<anon>", ["a main", "a test_stack_shield"], []]],
    ]);
  });

  it("a timeout block runs in its task's frames (test_stack_timeout)", () => {
    let stackForInner: [Walked, string] | null = null;
    function* inner() {
      yield* sleep(0);
      stackForInner = captureTestStack();
    }
    function* c1() {
      // Python's `async with` body is c1's own frame; here it is the body's generator
      yield* asyncWith(timeout(1), function* body() {
        yield* sleep(0);
        yield* inner();
      });
    }
    function* main() {
      yield* shield(c1());
    }
    run(function* test_stack_timeout() {
      yield* main();
    });
    expect(stackForInner![0]).toEqual([
      "T<anon>",
      ["s captureTestStack", "a inner", "a body", "a c1"],
      [["T<anon>", ["a main", "a test_stack_timeout"], []]],
    ]);
  });

  it("wait()'s futures are awaited by the task that waits (test_stack_wait)", () => {
    let stackForInner: [Walked, string] | null = null;
    function* inner() {
      yield* sleep(0);
      stackForInner = captureTestStack();
    }
    function* c1() {
      yield* asyncWith(timeout(1), function* body() {
        yield* sleep(0);
        yield* inner();
      });
    }
    function* c2() {
      for (let i = 0; i < 3; i++) yield* sleep(0);
    }
    function* main(t1: Future<unknown>, t2: Future<unknown>) {
      for (;;) {
        const [, pending] = yield* wait([t1, t2]);
        if (pending.size === 0) break;
      }
    }
    run(function* test_stack_wait() {
      const t1 = createTask(c1());
      const t2 = createTask(c2());
      try {
        yield* main(t1, t2);
      } finally {
        yield* t1;
        yield* t2;
      }
    });
    expect(stackForInner![0]).toEqual([
      "T<anon>",
      ["s captureTestStack", "a inner", "a body", "a c1"],
      [["T<anon>", ["a main", "a test_stack_wait"], []]],
    ]);
  });

  it("a task awaited by another task (test_stack_task)", () => {
    let stackForInner: [Walked, string] | null = null;
    function* inner() {
      yield* sleep(0);
      stackForInner = captureTestStack();
    }
    function* c1() {
      yield* inner();
    }
    function* c2() {
      yield* createTask(c1(), { name: "there there" });
    }
    function* main() {
      yield* c2();
    }
    run(function* test_stack_task() {
      yield* main();
    });
    expect(stackForInner![0]).toEqual([
      "T<there there>",
      ["s captureTestStack", "a inner", "a c1"],
      [["T<anon>", ["a c2", "a main", "a test_stack_task"], []]],
    ]);
  });

  it("a plain Future awaited by two tasks of a TaskGroup (test_stack_future)", () => {
    let stackForFut: [Walked, string] | null = null;
    function* a2(fut: Future<unknown>) {
      yield* fut;
    }
    function* a1(fut: Future<unknown>) {
      yield* a2(fut);
    }
    function* b1(fut: Future<unknown>) {
      yield* fut;
    }
    function* main() {
      const fut = new Future();
      yield* asyncWith(new TaskGroup(), function* body(g) {
        g.createTask(a1(fut), { name: "task A" });
        g.createTask(b1(fut), { name: "task B" });
        for (let i = 0; i < 5; i++) yield* sleep(0);
        stackForFut = captureTestStack({ fut });
        fut.setResult(null);
      });
    }
    run(function* test_stack_future() {
      yield* main();
    });
    // 3.14 shows the running parent with its outermost coroutine only ("a test_stack_future");
    // wasmloop shows the current task's live frames wherever it appears
    const parent: Walked = ["T<anon>", ["s captureTestStack", "a body", "a main", "a test_stack_future"], []];
    expect(stackForFut![0]).toEqual(["F", [], [["T<task A>", ["a a2", "a a1"], [parent]], ["T<task B>", ["a b1"], [parent]]]]);
    expect(stackForFut![1].startsWith("* Future(id=")).toBe(true);
  });
});

describe("formatCallGraph", () => {
  /** ids are numbers given in order of appearance; files and lines are this file's */
  const normalise = (text: string) => text.replace(/id=0x[0-9a-f]+/g, "id=0x…").replace(/File '[^']*', line \d+/g, "File …");

  it("prints the asyncio 3.14 documentation's TaskGroup example in its format", () => {
    let printed = "";
    function* test() {
      printCallGraph(undefined, { print: (t) => (printed = t) });
    }
    function* main() {
      yield* asyncWith(new TaskGroup(), function* (g) {
        g.createTask(test(), { name: "test" });
      });
    }
    run(main);
    // 3.14 also lists TaskGroup._aexit and TaskGroup.__aexit__ (taskgroups.py) under main()
    expect(normalise(printed)).toBe(
      [
        "* Task(name='test', id=0x…)",
        "  + Call stack:",
        "  |   File …, in async test()",
        "  + Awaited by:",
        "    * Task(name='Task-1', id=0x…)".replace("Task-1", printed.match(/Task-\d+/)![0]),
        "      + Call stack:",
        "      |   File …, in async main()",
      ].join("\n"),
    );
  });

  it("nests gathers of gathers, four spaces a level", () => {
    let text = "";
    const leaves: Future<unknown>[] = [];
    function* leaf() {
      yield* sleep(1);
    }
    function* mid() {
      const a = createTask(leaf(), { name: "leaf" });
      leaves.push(a);
      yield* gather(a, leaf());
    }
    function* watcher() {
      yield* sleep(0.5);
      text = formatCallGraph(leaves[0], { limit: 0 });
    }
    function* top() {
      yield* gather(createTask(mid(), { name: "mid" }), createTask(watcher(), { name: "watcher" }));
    }
    function* main() {
      yield* createTask(top(), { name: "top" });
    }
    const loop = virtual();
    loop.runUntilCompleteSync(loop.createTask(main(), { name: "main" }));
    expect(normalise(text)).toBe(
      [
        "* Task(name='leaf', id=0x…)",
        "  + Awaited by:",
        "    * Task(name='mid', id=0x…)",
        "      + Awaited by:",
        "        * Task(name='top', id=0x…)",
        "          + Awaited by:",
        "            * Task(name='main', id=0x…)",
      ].join("\n"),
    );
  });

  it("shows a plain Future as Future(id=...) and numbers each Future once", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    function* a() {
      yield* fut;
    }
    const t = loop.createTask(a(), { name: "a" });
    loop.runOnce();
    const text = formatCallGraph(fut);
    const ids = [...text.matchAll(/id=(0x[0-9a-f]+)/g)].map((m) => m[1]);
    expect(text.split("\n")[0]).toMatch(/^\* Future\(id=0x[0-9a-f]+\)$/);
    expect(text).toContain("    * Task(name='a', id=");
    expect(formatCallGraph(fut)).toBe(text);
    expect(new Set(ids).size).toBe(2);
    fut.setResult(1);
    loop.runUntilCompleteSync(t);
  });

  it("quotes names as Python's repr does", () => {
    const loop = virtual();
    const t = loop.createTask((function* () {})(), { name: "it's" });
    expect(formatCallGraph(t)).toMatch(/^\* Task\(name="it's", id=0x[0-9a-f]+\)$/);
    loop.runUntilCompleteSync(t);
  });

  it("is empty with no current task and no future, inside a running loop", () => {
    const loop = virtual();
    let text: string | null = null;
    let graph: FutureCallGraph | null | undefined;
    loop.callSoon(() => {
      text = formatCallGraph();
      graph = captureCallGraph();
    });
    loop.runOnce();
    expect(text).toBe("");
    expect(graph).toBeNull();
  });
});

describe("captureCallGraph", () => {
  it("reads the live stack of the current task, from its caller", () => {
    let graph: FutureCallGraph | null = null;
    function* inner() {
      graph = captureCallGraph();
    }
    function* outer() {
      yield* inner();
    }
    run(outer, false);
    expect(graph!.callStack.map((e) => e.frame.name)).toEqual(["inner", "outer"]);
    expect(graph!.callStack.every((e) => e.frame.coroutine)).toBe(true);
    expect(graph!.callStack[0].frame.file).toMatch(/graph\.test\.ts$/);
    expect(graph!.callStack[0].frame.line).toBeGreaterThan(0);
  });

  it("skips depth - 1 more frames from the top", () => {
    let graph: FutureCallGraph | null = null;
    function helper() {
      graph = captureCallGraph(undefined, { depth: 2 });
    }
    function* main() {
      helper();
    }
    run(main, false);
    expect(graph!.callStack.map((e) => e.frame.name)).toEqual(["main"]);
  });

  it("shows no frames for a suspended task outside debug mode", () => {
    let graph: FutureCallGraph | null = null;
    function* child() {
      yield* sleep(0);
      graph = captureCallGraph();
    }
    function* main() {
      yield* gather(child());
    }
    run(main, false);
    expect(graph!.awaitedBy).toHaveLength(1);
    expect(graph!.awaitedBy[0].callStack).toEqual([]);
  });

  it("limit keeps the outermost entries when positive and the innermost when negative, as 3.14's code", () => {
    const names = (limit: number | null) => {
      let graph: FutureCallGraph | null = null;
      function* c() {
        graph = captureCallGraph(undefined, { limit });
      }
      function* b() {
        yield* c();
      }
      function* a() {
        yield* b();
      }
      run(a, false);
      return graph!.callStack.map((e) => e.frame.name);
    };
    expect(names(null)).toEqual(["c", "b", "a"]);
    expect(names(2)).toEqual(["b", "a"]);
    expect(names(-2)).toEqual(["c", "b"]);
    expect(names(0)).toEqual([]);
  });

  it("limit 0 drops every call stack, and awaited-by stays", () => {
    let graph: FutureCallGraph | null = null;
    function* child() {
      yield* sleep(0);
      graph = captureCallGraph(undefined, { limit: 0 });
    }
    run(function* main() {
      yield* gather(child());
    });
    expect(graph!.callStack).toEqual([]);
    expect(graph!.awaitedBy[0].callStack).toEqual([]);
    expect(graph!.awaitedBy).toHaveLength(1);
  });

  it("is frozen data", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    const graph = captureCallGraph(fut)!;
    expect(Object.isFrozen(graph)).toBe(true);
    expect(Object.isFrozen(graph.awaitedBy)).toBe(true);
    expect(graph.future).toBe(fut);
  });

  it("shows a done Future as awaited by nobody", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    fut.setResult(1);
    expect(walk(captureCallGraph(fut)!)).toEqual(["F", [], []]);
  });

  it("stops at a cycle instead of recursing", () => {
    const loop = virtual();
    const b = loop.createFuture();
    function* wa() {
      yield* b;
    }
    const ta = loop.createTask(wa(), { name: "ta" });
    loop.runOnce();
    // ta waits on b; make ta "awaited by" itself: the walk must not follow it round
    (ta as unknown as { _callbacks: unknown[] | null })._callbacks = [ta];
    expect(walk(captureCallGraph(b)!)).toEqual(["F", [], [["T<ta>", [], []]]]);
  });

  it("follows a coroutine-like Future run as a task of its own", () => {
    const loop = virtual();
    let graph: FutureCallGraph | null = null;
    function* napper() {
      yield* sleep(0);
      graph = captureCallGraph();
      yield* sleep(1);
    }
    function* main() {
      const nap = asyncWith(timeout(5), napper);
      yield nap; // awaited as a Future: it runs in a Task of its own
    }
    loop.runUntilCompleteSync(loop.createTask(main(), { name: "main" }));
    expect(walk(graph!)[0]).toBe("T<anon>");
    expect(walk(graph!)[2]).toEqual([["F", [], [["T<main>", [], []]]]]);
  });
});

describe("call graph errors", () => {
  it("captureCallGraph() outside a running loop with no future throws RuntimeError", () => {
    expect(() => captureCallGraph()).toThrow(RuntimeError);
    expect(() => captureCallGraph()).toThrow(
      "captureCallGraph() is called outside of a running event loop and no future to introspect was provided",
    );
    expect(() => formatCallGraph()).toThrow("formatCallGraph() is called outside");
  });

  it("a future that is not a Future is a TypeError naming it", () => {
    expect(() => captureCallGraph(Promise.resolve(1) as never)).toThrow(
      "captureCallGraph: future must be a Future or a Task, got Promise",
    );
  });

  it("bad options are named, and the call can be made again", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    expect(() => captureCallGraph(fut, { depth: 0 })).toThrow(RangeError);
    expect(() => captureCallGraph(fut, { depth: 0 })).toThrow("captureCallGraph: options.depth must be an integer of at least 1, got number 0");
    expect(() => formatCallGraph(fut, { limit: 1.5 })).toThrow("formatCallGraph: options.limit must be an integer or null, got number 1.5");
    expect(() => formatCallGraph(fut, { file: 1 } as never)).toThrow('formatCallGraph: unknown option "file" (known: depth, limit)');
    expect(() => printCallGraph(fut, { print: "x" } as never)).toThrow("printCallGraph: options.print must be a function, got string \"x\"");
    expect(captureCallGraph(fut)!.future).toBe(fut);
  });

  it("printCallGraph prints to console.log by default", () => {
    const loop = virtual();
    const fut = loop.createFuture();
    const lines: unknown[] = [];
    const log = console.log;
    console.log = (...a: unknown[]) => lines.push(...a);
    try {
      printCallGraph(fut);
    } finally {
      console.log = log;
    }
    expect(lines).toEqual([formatCallGraph(fut)]);
  });
});
