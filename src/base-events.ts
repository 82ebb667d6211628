/**
 * BaseEventLoop: the scheduling half of asyncio's loop, on a WebAssembly core (asyncio's
 * base_events.py). EventLoop (loop.ts) adds what makes Futures, Tasks and I/O on top.
 *
 * HOW and WHY
 *
 * The core (assembly/, wrapped by core/wasm.ts) owns every scheduling decision: the timer heap,
 * the FIFO ready ring and the handle table. A handle is a number — slot + generation — so
 * a stale handle can never cancel or run a slot that was reused. This file is policy: it
 * keeps what only JS can hold, the callback and its argument, in two arrays indexed by
 * slot (`#fns`, `#args`), and decides when an iteration runs and what time it is.
 *
 *   callSoon / callAt ──► core.soon() / core.at(when) ──► id ──► #fns[slot], #args[slot]
 *                                                              [#ctxs[slot]: the context]
 *   Handle.cancel ──────► core.cancel(id) ──► clears #fns[slot] unless the id was stale
 *   callSoonId / callLaterId / callAtId / cancelId: the same, returning the id itself
 *
 *   #runOnce:  core.iterate(now, resolution, mode)     one call: [virtual clock: jump to
 *                   the next deadline if nothing is ready], due timers → ready ring, the
 *                   iteration's snapshot fixed, its first ≤ CHUNK slots handed over
 *              run fns[slot](args[slot]) for each slot handed over
 *              ... core.take() per further CHUNK of a large snapshot
 *
 * One crossing per iteration (plus one per further CHUNK callbacks); scheduling is one
 * crossing per call; "is anything ready, when is the next timer due" is a read of the
 * core's status block, not a call. Everything scheduled during an iteration waits for the
 * next one (asyncio's rule: an iteration runs only what was ready when it began). #runOnce
 * is the only place that calls callbacks; everything else enqueues. A throwing callback goes
 * to the exception handler and the iteration goes on; the core never sees a half-finished
 * state because the chunk was handed over before any callback ran.
 *
 * Handles. callSoon / callLater return a Handle, but the loop keeps the Handle itself
 * (`#fns[slot] = runHandle`, `#args[slot] = handle`) only where it may have to hand over
 * that very object: with a custom exception handler, debug mode or a trace on when the call is made
 * (a handler is given the Handle of a failed call: asyncio's `context["handle"]`), and where
 * a copy made at failure time could not repeat its repr (two or more arguments; a timer
 * with an argument). Otherwise — callSoon with no argument or one, callLater/callAt with
 * none — the slot holds the callback and its argument as the id API's does (`NO_ARG` /
 * `NO_TIMER_ARG` for none), the Handle the caller gets is garbage as soon as the caller
 * drops it, and a pending timer costs what an id timer costs (bench/: W4). Should such a
 * call fail, the default handler is given an equal Handle: same callback, arguments,
 * `when()` (kept in `#whens`) and repr.
 *
 * Drivers: runOnce() is one iteration (plugin hosts own the clock and the thread);
 * runForever()/runUntilComplete() run one iteration per host macrotask (setImmediate or a
 * MessageChannel) and sleep on one host setTimeout armed for the next deadline, so host
 * I/O and promise jobs progress in between; runUntilCompleteSync() runs on the caller's
 * stack and blocks with Atomics.wait between timers on a real clock.
 *
 * Contexts (contextvars.ts): a public callback runs in the context current when it was
 * scheduled (or in the `{ context }` it was given), as asyncio's Handle does. The third
 * array, `#ctxs`, holds that context beside the callback: a Data snapshot (one pointer;
 * the callback runs in a fresh copy of it, made only if it sets a variable) or a Context
 * (run in it). An empty context is stored as nothing, so a program that never sets a
 * variable writes nothing there and allocates nothing per call: scheduling costs one load
 * (`used`: has any variable ever been set?), and an iteration reads #ctxs only while
 * #ctxPending says some pending callback has a context. Internal callbacks (Task steps,
 * which enter their task's context themselves; Future wakeups) never store one. Between
 * callbacks the current context is a fresh empty copy; the dispatch restores that after any
 * callback that changed it, and restores the caller's context after the iteration.
 *
 * Tracing (trace.ts): #dispatch checks `#tracer` once at the top of each iteration and, while
 * a trace runs, hands the iteration to #dispatchTraced, the same pass with each callback timed
 * as a slice; startTrace also wraps the core in a TracingCore that notes which slice scheduled
 * each callback. With no trace, that one check per iteration is all tracing costs.
 *
 * Debug mode (debug.ts): the few places that pay for it check `_debug` (a plain field, so one
 * load): public Handles, Futures and coroutine-like Futures note where they were made, and
 * callbacks are timed (#runTimed) to report slow ones through the exception handler.
 *
 * Costs: scheduling O(1) (soon) or O(log n) (timers); cancel O(log n) for timers, O(1)
 * for ready entries; an iteration O(k log n) for k due timers plus its callbacks.
 */
import { createWasmCore, type SchedulerCore, type WasmCore } from "./core/wasm.js";
import { CANCEL_STALE, CHUNK, ITER_HOLD, ITER_JUMP, ITER_NOW, MAX_SLOTS, slotOf } from "./core/layout.js";
import { Handle, TimerHandle, runHandle } from "./handles.js";
import { RuntimeError } from "./exceptions.js";
import { resolveHost, type Host, type HostCapabilities } from "./host.js";
import { checkFunction, checkSeconds, describe, formatCallback } from "./validate.js";
import {
  Context, EMPTY, _capture, _enter, _resetToEmpty, checkContext, isContextOption, state as contextState,
  type Captured,
} from "./contextvars.js";
// a type only: the handler is given the EventLoop (loop.ts) that this class is the base of
import type { EventLoop } from "./loop.js";
import type { IoHost } from "./io/hosts/host.js";
import { Tracer, TracingCore, _taskOfCallback, type Trace } from "./trace.js";
import { _noteCreated, _sourceTraceback } from "./debug.js";
import { formatFrame, type CallFrame } from "./stack-frames.js";

/** Timers due within this much of `now` run in the current iteration (asyncio's clock resolution). */
const CLOCK_RESOLUTION = 1e-9;
/** The arguments of every call made without any: a pending Handle then holds no array of its own. */
const NO_ARGS: unknown[] = Object.freeze([]) as unknown as unknown[];
/**
 * What `#args[slot]` holds for a callSoon (NO_ARG) or callLater/callAt (NO_TIMER_ARG) made
 * with no argument whose Handle the loop does not keep: the dispatch calls `fn()` for them,
 * not `fn(arg)`. Never handed out, so no id call can pass one.
 */
const NO_ARG: object = Object.freeze({});
const NO_TIMER_ARG: object = Object.freeze({});
/**
 * The slot tables (#fns, #args, #ctxs, #whens) are JS arrays made at a size and replaced by
 * one of twice the size when a slot past the end is first used, never grown an element at a
 * time: V8's own growth (a new backing store about every 1.5×, each copied, the small ones
 * in the young generation) made a fresh loop given 100k tasks at once spend about 600 ns a
 * task more (bench W5.tasks: 1.6 µs a task, 0.9-1.0 µs with the tables made at full size).
 * A replaced table's entries are copied, so whoever reads a table must read the field again
 * after anything that may schedule (the dispatch does, per callback). `new Array(n)` stays
 * a fast holey array up to the core's MAX_SLOTS; a hole reads as undefined.
 */
