// events.ts: which loop getEventLoop() returns. Inside a running loop: that loop. Outside:
// the loop set with setEventLoop (while open), else the newest open loop, else a new one.
import { afterEach, describe, expect, it } from "vitest";
import { EventLoop, Future, gather, getEventLoop, newEventLoop, setEventLoop, sleep } from "../src/index.js";

afterEach(() => setEventLoop(null));

function* after(d: number, v: string) {
  yield* sleep(d);
  return v;
}

describe("getEventLoop outside a running loop", () => {
  it("the obvious first program works: gather made before the loop runs binds to the new loop", () => {
    const loop = new EventLoop({ clock: "virtual" });
    expect(loop.runUntilCompleteSync(gather(after(1, "a"), after(2, "b")))).toEqual(["a", "b"]);
    expect(loop.time()).toBe(2);
    loop.close();
  });

  it("the same with runUntilComplete on a real clock", async () => {
    const loop = new EventLoop();
    expect(await loop.runUntilComplete(gather(after(0.001, "a"), after(0.002, "b")))).toEqual(["a", "b"]);
    loop.close();
  });

  it("returns the most recently created loop that is still open", () => {
    const a = new EventLoop({ clock: "virtual" });
    const b = new EventLoop({ clock: "virtual" });
    expect(getEventLoop()).toBe(b);
    b.close();
    expect(getEventLoop()).toBe(a);
    a.close();
  });

  it("makes a new loop when every loop is closed, and returns that one afterwards", () => {
    const a = new EventLoop({ clock: "virtual" });
    a.close();
    const made = getEventLoop();
    expect(made).not.toBe(a);
    expect(made.isClosed()).toBe(false);
    expect(getEventLoop()).toBe(made);
    made.close();
  });

  it("a loop set with setEventLoop wins over newer loops while it is open", () => {
    const chosen = newEventLoop({ clock: "virtual" });
    setEventLoop(chosen);
    const newer = new EventLoop({ clock: "virtual" });
    expect(getEventLoop()).toBe(chosen);
    chosen.close();
    expect(getEventLoop()).toBe(newer);
    newer.close();
  });

  it("sleep()'s placeholder loop is never returned", () => {
    const loop = new EventLoop({ clock: "virtual" });
    const s = sleep(1); // made outside any loop: belongs to a placeholder until awaited
    expect(getEventLoop()).toBe(loop);
    expect(loop.runUntilCompleteSync(s)).toBeUndefined();
    loop.close();
  });

  it("a Future made with no loop belongs to the newest open loop", () => {
    const loop = new EventLoop({ clock: "virtual" });
    expect(new Future().getLoop()).toBe(loop);
    loop.close();
  });

  it("an async function called before the loop runs makes its Futures on the newest loop", async () => {
    const loop = new EventLoop();
    async function main() {
      return await gather(after(0.001, "x"));
    }
    const p = main();
    expect(await loop.runUntilComplete(p)).toEqual(["x"]);
    loop.close();
  });
});

describe("getEventLoop inside a running loop", () => {
  it("is the running loop, whatever was set or created since", () => {
    const running = new EventLoop({ clock: "virtual" });
    const set = new EventLoop({ clock: "virtual" });
    setEventLoop(set);
    let seen: unknown = null;
    running.callSoon(() => {
      new EventLoop({ clock: "virtual" }).close();
      seen = getEventLoop();
    });
    running.runOnce();
    expect(seen).toBe(running);
    running.close();
    set.close();
  });
});
