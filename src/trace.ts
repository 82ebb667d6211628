/**
 * The loop's tracer: what `loop.startTrace()` / `loop.stopTrace()` record, in Chrome's Trace
 * Event Format (the JSON that Perfetto and chrome://tracing open).
 *
 * HOW and WHY
 *
 * Tracing off costs one check per loop iteration: base-events.ts's dispatch looks at its
 * tracer once, at the top of the iteration, and runs its traced copy when there is one.
 * Nothing is added per callback, per task step or per scheduling call while no trace runs.
 *
 * While a trace runs, the loop also swaps its scheduler core for a TracingCore, which
 * notes, for each callback scheduled, the slice that was running when it was scheduled (its
 * cause), by the core's slot. When the traced dispatch runs that slot, the tracer draws a flow
 * arrow from the cause to the new slice. A Task wakes up through a callback its Future
 * schedules at the moment it completes, so the arrow into a "wakeup" slice starts at the
 * Future's completion. Other arrows: "spawn" (a task's first step, from where it was created),
 * "yield" (a bare `yield`), "timer" (from the slice that armed a timer to its callback),
 * "callback" (done callbacks and callSoon), "throw".
 *
 *   loop track "event loop"   ── plain callbacks (Handles, done callbacks, timers) ──
 *   one track per Task        ── its steps: "step", "wakeup", "throw" ──
 *   counters                  ── "ready" (the ready queue's length), "timers" (pending) ──
 *
 * Time. `ts` is loop time in µs: virtual time on a virtual clock (starting at 0), the host's
 * monotonic clock otherwise. On a virtual clock every callback of an instant has the same
 * loop time, so slices of one instant are laid out in the order they ran, each 1 ns long,
 * back to back: a slice starts at its loop time or at the end of the previous slice,
 * whichever is later. Those nanoseconds are the only time the trace makes up; each slice's
 * true loop time is in its `args.t` (seconds). Real clocks get the same rule (a slice lasts
 * at least 1 ns and never starts before the previous one ended).
 *
 * Flows are bound the way both kinds of viewer bind them: a flow event has the `ts`, `pid`,
 * `tid` and `cat` of the slice it belongs to (Chrome DevTools binds by exactly these), and it
 * comes after that slice in the file, so the slice is open at that `ts` (Perfetto and the
 * legacy trace viewer bind to the enclosing slice); its start and end share `name`, `cat` and
 * `id` (how they pair them). So every event has the one category "wasmloop": what a slice is
 * shows in its track and name, what a flow is in its name.
 *
 * Determinism: no host time on a virtual clock, no random ids. Tracks are numbered in the
 * order tasks first run, flows in the order they are drawn, and every value comes from the
 * program (task names, reprs), so the same program gives byte-identical JSON (task names
 * `Task-N` count from the process's first task, as asyncio's do).
 */
import { slotOf } from "./core/layout.js";
import type { SchedulerCore } from "./core/wasm.js";
import { formatCallback } from "./validate.js";

/**
 * One event of Chrome's Trace Event Format: `ph` "X" (a complete slice), "s"/"f" (a flow's start
 * and end), "C" (a counter), "M" (metadata: names and order of tracks).
 * @example
 * const slices = trace.traceEvents.filter((e) => e.ph === "X");
 */
export interface TraceEvent {
  /** What the event is: a slice's name, a counter's name, `thread_name`... */
  name: string;
  /** The phase: "X", "s", "f", "C" or "M". */
  ph: "X" | "s" | "f" | "C" | "M";
  /** The process: always 1 (one loop per trace). */
  pid: number;
  /** The track: 1 for plain callbacks ("event loop"), one per Task from 2 on. */
  tid?: number;
  /** Loop time in µs. */
  ts?: number;
  /** A slice's duration in µs. */
  dur?: number;
  /** The category: "wasmloop" for slices and flows (flows bind to slices of their category). */
  cat?: string;
  /** A flow's id, shared by its "s" and "f" events. */
  id?: number;
  /** A flow end binds to the slice enclosing it ("e"). */
  bp?: "e";
  /** Details: loop time `t` in seconds, the task, what it waited for... */
  args?: Record<string, unknown>;
}

/**
 * What `loop.stopTrace()` returns: Chrome's Trace Event Format, JSON-serialisable. Save
 * `JSON.stringify(trace)` and open it in Perfetto (ui.perfetto.dev) or chrome://tracing, or
 * draw it with traceToSvg().
 * @example
 * loop.startTrace();
 * loop.runUntilCompleteSync(main());
 * writeFileSync("trace.json", JSON.stringify(loop.stopTrace()));
 */
export interface Trace {
  /** The events, metadata first, then by time. */
  traceEvents: TraceEvent[];
  /** How chrome://tracing shows times. */
  displayTimeUnit: "ms";
  /** Which clock the times come from. */
  otherData: {
    /** Always "wasmloop". */
    producer: "wasmloop";
    /** The loop's clock: "virtual" (times start at 0) or "real" (the host's monotonic clock). */
    clock: "real" | "virtual";
  };
}

