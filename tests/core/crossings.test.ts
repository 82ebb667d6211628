// How often the loop calls into the wasm core: once per iteration (plus once per further
// CHUNK of a large one), and never to ask what is ready or when the next timer is due — it
// reads those from the status block. Counted on the real module's exports.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EventLoop, sleep } from "../../src/index.js";
import { CHUNK } from "../../src/core/layout.js";
import "../helpers.js";

let calls: Map<string, number>;
const OriginalInstance = WebAssembly.Instance;

beforeEach(() => {
  calls = new Map();
  // every instance made from now on counts the calls to its exported functions
  WebAssembly.Instance = new Proxy(OriginalInstance, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget) as WebAssembly.Instance;
      const counted: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(instance.exports)) {
        counted[name] =
          typeof value === "function"
            ? (...a: unknown[]) => {
                calls.set(name, (calls.get(name) ?? 0) + 1);
                return (value as (...a: unknown[]) => unknown)(...a);
              }
            : value;
      }
      return { exports: counted };
    },
  });
});

afterEach(() => {
  WebAssembly.Instance = OriginalInstance;
});

const count = (names: string[]) => names.reduce((n, name) => n + (calls.get(name) ?? 0), 0);

describe("crossings into the wasm core", () => {
  it("an iteration of a few callbacks is one call", () => {
    const loop = new EventLoop({ clock: "virtual" });
    for (let i = 0; i < 10; i++) loop.callSoon(() => {});
    calls.clear();
    loop.runOnce();
    expect(Object.fromEntries(calls)).toEqual({ iterate: 1 });
  });

  it("a virtual-clock iteration that jumps to a timer is one call, and so is nextWakeup() none", () => {
    const loop = new EventLoop({ clock: "virtual" });
    loop.callLater(5, () => {});
    calls.clear();
    expect(loop.nextWakeup()).toBe(5);
    loop.runOnce();
    expect(loop.time()).toBe(5);
    expect(Object.fromEntries(calls)).toEqual({ iterate: 1 });
  });

  it("a synchronous run makes one call per iteration besides the scheduling calls", () => {
    const loop = new EventLoop({ clock: "virtual" });
    function* ticker() {
      for (let i = 0; i < 100; i++) yield* sleep(1);
    }
    const task = loop.createTask(ticker());
    calls.clear();
    loop.runUntilCompleteSync(task);
    // per sleep: its timer (at) and the task's wake-up (soon), and two iterations, as in
    // asyncio (the timer resolves the sleep's future; the task's step runs in the next one)
    expect(Object.keys(Object.fromEntries(calls)).sort()).toEqual(["at", "iterate", "soon"]);
    expect(count(["at"])).toBe(100);
    expect(count(["soon"])).toBeLessThanOrEqual(100 + 2);
    expect(calls.get("iterate")).toBeLessThanOrEqual(2 * 100 + 3);
  });

  it("a snapshot larger than CHUNK takes one more call per further chunk", () => {
    const loop = new EventLoop({ clock: "virtual" });
    for (let i = 0; i < 2 * CHUNK + 1; i++) loop.callSoonId(() => {});
    calls.clear();
    loop.runOnce();
    expect(Object.fromEntries(calls)).toEqual({ iterate: 1, take: 2 });
  });

  it("an asynchronous run asks the core nothing between iterations", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    let n = 0;
    const tick = () => {
      if (++n < 50) loop.callLater(0.5, tick);
    };
    loop.callSoon(tick);
    const done = sleep(100);
    calls.clear();
    await loop.runUntilComplete(done);
    expect(count(["take", "clear"])).toBe(0);
    expect(calls.get("iterate")).toBeLessThanOrEqual(n + 5);
  });
});