const TABLE_MIN = 256;

function grownTable<T>(old: T[], slot: number): T[] {
  const next = new Array<T>(tableSize(old.length, slot));
  for (let i = 0; i < old.length; i++) {
    const v = old[i];
    if (v !== undefined) next[i] = v;
  }
  return next;
}

/**
 * grownTable for #whens, from an allocation site of its own: V8 lets an array made at a site
 * start with the elements kind the site's earlier arrays ended with, so sharing grownTable's
 * site with the object tables would make this one box its doubles (16 bytes more a timer).
 * Holes stay holes, so the doubles stay unboxed.
 */
function grownDoubles(old: number[], slot: number): number[] {
  const next: number[] = new Array(tableSize(old.length, slot));
  for (let i = 0; i < old.length; i++) {
    const v = old[i];
    if (v !== undefined) next[i] = v;
  }
  return next;
}

/**
 * The core of a closed loop: it holds nothing, every id is stale, nothing is ready or due.
 * close() puts it in place of the loop's own core, which it clears and may hand to the next
 * loop (see Leftovers); everything that schedules checks for a closed loop before the core.
 */
const CLOSED_CORE: SchedulerCore = Object.freeze({
  soon: () => -1,
  at: () => -1,
  cancel: () => CANCEL_STALE,
  iterate: () => -1,
  take: () => -1,
  chunk: () => new Int32Array(0),
  time: () => 0,
  unhanded: () => 0,
  nextDeadline: () => Infinity,
  readyCount: () => 0,
  timerCount: () => 0,
  clear: () => {},
});

/**
 * What a closed loop leaves for the next loop made: its wasm core, cleared, and its slot
 * tables, emptied. A loop given 100k tasks at once grows its core's linear memory to about
 * 3 MB and #fns and #args to 131,072 entries each (1 MB); made anew, every page of those is
 * a page fault on first touch, about 3 µs per 4 KiB page on the machine bench/ runs on (W5.tasks
 * took 0.85-0.88× the time once a new loop took them up, bench/results/FLOORS.md). A new
 * loop with the default core takes the leftovers up (the core restarted with the new loop's
 * salt, so ids of the two loops still differ) instead of growing its own. Held weakly: the
 * collector may take them first, and a host without WeakRef keeps none. Only the last closed
 * loop's are kept, and none past LEFTOVER_MAX_SLOTS slots.
 */
interface Leftovers {
  core: WasmCore;
  fns: (Callback | undefined)[];
  args: unknown[];
  ctxs: (Captured | undefined)[];
  whens: number[];
}
let leftovers: WeakRef<Leftovers> | null = null;
/** tables of at most 2**18 entries (2 MB each) are left behind */
const LEFTOVER_MAX_SLOTS = 2 ** 18;
/** and a core of at most 8 MiB: about 2**18 slots at 28 bytes a slot (assembly/memory.ts) */
const LEFTOVER_MAX_BYTES = 8 * 2 ** 20;

/** the last closed loop's leftovers, if the collector left them (taken: nobody else gets them) */
function takeLeftovers(): Leftovers | undefined {
  const kept = leftovers?.deref();
  leftovers = null;
  return kept;
}

function tableSize(length: number, slot: number): number {
  let n = length < TABLE_MIN ? TABLE_MIN : length * 2;
  while (n <= slot) n *= 2;
  return n;
}

/** The longest single host sleep, as asyncio's MAXIMUM_SELECT_TIMEOUT: the loop re-checks at least daily. */
const MAX_SLEEP_MS = 24 * 3600 * 1000;

/** Options of `new EventLoop(options)` and `newEventLoop(options)`. */
export interface EventLoopOptions {
  /** "real" (default): monotonic seconds from the host. "virtual": starts at 0 and jumps to the next deadline whenever nothing is ready. */
  clock?: "real" | "virtual";
  /**
   * asyncio's debug mode: callbacks slower than `slowCallbackDuration` are reported, coroutine-like
   * Futures dropped without being awaited are reported, and reports carry where their objects were
   * made (`source_traceback`).
   */
  debug?: boolean;
  /** Host capabilities to use where the global is missing or should not be used (SES compartments, plugin hosts). */
  host?: HostCapabilities;
  /**
   * The scheduler core: "wasm" (default), or a function that returns a fresh core for this
   * loop (tests and benchmarks pass `() => new ReferenceCore()`, the TypeScript oracle in
   * src/core/reference.ts, which the package's entries do not ship).
   */
  core?: "wasm" | (() => SchedulerCore);
  /**
   * The network host connections and servers go through (src/io): a `MemoryNetwork` for
   * in-memory sockets on the loop's own clock, or any object implementing `IoHost`.
   * Default: the runtime's own sockets (Node, Bun), where it has them.
   */
  network?: IoHost;
}

/** asyncio's exception-handler context: what went wrong, and the objects involved (`handle`, `future`, `task`, ...). */
export interface ExceptionContext {
  /** What happened, e.g. "Exception in callback tick()". */
  message: string;
  /** The exception, when there is one. */
  exception?: unknown;
  [key: string]: unknown;
}

/** An exception handler: `loop.setExceptionHandler((loop, context) => ...)`. */
export type ExceptionHandler = (loop: EventLoop, context: ExceptionContext) => void;

type Callback = (arg: any) => void;

/** The trailing options of callSoon/callLater/callAt (asyncio's `context=` keyword), and the third argument of the id API. */
export interface CallOptions {
  /** Run the callback in this context instead of a copy of the current one. */
  context?: Context;
}

/** @internal what a run needs of the Future it waits for (this layer knows no Future class) */
export interface Completion {
  done(): boolean;
  addDoneCallback(fn: (fut: any) => void): void;
  removeDoneCallback(fn: (fut: any) => void): number;
}

/** numbers loops for their repr (`<EventLoop #3 ...>`), so errors can say which loop is which */
let loopCounter = 0;

// Which loop is running: the one whose callbacks are on the stack (always exact) or,
// between iterations, the one loop being run asynchronously on the host (events.ts).
let onStack: BaseEventLoop | null = null;
const asyncRuns = new Set<BaseEventLoop>();

/** @internal the loop whose callbacks are on the stack, or null */
export function _getLoopOnStack(): BaseEventLoop | null {
  return onStack;
}

/** @internal the running loop or null (every loop is an EventLoop: this base is never made alone) */
export function _getRunningLoop(): EventLoop | null {
  if (onStack !== null) return onStack as EventLoop;
  if (asyncRuns.size === 1) return asyncRuns.values().next().value! as EventLoop;
  return null;
}

/**
 * The scheduling half of the event loop: callbacks, timers, iterations, runs, the exception
 * handler. Make loops with `new EventLoop()` (loop.ts), which adds Futures, Tasks and I/O.
 */
/**
 * @internal What tasks.ts keeps per loop (its registry of pending tasks): the loop only ages
 * it — at the start of every iteration while some task is young, and all at once at close().
 */
