// AbortSignal both ways: createTask's `signal` option cancels a task when it aborts, and
// Future#abortSignal() aborts when cancellation is first requested.
import { afterEach, describe, expect, it } from "vitest";
import {
  CancelledError, EventLoop, NotImplementedError, RuntimeError, Task, createTask, currentTask, sleep,
} from "../src/index.js";

const virtual = () => new EventLoop({ clock: "virtual" });

/** A signal that records its listeners, to see them added and removed. */
function recordingSignal() {
  const listeners = new Set<() => void>();
  const signal = {
    aborted: false,
    reason: undefined as unknown,
    addEventListener: (_type: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_type: string, fn: () => void) => listeners.delete(fn),
    abort(reason: unknown) {
      signal.aborted = true;
      signal.reason = reason;
      for (const fn of [...listeners]) fn();
    },
  };
  return { signal: signal as unknown as AbortSignal & { abort(r: unknown): void }, listeners };
}

function* longJob(log: string[]) {
  try {
    yield* sleep(10);
    log.push("finished");
  } catch (e) {
    log.push(`cancelled: ${(e as Error).message}`);
    throw e;
  }
}

describe("createTask's signal option", () => {
  it("cancels the task when the signal aborts, with a string reason as the message", () => {
    const loop = virtual();
    const ac = new AbortController();
    const log: string[] = [];
    const task = loop.createTask(longJob(log), { signal: ac.signal });
    loop.callLater(1, () => ac.abort("user left"));
    expect(() => loop.runUntilCompleteSync(task)).toThrow(CancelledError);
    expect(log).toEqual(["cancelled: user left"]);
    expect(loop.time()).toBe(1);
  });

  it("an Error reason gives its message; abort() without a reason gives the host's AbortError message", () => {
    const loop = virtual();
    const a = new AbortController();
    const b = new AbortController();
    const ta = loop.createTask(sleep(5), { signal: a.signal });
    const tb = loop.createTask(sleep(5), { signal: b.signal });
    loop.callLater(1, () => a.abort(new Error("timeout budget")));
    loop.callLater(1, () => b.abort());
    loop.runUntilCompleteSync(sleep(2));
    expect(() => ta.result()).toThrow("timeout budget");
    expect(() => tb.result()).toThrow(b.signal.reason.message);
    expect(tb.cancelled()).toBe(true);
  });

  it("an already aborted signal cancels the task before its first step: the body never runs", () => {
    const loop = virtual();
    let ran = false;
    const task = loop.createTask((function* () { ran = true; })(), { signal: AbortSignal.abort("too late") });
    expect(task.done()).toBe(false);
    loop.runOnce();
    expect(task.cancelled()).toBe(true);
    expect(ran).toBe(false);
    expect(() => task.result()).toThrow("too late");
  });

  it("the listener is removed when the task ends, so a long-lived signal keeps no task", () => {
    const loop = virtual();
    const { signal, listeners } = recordingSignal();
    const tasks = [1, 2, 3].map((d) => loop.createTask(sleep(d), { signal }));
    expect(listeners.size).toBe(3);
    loop.runUntilCompleteSync(tasks[0]);
    expect(listeners.size).toBe(2);
    tasks[1].cancel();
    loop.runUntilCompleteSync(sleep(5));
    expect(listeners.size).toBe(0);
  });

  it("an abort after the task ended changes nothing", () => {
    const loop = virtual();
    const ac = new AbortController();
    const task = loop.createTask(sleep(1, "ok"), { signal: ac.signal });
    loop.runUntilCompleteSync(task);
    ac.abort();
    expect(task.result()).toBe("ok");
  });

  it("an abort after the loop closed is ignored", () => {
    const loop = virtual();
    const { signal } = recordingSignal();
    const task = loop.createTask(sleep(1), { signal });
    loop.runOnce();
    loop.close();
    expect(() => signal.abort("late")).not.toThrow();
    expect(task.done()).toBe(false);
  });

  it("works on new Task and on the module-level createTask", () => {
    const loop = virtual();
    const a = new AbortController();
    const t1 = new Task(sleep(5), { loop, signal: a.signal });
    function* main() {
      const t2 = createTask(sleep(5), { signal: a.signal });
      yield* sleep(1);
      a.abort("both");
      yield* sleep(0);
      return [t1.cancelled(), t2.cancelled()];
    }
    expect(loop.runUntilCompleteSync(main())).toEqual([true, true]);
  });

  it("refuses what is not an AbortSignal, naming the call; the loop stays usable", () => {
    const loop = virtual();
    expect(() => loop.createTask(sleep(1), { signal: "abort" as never })).toThrow(
      'createTask: options.signal must be an AbortSignal, got string "abort"',
    );
    expect(() => new Task(sleep(1), { loop, signal: { aborted: false } as never })).toThrow(/Task: options.signal must be an AbortSignal/);
    expect(loop.runUntilCompleteSync(sleep(1, "fine"))).toBe("fine");
  });
});

