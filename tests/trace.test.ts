// loop.startTrace() / loop.stopTrace(): Chrome's Trace Event Format, on the virtual clock.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  EventLoop, RuntimeError, gather, sleep, type Trace, type TraceEvent,
} from "../src/index.js";
import { virtual } from "./fixtures.js";
import { traceFormatErrors } from "./trace-format.js";

const slices = (t: Trace) => t.traceEvents.filter((e) => e.ph === "X");
/** a slice of a task's track (track 1 is the event loop's) */
const onTask = (e: TraceEvent) => e.tid !== 1;
const trackName = (t: Trace, tid: number) =>
  t.traceEvents.find((e) => e.ph === "M" && e.name === "thread_name" && e.tid === tid)?.args?.name;
const flows = (t: Trace, name?: string) => {
  const starts = t.traceEvents.filter((e) => e.ph === "s" && (name === undefined || e.name === name));
  return starts.map((s) => ({ s, f: t.traceEvents.find((e) => e.ph === "f" && e.id === s.id)! }));
};
/** the slice of track `tid` that a flow event at `ts` binds to: the one starting then */
const sliceAt = (t: Trace, tid: number, ts: number) => slices(t).find((x) => x.tid === tid && x.ts === ts);

function* named(name: string, d: number) {
  yield* sleep(d);
  return name;
}

/** A traced run of `main` on a fresh virtual loop, as a task named "main". */
function traced<T>(main: (loop: EventLoop) => Generator<unknown, T, unknown>): Trace {
  const loop = virtual();
  loop.startTrace();
  loop.runUntilCompleteSync(loop.createTask(main(loop), { name: "main" }));
  const trace = loop.stopTrace();
  loop.close();
  return trace;
}