export interface TaskAging {
  /** how many places its young tasks' buckets hold: while none, the loop does not call age() */
  held: number;
  age(iteration: number): void;
  /** close(): every pending task it can find goes old (held weakly, reported if collected) */
  ageAll(loop: BaseEventLoop): void;
}

export class BaseEventLoop {
  /** asyncio's slow_callback_duration: in debug mode, callbacks longer than this (seconds) are reported. */
  slowCallbackDuration = 0.1;
  /** @internal the Task whose step is running (tasks.ts sets it) */
  _currentTask: unknown = null;
  /** @internal debug mode, as a plain field: the places that pay for debug mode check it with one load */
  _debug = false;

  /** the scheduler core; while a trace runs, a TracingCore around it (trace.ts); once closed, CLOSED_CORE */
  #core: SchedulerCore;
  /** the wasm core this loop made or took up (core "wasm"): close() leaves it to the next loop */
  #ownCore: WasmCore | null = null;
  /** the trace being recorded, or null: the dispatch checks it once per iteration */
  #tracer: Tracer | null = null;
  readonly #host: Host;
  readonly #virtual: boolean;
  #fns: (Callback | undefined)[] = new Array(TABLE_MIN);
  /** shorter than #fns while the high slots were given no argument (see #setArg) */
  #args: unknown[] = [];
  /** the context a pending public callback runs in; undefined: a fresh empty one (see the header) */
  #ctxs: (Captured | undefined)[] = [];
  /** how many entries of #ctxs are set: while 0, an iteration reads none of them */
  #ctxPending = 0;
  /** a pending no-argument TimerHandle's `when`, for its report if it fails (see the header); unboxed doubles */
  #whens: number[] = [];
  /** keep Handle objects in the slots: a custom exception handler or debug mode may see them */
  #keepHandles = false;
  /** @internal iterations run so far (tasks.ts ages its young tasks by it) */
  _iteration = 0;
  /** @internal tasks.ts's registry of this loop's pending tasks, once a task was made */
  _taskRegistry: TaskAging | null = null;
  readonly #batch = new Int32Array(CHUNK);
  /** virtual time in seconds; unused on a real clock */
  #now = 0;
  #running = false;
  #stopping = false;
  #closed = false;
  #debug: boolean;
  #handler: ExceptionHandler | null = null;
  /** set while an asynchronous run sleeps on the host: scheduling calls it to wake the run */
  #wake: (() => void) | null = null;
  readonly #number = ++loopCounter;
  /** host I/O (src/io), for the virtual clock: see "Virtual time and host I/O" below */
  #ioBusy = 0;
  #ioOpen = 0;
  /** the host had a turn since the loop last went idle: a virtual jump may go ahead */
  #ioTurned = false;

  constructor(options: EventLoopOptions = {}) {
    if (options === null || typeof options !== "object") {
      throw new TypeError(`EventLoop: options must be an object, got ${describe(options)}`);
    }
    const { clock = "real", debug = false, host, core = "wasm" } = options;
    if (clock !== "real" && clock !== "virtual") {
      throw new RangeError(`EventLoop: options.clock must be "real" or "virtual", got ${describe(clock)}`);
    }
    if (core !== "wasm" && typeof core !== "function") {
      throw new TypeError(`EventLoop: options.core must be "wasm" or a function returning a scheduler core, got ${describe(core)}`);
    }
    this.#host = resolveHost(host);
    this.#virtual = clock === "virtual";
    if (!this.#virtual && this.#host.now === null) {
      throw new RuntimeError(
        'EventLoop: this host has no performance.now(); pass options.host.now or use clock: "virtual"',
      );
    }
    this._debug = this.#debug = Boolean(debug);
    this.#keepHandles = this.#debug;
    if (core !== "wasm") {
      this.#core = core();
      return;
    }
    const kept = takeLeftovers();
    if (kept === undefined) {
      this.#core = this.#ownCore = createWasmCore();
      return;
    }
    kept.core.restart();
    this.#core = this.#ownCore = kept.core;
    this.#fns = kept.fns;
    this.#args = kept.args;
    this.#ctxs = kept.ctxs;
    this.#whens = kept.whens;
  }

  /** The loop's clock in seconds: monotonic host time, or virtual time starting at 0. */
  time(): number {
    return this.#virtual ? this.#now : this.#host.now!() / 1000;
  }

  /**
   * Schedules `callback(...args)` for the next iteration; callbacks run in the order
   * scheduled, each in a copy of the context current now (contextvars). A last argument
   * that is exactly `{ context: ctx }` (an object whose only key is `context`, holding a
   * Context) is asyncio's `context=` keyword: the callback runs in `ctx` itself and does
   * not receive that object. Any other object is an argument like the rest.
   * @example
   * loop.callSoon(console.log, "Hello World");
   * loop.callSoon(report, job, { context: ctx });   // report(job) runs in ctx
   */
  callSoon<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle;
  callSoon<A extends unknown[]>(callback: (...args: A) => unknown, ...args: [...A, { context: Context }]): Handle;
  callSoon(callback: (...args: any[]) => unknown, ...args: unknown[]): Handle {
    return this.#handle("callSoon", callback, args);
  }

  /**
   * callSoon for code outside this loop's own callbacks (host callbacks, promise jobs, other
   * loops). JS has one thread per realm, so this is callSoon; both wake a run that sleeps
   * on the host.
   * @example
   * fs.readFile(path, (err, data) => loop.callSoonThreadsafe(onFile, err, data));
   */
  callSoonThreadsafe<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle;
  callSoonThreadsafe<A extends unknown[]>(callback: (...args: A) => unknown, ...args: [...A, { context: Context }]): Handle;
  callSoonThreadsafe(callback: (...args: any[]) => unknown, ...args: unknown[]): Handle {
    return this.#handle("callSoonThreadsafe", callback, args);
  }