/** The track of plain callbacks; tasks get 2, 3, ... in the order they first run. */
const LOOP_TID = 1;
const PID = 1;
/** Every slice lasts at least this long (ns). */
const MIN_NS = 1;
/** The category of every event (see the header: flows bind to slices of their category). */
const CAT = "wasmloop";

/** What tasks.ts tells the tracer: the callbacks that run a Task's steps (see _registerTaskSteps). */
interface TaskSteps {
  step: Function;
  throw: Function;
  wakeup: Function;
}

/** The little of a Task the tracer reads (a type only: tasks.ts is above this file). */
interface TaskLike {
  getName(): string;
  done(): boolean;
  cancelled(): boolean;
  _futWaiter: unknown;
  _exception: unknown;
}

let taskSteps: TaskSteps | null = null;

/** @internal tasks.ts names the callbacks that run Task steps, so the tracer can put them on the task's track */
export function _registerTaskSteps(steps: TaskSteps): void {
  taskSteps = steps;
}

/**
 * @internal the Task a dispatched callback steps, and how ("step", "wakeup", "throw"); null for
 * a plain callback. Also names a slow task step in debug mode's warning.
 */
export function _taskOfCallback(fn: Function, arg: unknown): [TaskLike, "step" | "wakeup" | "throw"] | null {
  const s = taskSteps;
  if (s === null) return null;
  if (fn === s.wakeup) return [arg as TaskLike, "wakeup"];
  if (fn === s.step) return [arg as TaskLike, "step"];
  if (fn === s.throw) return [(arg as [TaskLike, unknown])[0], "throw"];
  return null;
}

/** The public Handle's callback, for naming (handles.ts's runHandle gives a Handle as the argument). */
interface HandleLike {
  _callback: Function | null;
  _args: unknown[] | null;
}

/** A slice: its track and its start (ns). */
interface Slice {
  tid: number;
  ns: number;
}

/** Why a pending callback exists: the slice that scheduled it, and whether it was a timer. */
interface Cause {
  slice: Slice;
  timer: boolean;
}

/** The slice being recorded. */
interface Open extends Slice {
  name: string;
  args: Record<string, unknown>;
  task: TaskLike | null;
}

function toNs(seconds: number): number {
  return Math.round(seconds * 1e9);
}

/** ns → µs for `ts`/`dur`: an integer divided once, so the JSON shows the shortest exact decimal */
function us(ns: number): number {
  return ns / 1000;
}

/** @internal the recorder behind startTrace()/stopTrace(); one per trace */
export class Tracer {
  readonly #virtual: boolean;
  readonly #meta: TraceEvent[] = [];
  #events: TraceEvent[] = [];
  /** flow events, kept apart: in the file each follows the slices of its time (see the header) */
  #flows: TraceEvent[] = [];
  readonly #tracks = new WeakMap<object, number>();
  #nextTid = LOOP_TID + 1;
  #nextFlow = 1;
  /** the end of the last slice (ns): no slice starts before it */
  #cursor = -Infinity;
  #open: Open | null = null;
  /** the cause of each pending callback, by core slot */
  readonly #causes = new Map<number, Cause>();
  #ready = -1;
  #timers = -1;
  #stopped = false;
  /** set by a TracingCore: what a Handle's repr would say is recorded only for public Handles */
  readonly #runHandle: Function;

  constructor(virtual: boolean, runHandle: Function) {
    this.#virtual = virtual;
    this.#runHandle = runHandle;
    this.#meta.push({ name: "process_name", ph: "M", pid: PID, args: { name: "wasmloop" } });
    this.#track(LOOP_TID, "event loop");
  }

