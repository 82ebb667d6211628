// The first ContextVar.set() of a program: until it, the loop and tasks skip all context
// work (every context is empty), so the set that flips that switch must still land in the
// right context — a task's own copy, a callback's copy, an eager task's copy. Each test gets
// fresh modules, so each one makes its program's first set.
import { beforeEach, describe, expect, it, vi } from "vitest";

type Api = typeof import("../src/index.js");
let W: Api;

beforeEach(async () => {
  vi.resetModules();
  W = await import("../src/index.js");
});

describe("the program's first set()", () => {
  it("in a task step stays in that task", () => {
    const loop = new W.EventLoop({ clock: "virtual" });
    const cv = new W.ContextVar("cv", { default: "default" });
    const seen: string[] = [];
    function* setter() {
      cv.set("setter's");
      yield* W.sleep(1);
      seen.push(`setter after sleep: ${cv.get()}`);
    }
    function* reader() {
      yield* W.sleep(0.5);
      seen.push(`reader: ${cv.get()}`);
    }
    function* main() {
      yield* W.gather(setter(), reader());
      seen.push(`main: ${cv.get()}`);
    }
    loop.runUntilCompleteSync(main());
    expect(seen).toEqual(["reader: default", "setter after sleep: setter's", "main: default"]);
    expect(cv.get()).toBe("default");
  });

  it("in an eager step stays in the eager task, and the creator goes on in its own", () => {
    const loop = new W.EventLoop({ clock: "virtual" });
    loop.setTaskFactory(W.eagerTaskFactory);
    const cv = new W.ContextVar("cv", { default: "default" });
    const seen: string[] = [];
    function* eager() {
      cv.set("eager's");
      yield* W.sleep(1);
      seen.push(`eager: ${cv.get()}`);
    }
    function* main() {
      const t = loop.createTask(eager());
      seen.push(`main after createTask: ${cv.get()}`);
      yield* t;
    }
    loop.runUntilCompleteSync(main());
    expect(seen).toEqual(["main after createTask: default", "eager: eager's"]);
  });

  it("in a callback stays in the callback", () => {
    const loop = new W.EventLoop({ clock: "virtual" });
    const cv = new W.ContextVar("cv", { default: "default" });
    const seen: string[] = [];
    loop.callSoon(() => cv.set("callback's"));
    loop.callSoon(() => seen.push(cv.get()));
    loop.runOnce();
    expect(seen).toEqual(["default"]);
    expect(cv.get()).toBe("default");
  });

  it("of a task whose getContext() was asked for first lands in that context", () => {
    const loop = new W.EventLoop({ clock: "virtual" });
    const cv = new W.ContextVar("cv", { default: "default" });
    function* main() {
      const ctx = W.currentTask()!.getContext();
      cv.set("mine");
      return ctx.get(cv);
    }
    expect(loop.runUntilCompleteSync(main())).toBe("mine");
  });

  it("at the top level is the program's context, which tasks created later copy", () => {
    const loop = new W.EventLoop({ clock: "virtual" });
    const cv = new W.ContextVar("cv", { default: "default" });
    cv.set("top level");
    function* main() {
      return cv.get();
    }
    expect(loop.runUntilCompleteSync(main())).toBe("top level");
  });
});