  #handle(where: string, callback: (...args: any[]) => unknown, args: unknown[]): Handle {
    this._checkClosed();
    checkFunction(where, "callback", callback);
    const ctx = args.length === 0 ? _capture() : contextOf(args);
    const n = args.length;
    const id = this.#core.soon();
    const h = new Handle(callback, n === 0 ? NO_ARGS : args, this, id);
    if (this.#debug) _noteCreated(h, this.#handle);
    if (this.#keepHandles || n > 1) this.#enqueueIn(id, runHandle, h, ctx);
    else this.#enqueueIn(id, callback, n === 0 ? NO_ARG : args[0], ctx);
    return h;
  }

  /**
   * Schedules `callback(...args)` after `delay` seconds (negative: as soon as possible), in
   * a copy of the current context (a trailing `{ context }`: as callSoon).
   * @example
   * loop.callLater(2, () => console.log("two seconds later"));
   */
  callLater<A extends unknown[]>(delay: number, callback: (...args: A) => unknown, ...args: A): TimerHandle;
  callLater<A extends unknown[]>(delay: number, callback: (...args: A) => unknown, ...args: [...A, { context: Context }]): TimerHandle;
  callLater(delay: number, callback: (...args: any[]) => unknown, ...args: unknown[]): TimerHandle {
    this._checkClosed();
    checkSeconds("callLater", "delay", delay);
    return this.#timer("callLater", this.time() + delay, callback, args);
  }

  /**
   * Schedules `callback(...args)` at loop time `when` (seconds, same reference as `time()`),
   * in a copy of the current context (a trailing `{ context }`: as callSoon).
   * @example
   * loop.callAt(loop.time() + 10, () => console.log("ten seconds later"));
   */
  callAt<A extends unknown[]>(when: number, callback: (...args: A) => unknown, ...args: A): TimerHandle;
  callAt<A extends unknown[]>(when: number, callback: (...args: A) => unknown, ...args: [...A, { context: Context }]): TimerHandle;
  callAt(when: number, callback: (...args: any[]) => unknown, ...args: unknown[]): TimerHandle {
    this._checkClosed();
    checkSeconds("callAt", "when", when);
    return this.#timer("callAt", when, callback, args);
  }

  #timer(where: string, when: number, callback: (...args: any[]) => unknown, args: unknown[]): TimerHandle {
    checkFunction(where, "callback", callback);
    const ctx = args.length === 0 ? _capture() : contextOf(args);
    const n = args.length;
    const id = this.#core.at(when);
    const h = new TimerHandle(when, callback, n === 0 ? NO_ARGS : args, this, id);
    if (this.#debug) _noteCreated(h, this.#timer);
    if (this.#keepHandles || n > 0) {
      this.#enqueueIn(id, runHandle, h, ctx);
    } else {
      this.#enqueueIn(id, callback, NO_TIMER_ARG, ctx);
      this.#keepWhen(id, when);
    }
    return h;
  }

  /** Notes a no-argument TimerHandle's `when` for its report should it fail (the loop does not keep the Handle). */
  #keepWhen(id: number, when: number): void {
    const slot = slotOf(id);
    let whens = this.#whens;
    if (slot >= whens.length) this.#whens = whens = grownDoubles(whens, slot);
    whens[slot] = when;
  }

  /**
   * callSoon without a Handle, for hot paths: schedules `callback(arg)` for the next
   * iteration and returns the call's id, a plain number for cancelId(). No Handle and no
   * argument array are allocated: that allocation, and the garbage collector's work on it
   * while the call is pending, is most of what a callSoon costs (bench/). The callback
   * always receives exactly one argument, `arg` (undefined when omitted). Ordering and
   * context are callSoon's: a copy of the current context, or `options.context`.
   * @example
   * const id = loop.callSoonId(onMessage, msg);
   */
  callSoonId<A>(callback: (arg: A) => unknown, arg?: A, options?: CallOptions): number {
    this._checkClosed();
    checkFunction("callSoonId", "callback", callback);
    const id = this.#enqueue(this.#core.soon(), callback, arg);
    // the hot path: no variable was ever set and no context given, so the context is empty
    if (options !== undefined || contextState.used) this.#keepContext(id, "callSoonId", options);
    return id;
  }

  /**
   * callLater without a Handle: schedules `callback(arg)` after `delay` seconds and returns
   * the call's id for cancelId(). Same ordering as callLater; `callback` receives exactly
   * one argument.
   * @example
   * const id = loop.callLaterId(30, expire, session);
   * // ...the session was used again:
   * loop.cancelId(id);
   */
  callLaterId<A>(delay: number, callback: (arg: A) => unknown, arg?: A, options?: CallOptions): number {
    this._checkClosed();
    checkSeconds("callLaterId", "delay", delay);
    checkFunction("callLaterId", "callback", callback);
    const id = this.#enqueue(this.#core.at(this.time() + delay), callback, arg);
    if (options !== undefined || contextState.used) this.#keepContext(id, "callLaterId", options);
    return id;
  }

  /**
   * callAt without a Handle: schedules `callback(arg)` at loop time `when` and returns the
   * call's id for cancelId().
   * @example
   * const id = loop.callAtId(loop.time() + 1, tick, state);
   */
  callAtId<A>(when: number, callback: (arg: A) => unknown, arg?: A, options?: CallOptions): number {
    this._checkClosed();
    checkSeconds("callAtId", "when", when);
    checkFunction("callAtId", "callback", callback);
    const id = this.#enqueue(this.#core.at(when), callback, arg);
    if (options !== undefined || contextState.used) this.#keepContext(id, "callAtId", options);
    return id;
  }

  /**
   * Cancels a call made by callSoonId, callLaterId or callAtId: true if it had not run yet
   * (it now never will), false for an id that already ran or was cancelled. Ids carry a
   * generation, so a stale id never touches a later call that reuses its slot; an id means
   * something only to the loop that returned it.
   * @example
   * const id = loop.callLaterId(5, giveUp, req);
   * if (loop.cancelId(id)) console.log("cancelled in time");
   */
  cancelId(id: number): boolean {
    if (typeof id !== "number") throw new TypeError(`cancelId: id must be a number, got ${describe(id)}`);
    return this._cancelId(id);
  }

  /** @internal callSoon without a Handle or a context: Task steps and wakeups. */
  _soon(fn: Callback, arg: unknown): number {
    this._checkClosed();
    return this.#enqueue(this.#core.soon(), fn, arg);
  }

  /** @internal _soon for a callback that runs in `ctx` (a done callback added in a context) */
  _soonIn(ctx: Captured, fn: Callback, arg: unknown): number {
    this._checkClosed();
    return this.#enqueueIn(this.#core.soon(), fn, arg, ctx);
  }

  /** @internal callAt without a Handle: sleep() and timeouts. Returns the id for _cancelId. */
  _at(when: number, fn: Callback, arg: unknown): number {
    this._checkClosed();
    return this.#enqueue(this.#core.at(when), fn, arg);
  }

  /** @internal the arguments of the pending calls of `fn` (tasks.ts finds the tasks that never waited by their steps) */
  _argsOf(fn: Callback): unknown[] {
    const out: unknown[] = [];
    const fns = this.#fns;
    const args = this.#args;
    for (let slot = 0; slot < fns.length; slot++) if (fns[slot] === fn) out.push(args[slot]);
    return out;
  }