describe("Future#abortSignal()", () => {
  it("is made on the first call and the same signal afterwards", () => {
    const fut = virtual().createFuture();
    const s = fut.abortSignal();
    expect(s).toBeInstanceOf(AbortSignal);
    expect(fut.abortSignal()).toBe(s);
    expect(s.aborted).toBe(false);
  });

  it("aborts when the Future is cancelled, with a CancelledError carrying the message as reason", () => {
    const fut = virtual().createFuture();
    const s = fut.abortSignal();
    fut.cancel("enough");
    expect(s.aborted).toBe(true);
    expect(s.reason).toBeInstanceOf(CancelledError);
    expect(s.reason.message).toBe("enough");
  });

  it("is already aborted when asked for after the cancel", () => {
    const fut = virtual().createFuture();
    fut.cancel();
    expect(fut.abortSignal().aborted).toBe(true);
  });

  it("does not abort when the Future finishes normally, or on cancel() of a done Future", () => {
    const fut = virtual().createFuture();
    const s = fut.abortSignal();
    fut.setResult(1);
    expect(fut.cancel()).toBe(false);
    expect(s.aborted).toBe(false);
  });

  it("a Task's aborts at the cancel request, before the task has run its cleanup", () => {
    const loop = virtual();
    const log: string[] = [];
    const task = loop.createTask(longJob(log));
    loop.runOnce();
    const s = task.abortSignal();
    s.addEventListener("abort", () => log.push(`aborted; task done: ${task.done()}`));
    task.cancel("stop");
    expect(s.aborted).toBe(true);
    expect(log).toEqual(["aborted; task done: false"]);
    loop.runUntilCompleteSync(sleep(0));
    expect(log).toEqual(["aborted; task done: false", "cancelled: stop"]);
  });

  it("a Task whose cancellation was taken back (uncancel to 0) gets a fresh signal; the old one stays aborted", () => {
    const loop = virtual();
    function* main() {
      const me = currentTask()!;
      const first = me.abortSignal();
      me.cancel();
      try {
        yield* sleep(1);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        me.uncancel();
      }
      const second = me.abortSignal();
      return [first.aborted, second.aborted, first === second];
    }
    expect(loop.runUntilCompleteSync(main())).toEqual([true, false, false]);
  });

  it("stops host work that takes the signal (a fetch-like promise) the moment the task is cancelled", async () => {
    const loop = new EventLoop();
    const log: string[] = [];
    const fakeFetch = (signal: AbortSignal) =>
      new Promise((_resolve, reject) => signal.addEventListener("abort", () => (log.push("fetch aborted"), reject(signal.reason))));
    function* download() {
      try {
        return yield fakeFetch(currentTask()!.abortSignal());
      } catch (e) {
        log.push(`task sees ${(e as Error).name}`);
        throw e;
      }
    }
    const task = loop.createTask(download());
    loop.callSoon(() => loop.callSoon(() => task.cancel()));
    await expect(loop.runUntilComplete(task)).rejects.toBeInstanceOf(CancelledError);
    expect(log).toEqual(["fetch aborted", "task sees CancelledError"]);
    loop.close();
  });
});

describe("hosts without AbortController", () => {
  const saved = globalThis.AbortController;
  afterEach(() => {
    globalThis.AbortController = saved;
  });

  it("abortSignal() refuses with NotImplementedError (a RuntimeError); the Future stays usable", () => {
    const fut = virtual().createFuture();
    (globalThis as { AbortController?: unknown }).AbortController = undefined;
    expect(() => fut.abortSignal()).toThrow(NotImplementedError);
    expect(() => fut.abortSignal()).toThrow(RuntimeError);
    expect(() => fut.abortSignal()).toThrow("Future.abortSignal: this host has no AbortController");
    expect(fut.cancel()).toBe(true);
  });
});