  #track(tid: number, name: string): void {
    this.#meta.push({ name: "thread_name", ph: "M", pid: PID, tid, args: { name } });
    this.#meta.push({ name: "thread_sort_index", ph: "M", pid: PID, tid, args: { sort_index: tid } });
  }

  #trackOf(task: TaskLike): number {
    let tid = this.#tracks.get(task);
    if (tid === undefined) {
      tid = this.#nextTid++;
      this.#tracks.set(task, tid);
      this.#track(tid, task.getName());
    }
    return tid;
  }

  /** A callback was scheduled in core slot `slot` (a timer if `timer`): its cause is the slice running now. */
  scheduled(slot: number, timer: boolean): void {
    const open = this.#open;
    if (open === null || this.#stopped) this.#causes.delete(slot);
    else this.#causes.set(slot, { slice: { tid: open.tid, ns: open.ns }, timer });
  }

  /**
   * The counters, sampled when an iteration starts (`ready`: the callbacks it will run) and
   * when it ends (`ready`: those queued for the next one), with the `timers` pending then.
   */
  iteration(t: number, ready: number, timers: number): void {
    if (this.#stopped) return;
    const ns = Math.max(toNs(t), this.#cursor);
    if (ready !== this.#ready) {
      this.#ready = ready;
      this.#events.push({ name: "ready", ph: "C", pid: PID, ts: us(ns), args: { ready } });
    }
    if (timers !== this.#timers) {
      this.#timers = timers;
      this.#events.push({ name: "timers", ph: "C", pid: PID, ts: us(ns), args: { timers } });
    }
  }

  /** The callback in `slot`, `fn(arg)`, starts at loop time `t`. */
  begin(slot: number, fn: Function, arg: unknown, t: number): void {
    if (this.#stopped) return;
    const ns = Math.max(toNs(t), this.#cursor);
    const stepped = _taskOfCallback(fn, arg);
    let open: Open;
    if (stepped !== null) {
      const [task, kind] = stepped;
      const args: Record<string, unknown> = { t };
      if (kind === "wakeup") args.awaited = String(task._futWaiter);
      open = { tid: this.#trackOf(task), ns, name: kind, args, task };
    } else {
      const name =
        fn === this.#runHandle
          ? formatCallback((arg as HandleLike)._callback, (arg as HandleLike)._args)
          : fn.name || "<anonymous>";
      open = { tid: LOOP_TID, ns, name, args: { t }, task: null };
    }
    this.#open = open;
    const cause = this.#causes.get(slot);
    if (cause === undefined) return;
    this.#causes.delete(slot);
    const from = cause.slice;
    let kind: string;
    if (cause.timer) kind = "timer";
    else if (stepped === null) kind = "callback";
    else if (stepped[1] === "step") kind = from.tid === open.tid ? "yield" : "spawn";
    else kind = stepped[1];
    const id = this.#nextFlow++;
    this.#flows.push({ name: kind, cat: CAT, ph: "s", id, pid: PID, tid: from.tid, ts: us(from.ns) });
    this.#flows.push({ name: kind, cat: CAT, ph: "f", bp: "e", id, pid: PID, tid: open.tid, ts: us(ns) });
  }

  /** The running callback ended at loop time `t`. */
  end(t: number): void {
    const open = this.#open;
    if (open === null) return;
    this.#open = null;
    const endNs = Math.max(toNs(t), open.ns + MIN_NS);
    const task = open.task;
    if (task !== null) {
      if (!task.done()) open.args.waits = task._futWaiter === null ? "nothing (ready)" : String(task._futWaiter);
      else open.args.state = task.cancelled() ? "cancelled" : task._exception !== undefined ? "exception" : "finished";
    }
    this.#events.push({
      name: open.name,
      cat: CAT,
      ph: "X",
      pid: PID,
      tid: open.tid,
      ts: us(open.ns),
      dur: us(endNs - open.ns),
      args: open.args,
    });
    this.#cursor = endNs;
  }

  /** Ends the trace at loop time `t` (closing a slice still open: stopTrace() called from a callback). */
  finish(t: number): Trace {
    this.end(t);
    this.#stopped = true;
    this.#causes.clear();
    // stable sorts: events of one time stay in the order they were recorded; at one time,
    // slices and counters come before flows
    const events = this.#events.sort((a, b) => a.ts! - b.ts!);
    const flows = this.#flows.sort((a, b) => a.ts! - b.ts!);
    this.#events = [];
    this.#flows = [];
    const merged: TraceEvent[] = [...this.#meta];
    let j = 0;
    for (const e of events) {
      while (j < flows.length && flows[j].ts! < e.ts!) merged.push(flows[j++]);
      merged.push(e);
    }
    while (j < flows.length) merged.push(flows[j++]);
    return {
      traceEvents: merged,
      displayTimeUnit: "ms",
      otherData: { producer: "wasmloop", clock: this.#virtual ? "virtual" : "real" },
    };
  }
}

/**
 * @internal the scheduler core of a loop being traced: the loop's own core, plus a note to the
 * tracer of every callback scheduled (its slot, and whether it is a timer)
 */
export class TracingCore implements SchedulerCore {
  constructor(
    readonly inner: SchedulerCore,
    readonly tracer: Tracer,
  ) {}

  soon(): number {
    const id = this.inner.soon();
    if (id >= 0) this.tracer.scheduled(slotOf(id), false);
    return id;
  }

  at(when: number): number {
    const id = this.inner.at(when);
    if (id >= 0) this.tracer.scheduled(slotOf(id), true);
    return id;
  }

  cancel(id: number): number {
    return this.inner.cancel(id);
  }

  iterate(now: number, resolution: number, mode: number): number {
    return this.inner.iterate(now, resolution, mode);
  }

  take(): number {
    return this.inner.take();
  }

  chunk(): Int32Array {
    return this.inner.chunk();
  }

  time(): number {
    return this.inner.time();
  }

  unhanded(): number {
    return this.inner.unhanded();
  }

  nextDeadline(): number {
    return this.inner.nextDeadline();
  }

  readyCount(): number {
    return this.inner.readyCount();
  }

  timerCount(): number {
    return this.inner.timerCount();
  }

  clear(): void {
    this.inner.clear();
  }
}