  /** @internal cancels a core id: true if its call had not run; stale ids are a no-op. */
  _cancelId(id: number): boolean {
    if (this.#core.cancel(id) === CANCEL_STALE) return false;
    // the core also answers "not stale" for an entry of the chunk being run, so ask #fns
    const slot = slotOf(id);
    const pending = this.#fns[slot] !== undefined;
    this.#fns[slot] = undefined;
    if (this.#args[slot] !== undefined) this.#args[slot] = undefined;
    if (this.#ctxPending !== 0 && this.#ctxs[slot] !== undefined) {
      this.#ctxs[slot] = undefined;
      this.#ctxPending--;
    }
    return pending;
  }

  /*
   * Virtual time and host I/O. A virtual clock jumps to the next deadline whenever nothing
   * is ready; with real sockets open that would run ahead of the host. So src/io counts, per
   * loop, host operations in flight (`busy`: a connect, a listen — they complete on their
   * own) and open host resources (`open`: connections and listeners — data may arrive at
   * any time). While anything is busy the virtual clock stands still and an asynchronous run
   * waits on the host; while anything is open, the run gives the host one turn (a macrotask,
   * or the host's own `_ioTurn`, so that I/O the host already has is delivered) before each jump. runUntilCompleteSync
   * cannot let the host run at all: with host I/O busy or open and nothing ready it throws
   * RuntimeError instead of waiting, jumping or hanging. Hosts on the loop's own clock (the
   * in-memory network) are not counted.
   */

  /**
   * @internal src/io: the host turn of this loop's I/O host, where one macrotask is not
   * enough for the host to deliver what it already has (Deno, workerd: a few host timers);
   * null: one macrotask
   */
  _ioTurn: ((done: () => void) => void) | null = null;

  /** @internal src/io: a host operation started (busy) or a host resource opened (!busy) */
  _ioBegin(busy: boolean): void {
    if (busy) this.#ioBusy++;
    else this.#ioOpen++;
  }

  /** @internal src/io: the operation settled, or the resource closed; wakes a run waiting on it */
  _ioEnd(busy: boolean): void {
    if (busy) this.#ioBusy--;
    else this.#ioOpen--;
    if (this.#wake !== null) this.#wake();
  }

  #hostIoError(fut: Completion): never {
    throw new RuntimeError(
      `runUntilCompleteSync cannot wait for host I/O (${this.#ioOpen} connection(s) or server(s) open, ` +
        `${this.#ioBusy} operation(s) in flight), and ${fut} is not done: host sockets only make progress ` +
        "when the caller's stack unwinds; use await runUntilComplete()",
    );
  }

  /** stores a just scheduled call by its id's slot, to run in a fresh empty context */
  #enqueue(id: number, fn: Callback, arg: unknown): number {
    return this.#enqueueIn(id, fn, arg, undefined);
  }

  /**
   * `#args` grows only for a slot given an argument: an id call without one
   * (`callLaterId(d, fn)`) stores nothing past the end, and the dispatch reads `undefined`
   * there (W4 with ids: 41 bytes per pending timer instead of 49).
   */
  #setArg(slot: number, arg: unknown): void {
    let args = this.#args;
    if (slot < args.length) args[slot] = arg;
    else if (arg !== undefined) {
      this.#args = args = grownTable(args, slot);
      args[slot] = arg;
    }
  }