describe("trace structure", () => {
  it("is valid Chrome Trace Event Format", () => {
    const trace = traced(function* (loop) {
      loop.callSoon(() => {});
      yield* gather(named("a", 1), named("b", 2));
    });
    expect(traceFormatErrors(trace)).toEqual([]);
    expect(trace.otherData).toEqual({ producer: "wasmloop", clock: "virtual" });
  });

  it("has one track per task, named for the task", () => {
    const trace = traced(function* (loop) {
      const a = loop.createTask(named("a", 1), { name: "alpha" });
      const b = loop.createTask(named("b", 2), { name: "beta" });
      yield* a;
      yield* b;
    });
    const tids = [...new Set(slices(trace).filter(onTask).map((e) => e.tid!))];
    expect(tids.map((tid) => trackName(trace, tid))).toEqual(["main", "alpha", "beta"]);
  });

  it("puts plain callbacks on the event loop track, named as their handle", () => {
    const trace = traced(function* (loop) {
      loop.callSoon(function tick(_n: number) {}, 7);
      yield* sleep(0);
    });
    const tick = slices(trace).find((e) => !onTask(e) && e.name === "tick(7)")!;
    expect(tick).toBeDefined();
    expect(trackName(trace, tick.tid!)).toBe("event loop");
  });

  it("names task slices for how the task ran: step, then wakeup after a Future", () => {
    const trace = traced(function* () {
      yield* sleep(1);
    });
    const task = slices(trace).filter(onTask);
    expect(task.map((e) => e.name)).toEqual(["step", "wakeup"]);
    expect(task[1].args).toMatchObject({ t: 1, awaited: "<Future finished result=None>", state: "finished" });
  });

  it("names the step that throws an error into a task \"throw\"", () => {
    const trace = traced(function* () {
      try {
        yield 42 as never; // a bad yield: TypeError thrown in at the next step
      } catch {
        return;
      }
    });
    const task = slices(trace).filter(onTask);
    expect(task.map((e) => e.name)).toEqual(["step", "throw"]);
    expect(flows(trace, "throw")).toHaveLength(1);
  });

  it("stamps slices with loop time in µs", () => {
    const trace = traced(function* () {
      yield* sleep(1.5);
      yield* sleep(3600);
    });
    const task = slices(trace).filter(onTask);
    expect(task.map((e) => Math.floor(e.ts!))).toEqual([0, 1_500_000, 3_601_500_000]);
    expect(task.map((e) => e.args!.t)).toEqual([0, 1.5, 3601.5]);
  });

  it("lays slices of one instant out 1 ns apart, in the order they ran", () => {
    const trace = traced(function* (loop) {
      loop.callSoon(function first() {});
      loop.callSoon(function second() {});
      loop.callSoon(function third() {});
      yield* sleep(1);
    });
    const at0 = slices(trace).filter((e) => e.args!.t === 0);
    expect(at0.map((e) => e.name)).toEqual(["step", "first()", "second()", "third()"]);
    expect(at0.map((e) => e.ts)).toEqual([0, 0.001, 0.002, 0.003]);
    expect(at0.every((e) => e.dur === 0.001)).toBe(true);
  });

  it("starts a later instant at its own loop time", () => {
    const trace = traced(function* (loop) {
      loop.callLater(2, function late() {});
      yield* sleep(3);
    });
    expect(slices(trace).find((e) => e.name === "late()")!.ts).toBe(2_000_000);
  });

  it("draws a flow from a Future's completion to the step it wakes", () => {
    const trace = traced(function* (loop) {
      const fut = loop.createFuture<number>();
      loop.callLater(1, function complete() {
        fut.setResult(42);
      });
      return yield* fut;
    });
    const [wake] = flows(trace, "wakeup");
    expect(sliceAt(trace, wake.s.tid!, wake.s.ts!)!.name).toBe("complete()");
    const woken = sliceAt(trace, wake.f.tid!, wake.f.ts!)!;
    expect(woken).toMatchObject({ name: "wakeup", args: { awaited: "<Future finished result=42>" } });
    expect(onTask(woken)).toBe(true);
    expect(wake.f.bp).toBe("e");
  });

  it("draws a spawn flow from the step that created a task to its first step", () => {
    const trace = traced(function* (loop) {
      yield* loop.createTask(named("child", 1), { name: "child" });
    });
    const [spawn] = flows(trace, "spawn");
    expect(trackName(trace, spawn.s.tid!)).toBe("main");
    expect(trackName(trace, spawn.f.tid!)).toBe("child");
    expect(sliceAt(trace, spawn.f.tid!, spawn.f.ts!)!.name).toBe("step");
  });

  it("draws a timer flow from the slice that armed a timer to its callback", () => {
    const trace = traced(function* () {
      yield* sleep(5);
    });
    const [timer] = flows(trace, "timer");
    expect(sliceAt(trace, timer.s.tid!, timer.s.ts!)!.name).toBe("step");
    expect(sliceAt(trace, timer.f.tid!, timer.f.ts!)).toMatchObject({ name: "sleepEnded", args: { t: 5 } });
  });

  it("draws no flow into callbacks scheduled before the trace or outside any callback", () => {
    const loop = virtual();
    loop.callSoon(function early() {});
    loop.startTrace();
    loop.callSoon(function outside() {});
    loop.runOnce();
    const trace = loop.stopTrace();
    expect(slices(trace).map((e) => e.name)).toEqual(["early()", "outside()"]);
    expect(flows(trace)).toEqual([]);
  });

  it("counts the ready queue and the pending timers", () => {
    const trace = traced(function* (loop) {
      loop.callLater(1, () => {});
      loop.callLater(2, () => {});
      yield* sleep(3);
    });
    const counter = (name: string) =>
      trace.traceEvents.filter((e) => e.ph === "C" && e.name === name).map((e) => [e.ts, e.args![name]]);
    // after the first step: two timers of the program and the sleep's
    expect(counter("timers")).toContainEqual([0.001, 3]);
    expect(counter("timers").at(-1)![1]).toBe(0);
    expect(counter("ready")[0]).toEqual([0, 1]);
  });

  it("records a callback that throws as a slice, and the loop reports the error", () => {
    const loop = virtual();
    const reports: string[] = [];
    loop.setExceptionHandler((_l, ctx) => reports.push(ctx.message));
    loop.startTrace();
    loop.callSoon(function boom() {
      throw new Error("boom");
    });
    loop.callSoon(function after() {});
    loop.runOnce();
    const trace = loop.stopTrace();
    expect(slices(trace).map((e) => e.name)).toEqual(["boom()", "after()"]);
    expect(reports).toEqual(["Exception in callback boom()"]);
  });

  it("traces callbacks that run in a context", async () => {
    const { ContextVar, copyContext } = await import("../src/index.js");
    const v = new ContextVar<string>("v", { default: "none" });
    const loop = virtual();
    const seen: string[] = [];
    loop.startTrace();
    const ctx = copyContext();
    ctx.run(() => v.set("inside"));
    loop.callSoon(function read() {
      seen.push(v.get());
    }, { context: ctx });
    loop.runOnce();
    const trace = loop.stopTrace();
    expect(seen).toEqual(["inside"]);
    expect(slices(trace).map((e) => e.name)).toEqual(["read()"]);
  });

  it("ends the trace with the slice that called stopTrace", () => {
    const loop = virtual();
    let trace: Trace | null = null;
    loop.startTrace();
    loop.callSoon(function stopper() {
      trace = loop.stopTrace();
    });
    loop.callSoon(function later() {});
    loop.runOnce();
    expect(slices(trace!).map((e) => e.name)).toEqual(["stopper()"]);
    expect(traceFormatErrors(trace!)).toEqual([]);
  });

  it("uses the host clock on a real clock", () => {
    let now = 1000;
    const loop = new EventLoop({ host: { now: () => now } });
    loop.startTrace();
    loop.callSoon(function work() {
      now += 3;
    });
    loop.runOnce();
    const trace = loop.stopTrace();
    expect(trace.otherData.clock).toBe("real");
    expect(slices(trace)[0]).toMatchObject({ name: "work()", ts: 1_000_000, dur: 3000, args: { t: 1 } });
  });

  it("makes tracks for tasks in the order they first run", () => {
    const trace = traced(function* (loop) {
      const late = loop.createTask(named("late", 1), { name: "late" });
      const early = loop.createTask(named("early", 1), { name: "early" });
      yield* gather(early, late);
    });
    const names = trace.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => e.args!.name);
    expect(names.slice(2)).toEqual(["late", "early"]);
  });
});