  /** stores the context of a pending call (see the header) */
  #setCtx(slot: number, ctx: Captured): void {
    let ctxs = this.#ctxs;
    if (slot >= ctxs.length) this.#ctxs = ctxs = grownTable(ctxs, slot);
    ctxs[slot] = ctx;
    this.#ctxPending++;
  }

  /** stores the context a just enqueued id call runs in: its options' or the current one */
  #keepContext(id: number, where: string, options: CallOptions | undefined): void {
    const ctx = optionContext(where, options);
    if (ctx === undefined) return;
    this.#setCtx(slotOf(id), ctx);
  }

  /** #enqueue with the context the call runs in (undefined: a fresh empty one, stored as nothing) */
  #enqueueIn(id: number, fn: Callback, arg: unknown, ctx: Captured | undefined): number {
    if (id < 0) throw new RangeError(`too many pending callbacks: the scheduler holds at most ${MAX_SLOTS}`);
    const slot = slotOf(id);
    let fns = this.#fns;
    if (slot >= fns.length) this.#fns = fns = grownTable(fns, slot);
    fns[slot] = fn;
    this.#setArg(slot, arg);
    if (ctx !== undefined) this.#setCtx(slot, ctx);
    if (this.#wake !== null) this.#wake();
    return id;
  }


  /** @internal runs on the host until `fut` is done (runUntilComplete after its checks) */
  async _runUntilDone(fut: Completion): Promise<void> {
    const stop = () => this.stop();
    fut.addDoneCallback(stop);
    try {
      await this.runForever();
    } finally {
      fut.removeDoneCallback(stop);
    }
    if (!fut.done()) throw new RuntimeError("Event loop stopped before Future completed.");
  }

  /** @internal runs on the caller's stack until `fut` is done (runUntilCompleteSync after its checks) */
  _runUntilDoneSync(fut: Completion): void {
    const stop = () => this.stop();
    fut.addDoneCallback(stop);
    this.#running = true;
    try {
      for (;;) {
        const busy = this.#iterate();
        if (this.#stopping) break;
        if ((this.#ioBusy > 0 || this.#ioOpen > 0) && this.#core.readyCount() === 0) this.#hostIoError(fut);
        if (this.#virtual) {
          if (!busy) this.#idleError(fut);
          continue;
        }
        if (this.#core.readyCount() > 0) continue;
        const next = this.#core.nextDeadline();
        if (next === Infinity) this.#idleError(fut);
        const ms = (next - this.time()) * 1000;
        if (ms > 0) {
          const block = this.#host.block;
          if (block === null) {
            throw new RuntimeError(
              `runUntilCompleteSync cannot wait for a timer on a real clock here: ${this.#host.blockUnavailable}; ` +
                'use await runUntilComplete(), or clock: "virtual"',
            );
          }
          block(Math.min(ms, MAX_SLEEP_MS));
        }
      }
    } finally {
      this.#running = false;
      this.#stopping = false;
      fut.removeDoneCallback(stop);
    }
    if (!fut.done()) throw new RuntimeError("Event loop stopped before Future completed.");
  }

  #idleError(fut: Completion): never {
    throw new RuntimeError(
      `runUntilCompleteSync: the loop has nothing left to run but ${fut} is not done ` +
        "(it waits on something outside the loop, such as a promise); use await runUntilComplete()",
    );
  }

  /**
   * Runs the loop on the host until stop() is called.
   * @example
   * loop.callLater(5, () => loop.stop());
   * await loop.runForever();
   */
  runForever(): Promise<void> {
    try {
      this._checkRunnable();
    } catch (e) {
      return Promise.reject(e);
    }
    this.#running = true;
    asyncRuns.add(this);
    return new Promise<void>((resolve, reject) => {
      const host = this.#host;
      const tasks = host.openMacrotasks();
      let timer: unknown = null;
      let posted = false;
      const finish = (error?: unknown) => {
        this.#wake = null;
        if (timer !== null) host.clearTimeout(timer);
        tasks.close();
        this.#running = false;
        this.#stopping = false;
        asyncRuns.delete(this);
        if (error === undefined) resolve();
        else reject(error);
      };
      const wake = () => {
        this.#wake = null;
        if (timer !== null) {
          host.clearTimeout(timer);
          timer = null;
        }
        if (!posted) {
          posted = true;
          // a host that cannot post ends the run with its error rather than leave it asleep for ever
          try {
            tasks.post(step);
          } catch (e) {
            finish(e);
          }
        }
      };
      /** Arranges the next step: a macrotask if work is ready, else a host timer for the next deadline. */
      const arm = () => {
        const core = this.#core;
        const ready = core.readyCount() > 0;
        if (ready || (this.#virtual && core.timerCount() > 0 && this.#ioBusy === 0)) {
          posted = true;
          if (!ready && this.#ioOpen > 0) {
            // a virtual jump with host connections open goes after the host's turn
            this.#ioTurned = true;
            const turn = this._ioTurn;
            if (turn !== null) {
              turn(step);
              return;
            }
          }
          tasks.post(step);
          return;
        }
        const next = core.nextDeadline();
        if (next !== Infinity && !this.#virtual) {
          const ms = Math.min(Math.max(0, Math.ceil((next - this.time()) * 1000)), MAX_SLEEP_MS);
          timer = host.setTimeout(step, ms);
        }
        this.#wake = wake;
      };
      const step = () => {
        posted = false;
        this.#wake = null;
        timer = null;
        try {
          this.#iterate();
          if (!this.#stopping) {
            arm();
            return;
          }
        } catch (e) {
          // the host failed to post a macrotask or arm a timer: the run ends, the loop stays usable
          finish(e);
          return;
        }
        finish();
      };
      step();
    });
  }

  /**
   * Runs one iteration and returns; never waits. For hosts that own the clock and the
   * thread (plugin hosts, game ticks, tests): call it when `time() >= nextWakeup()`.
   * On a virtual clock with nothing ready, the iteration first jumps to the next deadline.
   * @example
   * function tick() { if (loop.time() >= loop.nextWakeup()) loop.runOnce(); }
   */
  runOnce(): void {
    this._checkRunnable();
    this.#running = true;
    // the host called us from its own tick: it had its turn
    this.#ioTurned = true;
    try {
      this.#iterate();
    } finally {
      this.#running = false;
      this.#stopping = false;
    }
  }

  /** The loop time at which work is next due: `time()` if callbacks are ready, the earliest timer's deadline, or Infinity. */
  nextWakeup(): number {
    if (this.#core.readyCount() > 0) return this.time();
    return this.#core.nextDeadline();
  }

  /** Stops the run after the current iteration (before a run: the next run does one iteration). */
  stop(): void {
    this.#stopping = true;
    if (this.#wake !== null) this.#wake();
  }

  /** Closes the loop: pending callbacks and timers are dropped. Idempotent; throws RuntimeError while running. */
  close(): void {
    if (this.#running) throw new RuntimeError("Cannot close a running event loop");
    if (this.#closed) return;
    this.#closed = true;
    // tasks still pending now are held weakly from here on: collected, they are reported
    // (before the tables go: a task that never waited is found by its step in the ready queue)
    if (this._taskRegistry !== null) this._taskRegistry.ageAll(this);
    this.#core.clear();
    this.#core = CLOSED_CORE;
    const own = this.#ownCore;
    this.#ownCore = null;
    if (own !== null && this.#tracer === null) this.#leave(own);
    this.#fns = [];
    this.#args = [];
    this.#ctxs = [];
    this.#ctxPending = 0;
    this.#whens = [];
  }

  /** close(): leaves the cleared core and the emptied tables to the next loop (see Leftovers) */
  #leave(core: WasmCore): void {
    const fns = this.#fns;
    if (typeof WeakRef !== "function" || fns.length > LEFTOVER_MAX_SLOTS || core.memoryBytes() > LEFTOVER_MAX_BYTES) return;
    // pending calls dropped by close() leave their callbacks, arguments and contexts behind
    fns.fill(undefined);
    this.#args.fill(undefined);
    this.#ctxs.fill(undefined);
    leftovers = new WeakRef({ core, fns, args: this.#args, ctxs: this.#ctxs, whens: this.#whens });
  }

  /** True while a run (runForever, runUntilComplete(Sync), runOnce) is in progress. */
  isRunning(): boolean {
    return this.#running;
  }

  /** True once close() was called. */
  isClosed(): boolean {
    return this.#closed;
  }

  /** Sets the handler called as `handler(loop, context)` for errors the loop cannot raise to anyone; `null` restores the default. */
  setExceptionHandler(handler: ExceptionHandler | null): void {
    if (handler !== null && typeof handler !== "function") {
      throw new TypeError(`setExceptionHandler: handler must be a function or null, got ${describe(handler)}`);
    }
    this.#handler = handler;
    this.#keepHandles = handler !== null || this.#debug || this.#tracer !== null;
  }

  /** The handler set by setExceptionHandler, or null for the default one. */
  getExceptionHandler(): ExceptionHandler | null {
    return this.#handler;
  }

  /**
   * Reports an error through the exception handler (or the default one). Never throws. A
   * custom handler runs in the context of the task the report is about (`context.task`, or
   * a Task as `context.future`), as asyncio 3.12's does.
   * @example
   * loop.callExceptionHandler({ message: "lost connection", exception: err });
   */
  callExceptionHandler(context: ExceptionContext): void {
    if (context === null || typeof context !== "object") {
      throw new TypeError(`callExceptionHandler: context must be an object, got ${describe(context)}`);
    }
    if (this.#handler === null) {
      try {
        this.defaultExceptionHandler(context);
      } catch (e) {
        logError("Exception in default exception handler", e);
      }
      return;
    }
    try {
      // as asyncio 3.12: in the context of the task (or future, or handle) the report is about
      const about = (context.task ?? context.future ?? context.handle) as { getContext?: () => unknown } | undefined;
      const ctx = typeof about?.getContext === "function" ? about.getContext() : undefined;
      if (ctx instanceof Context) ctx.run(this.#handler, this as unknown as EventLoop, context);
      else this.#handler(this as unknown as EventLoop, context);
    } catch (exc) {
      try {
        this.defaultExceptionHandler({ message: "Unhandled error in exception handler", exception: exc, context });
      } catch (e) {
        logError("Exception in default exception handler while handling an unexpected error in custom exception handler", e);
      }
    }
  }

  /**
   * Logs the context to the console: the message, the other keys, and the exception's stack.
   * A `source_traceback` (debug mode: where the object was made) is printed as asyncio prints
   * it, "Object created at (most recent call last):" and a frame per line.
   */
  defaultExceptionHandler(context: ExceptionContext): void {
    const lines = [context.message || "Unhandled exception in event loop"];
    for (const key of Object.keys(context).sort()) {
      if (key === "message" || key === "exception") continue;
      const value = context[key];
      if ((key === "source_traceback" || key === "handle_traceback") && Array.isArray(value)) {
        const what = key === "source_traceback" ? "Object" : "Handle";
        lines.push(`${key}: ${what} created at (most recent call last):`);
        for (const f of value as CallFrame[]) lines.push(`  ${formatFrame(f)}`);
        continue;
      }
      lines.push(`${key}: ${reprValue(value)}`);
    }
    const exc = context.exception;
    if (exc !== undefined && exc !== null) lines.push(exc instanceof Error && exc.stack ? exc.stack : String(exc));
    logError(lines.join("\n"));
  }

  /**
   * Turns asyncio's debug mode on or off: callbacks slower than `slowCallbackDuration` are
   * reported ("Executing <Handle tick()> took 0.150 seconds"), coroutine-like Futures collected
   * without being awaited are reported ("coroutine 'sleep' was never awaited"), both through the
   * exception handler; Futures, Tasks and Handles made meanwhile remember where, and reports
   * about them carry it as `source_traceback`; cancelled handles keep their repr.
   * @example
   * loop.setDebug(true);
   * loop.slowCallbackDuration = 0.05;   // report callbacks over 50 ms
   */
  setDebug(on: boolean): void {
    this._debug = this.#debug = Boolean(on);
    this.#keepHandles = this.#handler !== null || this.#debug || this.#tracer !== null;
  }

  /** True in debug mode. */
  getDebug(): boolean {
    return this.#debug;
  }

  /**
   * Starts recording a trace of this loop (beyond asyncio): every callback and every task step
   * from the next iteration on, in loop time, until stopTrace(). RuntimeError if a trace is
   * already being recorded or the loop is closed. While no trace runs, tracing costs one
   * check per iteration.
   * @example
   * const loop = new EventLoop({ clock: "virtual" });
   * loop.startTrace();
   * loop.runUntilCompleteSync(main());
   * const trace = loop.stopTrace();   // open JSON.stringify(trace) in ui.perfetto.dev
   */
  startTrace(): void {
    this._checkClosed();
    if (this.#tracer !== null) throw new RuntimeError("startTrace: this loop is already recording a trace; call stopTrace() first");
    const tracer = new Tracer(this.#virtual, runHandle);
    this.#tracer = tracer;
    this.#core = new TracingCore(this.#core, tracer);
    this.#keepHandles = true; // the trace names a call by its Handle
  }

  /**
   * Stops the trace and returns it in Chrome's Trace Event Format (`{ traceEvents: [...] }`,
   * JSON-serialisable): one track per Task, named for it, with a slice per step; a track for
   * plain callbacks; flow arrows from a Future's completion to the step it wakes (and from a
   * task's creation to its first step, from a timer's arming to its callback); counters of the
   * ready callbacks and pending timers. Timestamps are loop time in µs (see trace.ts for how one
   * virtual instant is laid out). RuntimeError if no trace is being recorded. Works on a closed loop.
   * @example
   * const trace = loop.stopTrace();
   * writeFileSync("trace.json", JSON.stringify(trace));   // ui.perfetto.dev or chrome://tracing
   * writeFileSync("trace.svg", traceToSvg(trace));
   */
  stopTrace(): Trace {
    const tracer = this.#tracer;
    if (tracer === null) throw new RuntimeError("stopTrace: no trace is being recorded (call startTrace() first)");
    this.#tracer = null;
    // (a loop closed during the trace has CLOSED_CORE in place of the TracingCore)
    if (this.#core instanceof TracingCore) this.#core = this.#core.inner;
    this.#keepHandles = this.#handler !== null || this.#debug;
    return tracer.finish(this.time());
  }

  /** `using loop = new EventLoop()`: closes the loop at the end of the block. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** `<EventLoop idle clock=virtual debug=false>`: state, clock and debug mode. */
  toString(): string {
    return `<EventLoop #${this.#number} ${this.#running ? "running" : this.#closed ? "closed" : "idle"} clock=${this.#virtual ? "virtual" : "real"} debug=${this.#debug}>`;
  }

  /** Node's `util.inspect` shows toString(). */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** @internal the host's capabilities, resolved (io/ reads the injected ones) */
  get _host(): Host {
    return this.#host;
  }

  /** @internal RuntimeError if the loop is closed */
  _checkClosed(): void {
    if (this.#closed) throw new RuntimeError("Event loop is closed");
  }

  /** @internal RuntimeError unless a run may start now */
  _checkRunnable(): void {
    this._checkClosed();
    if (this.#running) throw new RuntimeError("This event loop is already running");
    // another loop's callback is on the stack (asyncio: one running loop per thread);
    // loops that run asynchronously side by side, each in its own host macrotasks, are fine
    const other = onStack;
    if (other !== null && other !== this) {
      throw new RuntimeError("Cannot run the event loop while another loop is running");
    }
  }

  #iterate(): boolean {
    const prev = onStack;
    onStack = this;
    try {
      return this.#runOnce();
    } finally {
      onStack = prev;
    }
  }

  /**
   * One iteration: the only place that calls callbacks. Returns false, having done nothing,
   * when a virtual clock finds the loop idle (nothing ready, no timer): no callback can ever
   * run again unless someone outside the loop schedules one.
   *
   * One call into the core starts the iteration (core.iterate: the virtual clock's jump, due
   * timers to the ready ring, the snapshot, its first chunk); a snapshot larger than CHUNK
   * costs one take() per further chunk. The last chunk stays handed over until the next
   * iterate frees it.
   *
   * Contexts: the iteration runs with a fresh empty context current (the caller's is put
   * back at the end); a callback with a stored context runs in it (#runIn), and one without
   * costs one check that it left the context as it found it (plus one array read when some
   * pending callback has a context: #ctxPending).
   */
  #runOnce(): boolean {
    const core = this.#core;
    let first: number;
    if (this.#virtual) {
      // never past a deadline while host I/O may still deliver (see "Virtual time and host I/O")
      const mode = this.#stopping ? ITER_NOW : this.#ioBusy > 0 || (this.#ioOpen > 0 && !this.#ioTurned) ? ITER_HOLD : ITER_JUMP;
      first = core.iterate(this.#now, CLOCK_RESOLUTION, mode);
      if (first < 0) return false;
      this.#now = core.time();
    } else {
      first = core.iterate(this.#host.now!() / 1000, CLOCK_RESOLUTION, ITER_NOW);
    }
    this.#ioTurned = false;
    const iteration = ++this._iteration;
    const tasks = this._taskRegistry;
    if (tasks !== null && tasks.held !== 0) tasks.age(iteration);
    const cs = contextState;
    // the usual case: the caller's context is the fresh empty one callbacks start from, and
    // every callback leaves it so; otherwise switch to it and put the caller's back after
    if (cs.current === null && cs.pending === EMPTY && cs.owner === null) {
      this.#dispatch(core, first);
      return true;
    }
    const outerCurrent = cs.current;
    const outerPending = cs.pending;
    const outerOwner = cs.owner;
    // the caller's context stays entered (it is further up the stack) and comes back at the end
    cs.current = null;
    cs.pending = EMPTY;
    cs.owner = null;
    try {
      this.#dispatch(core, first);
    } finally {
      const left = cs.current as Context | null; // (TS narrowed it to null above)
      if (left !== null && left !== outerCurrent) left._entered = false;
      cs.current = outerCurrent;
      cs.pending = outerPending;
      cs.owner = outerOwner;
    }
    return true;
  }

  /**
   * #runOnce's pass over the ready callbacks, with the fresh empty context current: `n` slots
   * are in the core's chunk now, and core.take() hands over the rest of the snapshot.
   */
  #dispatch(core: SchedulerCore, n: number): void {
    // the one check tracing costs while it is off
    if (this.#tracer !== null) {
      this.#dispatchTraced(core, this.#tracer, n);
      return;
    }
    const batch = this.#batch;
    const debug = this.#debug;
    const cs = contextState;
    // the callbacks of this iteration were all scheduled before it: if none had a context
    // then, none has one now (callbacks scheduled meanwhile wait for the next iteration)
    const withCtx = this.#ctxPending !== 0;
    for (;;) {
      // copied out: a callback that grows the core's memory detaches the chunk's view
      const chunk = core.chunk();
      for (let i = 0; i < n; i++) batch[i] = chunk[i];
      for (let i = 0; i < n; i++) {
        const slot = batch[i];
        // read again for each callback: the one before may have replaced a table (grownTable)
        const fns = this.#fns;
        const fn = fns[slot];
        if (fn === undefined) continue; // cancelled after it was handed over
        const args = this.#args;
        const arg = args[slot];
        fns[slot] = undefined;
        if (arg !== undefined) args[slot] = undefined;
        if (withCtx) {
          const ctxs = this.#ctxs;
          const ctx = ctxs[slot];
          if (ctx !== undefined) {
            ctxs[slot] = undefined;
            this.#ctxPending--;
            this.#runIn(ctx, fn, arg, slot);
            continue;
          }
        }
        if (debug) {
          this.#runTimed(fn, arg, slot);
        } else {
          try {
            if (arg === NO_ARG || arg === NO_TIMER_ARG) (fn as () => void)();
            else fn(arg);
          } catch (e) {
            this.#callbackFailed(e, fn, arg, slot);
          }
        }
        // a variable set by the callback made the fresh context an object: drop it
        if (cs.current !== null) _resetToEmpty();
      }
      if (core.unhanded() === 0) return;
      n = core.take();
    }
  }


  /**
   * #dispatch while a trace is recorded: the same pass, with each callback a slice
   * (trace.ts). Keep the two in step: the order of callbacks, contexts and error handling
   * are #dispatch's.
   */
  #dispatchTraced(core: SchedulerCore, tracer: Tracer, n: number): void {
    const batch = this.#batch;
    const cs = contextState;
    tracer.iteration(this.time(), n + core.unhanded(), core.timerCount());
    const withCtx = this.#ctxPending !== 0;
    for (;;) {
      const chunk = core.chunk();
      for (let i = 0; i < n; i++) batch[i] = chunk[i];
      for (let i = 0; i < n; i++) {
        const slot = batch[i];
        const fns = this.#fns; // read again per callback, as #dispatch does
        const fn = fns[slot];
        if (fn === undefined) continue;
        const args = this.#args;
        const arg = args[slot];
        fns[slot] = undefined;
        if (arg !== undefined) args[slot] = undefined;
        let ctx: Captured | undefined;
        if (withCtx) {
          const ctxs = this.#ctxs;
          ctx = ctxs[slot];
          if (ctx !== undefined) {
            ctxs[slot] = undefined;
            this.#ctxPending--;
          }
        }
        // a no-argument call whose Handle the loop did not keep (made before the trace began)
        // is named as its Handle would be; a one-argument one is named by its function
        if (arg === NO_ARG || arg === NO_TIMER_ARG) tracer.begin(slot, runHandle, this.#handleOf(fn, arg, slot), this.time());
        else tracer.begin(slot, fn, arg, this.time());
        try {
          if (ctx !== undefined) {
            this.#runIn(ctx, fn, arg, slot);
          } else {
            if (this.#debug) {
              this.#runTimed(fn, arg, slot);
            } else {
              try {
                if (arg === NO_ARG || arg === NO_TIMER_ARG) (fn as () => void)();
                else fn(arg);
              } catch (e) {
                this.#callbackFailed(e, fn, arg, slot);
              }
            }
            if (cs.current !== null) _resetToEmpty();
          }
        } finally {
          tracer.end(this.time());
        }
      }
      if (core.unhanded() === 0) break;
      n = core.take();
    }
    tracer.iteration(this.time(), core.readyCount(), core.timerCount());
  }

  /** Runs a callback in its stored context: a fresh copy of a Data snapshot, or a Context itself. */
  #runIn(ctx: Captured, fn: Callback, arg: unknown, slot: number): void {
    try {
      _enter(ctx);
    } catch (e) {
      // a Context that is already entered: asyncio's Context.run raises, the handle fails
      this.#callbackFailed(e, fn, arg, slot);
      return;
    }
    try {
      if (this.#debug) {
        this.#runTimed(fn, arg, slot);
      } else {
        try {
          if (arg === NO_ARG || arg === NO_TIMER_ARG) (fn as () => void)();
          else fn(arg);
        } catch (e) {
          this.#callbackFailed(e, fn, arg, slot);
        }
      }
    } finally {
      _resetToEmpty();
    }
  }

  #runTimed(fn: Callback, arg: unknown, slot: number): void {
    const now = this.#host.now;
    const t0 = now === null ? 0 : now();
    try {
      if (arg === NO_ARG || arg === NO_TIMER_ARG) (fn as () => void)();
      else fn(arg);
    } catch (e) {
      this.#callbackFailed(e, fn, arg, slot);
    }
    const dt = now === null ? 0 : (now() - t0) / 1000;
    if (dt >= this.slowCallbackDuration) {
      // asyncio logs this; here it goes through the exception handler. A task's step is named
      // by the task, as asyncio's _format_handle does.
      const stepped = _taskOfCallback(fn, arg);
      const handle = this.#handleOf(fn, arg, slot);
      const context: ExceptionContext = {
        message: `Executing ${stepped !== null ? stepped[0] : handle} took ${dt.toFixed(3)} seconds`,
        handle,
      };
      if (stepped !== null) context.task = stepped[0];
      this.callExceptionHandler(context);
    }
  }

  #callbackFailed(exception: unknown, fn: Callback, arg: unknown, slot: number): void {
    const handle = this.#handleOf(fn, arg, slot);
    const cb = formatCallback(handle._callback, handle._args);
    const context: ExceptionContext = { message: `Exception in callback ${cb}`, exception, handle };
    // debug mode: where the call was scheduled (asyncio's Handle adds its source_traceback;
    // a context passed to callExceptionHandler directly is left as it is given)
    if (this.#debug) {
      const tb = _sourceTraceback(handle);
      if (tb !== undefined) context.source_traceback = tb;
    }
    this.callExceptionHandler(context);
  }

  /**
   * The public Handle of a dispatched entry: the one kept in the slot, or, for a call whose
   * Handle the loop did not keep (and for internal callbacks), an equal one made now.
   */
  #handleOf(fn: Callback, arg: unknown, slot: number): Handle {
    if (fn === runHandle) return arg as Handle;
    if (arg === NO_ARG) return new Handle(fn, NO_ARGS, this);
    if (arg === NO_TIMER_ARG) return new TimerHandle(this.#whens[slot], fn, NO_ARGS, this);
    return new Handle(fn, [arg], this);
  }
}

/**
 * The context a Handle call runs in: a trailing `{ context }` (taken off `args`), else the
 * current context's snapshot.
 */
function contextOf(args: unknown[]): Captured | undefined {
  return isContextOption(args[args.length - 1]) ? (args.pop() as { context: Context }).context : _capture();
}

/** The context of an id call's options (none: the current one's snapshot); TypeError unless `{ context?: Context }`. */
function optionContext(where: string, options: CallOptions | undefined): Captured | undefined {
  if (options === undefined) return _capture();
  if (options === null || typeof options !== "object") {
    throw new TypeError(`${where}: options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== "context") throw new TypeError(`${where}: unknown option ${JSON.stringify(key)} (known: context)`);
  }
  return checkContext(where, options.context) ?? _capture();
}

function reprValue(v: unknown): string {
  if (typeof v === "string") return `'${v}'`;
  if (v !== null && typeof v === "object" && !Array.isArray(v) && String(v) === "[object Object]") {
    try {
      return JSON.stringify(v);
    } catch {
      return "[object]";
    }
  }
  return String(v);
}

function logError(...parts: unknown[]): void {
  const c = (globalThis as any).console;
  if (c && typeof c.error === "function") c.error(...parts);
}