describe("trace determinism", () => {
  const program = () =>
    traced(function* (loop) {
      const tasks = ["a", "b", "c"].map((n, i) => loop.createTask(named(n, i + 1), { name: n }));
      loop.callLater(1.5, function tick() {});
      yield* gather(...tasks);
    });

  // (unnamed tasks are Task-N, counted from the process's first task as asyncio's: name them)
  it("gives byte-identical JSON for the same program twice in one process", () => {
    expect(JSON.stringify(program())).toBe(JSON.stringify(program()));
  });

  it("gives byte-identical JSON for the same program in two processes, and the committed trace is that", () => {
    const runs = [0, 1].map(() => {
      const dir = mkdtempSync(join(tmpdir(), "wasmloop-trace-"));
      execFileSync(process.execPath, ["build/examples/trace_parallel_factorial.js", dir], { encoding: "utf8" });
      return readFileSync(join(dir, "parallel_factorial.json"), "utf8");
    });
    expect(runs[1]).toBe(runs[0]);
    expect(readFileSync("examples/traces/parallel_factorial.json", "utf8")).toBe(runs[0]);
    expect(traceFormatErrors(JSON.parse(runs[0]))).toEqual([]);
  });
});

describe("startTrace and stopTrace", () => {
  it("stopTrace without a trace throws RuntimeError, and the loop stays usable", () => {
    const loop = virtual();
    expect(() => loop.stopTrace()).toThrow(RuntimeError);
    expect(() => loop.stopTrace()).toThrow("stopTrace: no trace is being recorded (call startTrace() first)");
    expect(loop.runUntilCompleteSync(named("ok", 1))).toBe("ok");
  });

  it("startTrace while tracing throws RuntimeError, and the first trace goes on", () => {
    const loop = virtual();
    loop.startTrace();
    expect(() => loop.startTrace()).toThrow("startTrace: this loop is already recording a trace; call stopTrace() first");
    loop.callSoon(function kept() {});
    loop.runOnce();
    expect(slices(loop.stopTrace()).map((e) => e.name)).toEqual(["kept()"]);
  });

  it("startTrace on a closed loop throws RuntimeError", () => {
    const loop = virtual();
    loop.close();
    expect(() => loop.startTrace()).toThrow("Event loop is closed");
  });

  it("stopTrace works after close", () => {
    const loop = virtual();
    loop.startTrace();
    loop.callSoon(function once() {});
    loop.runOnce();
    loop.close();
    expect(slices(loop.stopTrace()).map((e: TraceEvent) => e.name)).toEqual(["once()"]);
  });

  it("records nothing after stopTrace, and a new trace starts afresh", () => {
    const loop = virtual();
    loop.startTrace();
    loop.callSoon(function one() {});
    loop.runOnce();
    const first = loop.stopTrace();
    loop.callSoon(function untraced() {});
    loop.runOnce();
    loop.startTrace();
    loop.callSoon(function two() {});
    loop.runOnce();
    const second = loop.stopTrace();
    expect(slices(first).map((e) => e.name)).toEqual(["one()"]);
    expect(slices(second).map((e) => e.name)).toEqual(["two()"]);
  });
});
