// The floor under the Handle and id rows that the targets leave open: W2 in its
// steady state (10⁴ pending timers, each firing schedules the next; one timer per
// iteration) and W1 in batches (1,000 callSoon, then one iteration; 1,000 times). One row
// per scheduler, each in a process of its own (floor-lib.mjs runRows), the workloads exactly
// bench/'s:
//   typed          bench/lib/typed-scheduler.mjs: the scheduler in plain JS (the issue's
//                  comparison: ids ≤ 1.0×, Handles ≤ 1.3× of this row)
//   typed-handles  + a handle object per schedule (bench/impl/typed-heap.mjs "handles")
//   core           wasmloop's own wasm core (heap, ready ring, slot table in linear memory)
//                  behind the thinnest glue that runs it correctly: at()/soon() and one
//                  iterate() per iteration through the same WasmCore the loop uses, the
//                  callbacks in one JS array by slot — no argument checks, no contexts, no
//                  error handling, no Handles: what the boundary and the core cost alone
//   api            core + what the id API owes its caller per call and per iteration (checks,
//                  the running-loop mark, try/catch per callback, contexts): the id API's floor
//   core-handles   core + wasmloop's own TimerHandle/Handle made per schedule
//   ids            wasmloop: callLaterId / callSoonId
//   handles        wasmloop: callLater / callSoon
// "w2-" rows are W2 steady 10⁴ (ns per firing), "w1-" rows W1 in batches (ns per callback).
// The handle rows drop the handle as bench/ does; where the whole schedule call is inlined
// into its caller, V8 may not allocate it at all (escape analysis).
//
//   node --expose-gc bench/experiments/timer-floor.mjs [row,row...]
import { fileURLToPath } from "node:url";
import { EventLoop } from "../../dist/index.js"; // also registers the scheduler's bytes
import { createWasmCore } from "../../dist/core/wasm.js";
import { Handle, TimerHandle } from "../../dist/handles.js";
import { ITER_JUMP, MAX_SLOTS } from "../../dist/core/layout.js";
import { TypedScheduler } from "../lib/typed-scheduler.mjs";
import { HandleScheduler } from "../impl/typed-heap.mjs";
import { expectEqual } from "../lib/harness.mjs";
import { DELAYS, DELAY_MASK } from "../lib/delays.mjs";
import * as P from "../lib/params.mjs";
import { runRows } from "./floor-lib.mjs";

const SLOT_MASK = MAX_SLOTS - 1;
const PENDING = 10_000;
const NO_ARGS = Object.freeze([]);
const NOT_A_LOOP = Object.freeze({});

/**
 * The wasm core behind the thinnest correct glue: soon/at/runOnce, as TypedScheduler's (a
 * call cancelled after the handover is skipped, as TypedScheduler skips it too).
 */
class CoreScheduler {
  now = 0;
  core = createWasmCore();
  fns = new Array(1 << 17);
  batch = new Int32Array(1024);

  soon(fn) {
    const id = this.core.soon();
    this.fns[id & SLOT_MASK] = fn;
    return id;
  }

  at(when, fn) {
    const id = this.core.at(when);
    this.fns[id & SLOT_MASK] = fn;
    return id;
  }

  runOnce() {
    const { core, fns, batch } = this;
    let n = core.iterate(this.now, 1e-9, ITER_JUMP);
    if (n < 0) return;
    this.now = core.time();
    for (;;) {
      // copied out, as the loop does: a callback that grows the memory detaches the view
      const chunk = core.chunk();
      for (let i = 0; i < n; i++) batch[i] = chunk[i];
      for (let i = 0; i < n; i++) {
        const slot = batch[i];
        const fn = fns[slot];
        if (fn === undefined) continue; // cancelled after the handover
        fns[slot] = undefined;
        this.call(fn);
      }
      if (core.unhanded() === 0) return;
      n = core.take();
    }
  }

  /** runs one callback (one row per process: the call site stays monomorphic and is inlined) */
  call(fn) {
    fn();
  }
}

/**
 * The core behind glue that also does what the id API owes its caller on each call and each
 * iteration, written as cheaply as I could: the call refuses a closed loop, a delay that is
 * not a finite number and a callback that is not a function, and notes the caller's context
 * when one was ever set (one flag load here, as wasmloop's); the iteration marks the running
 * loop (try/finally), runs each callback in try/catch (an exception goes to a handler, the
 * iteration goes on) and drops a context the callback left behind. Left out: debug mode,
 * tracing, the task registry, I/O's clock modes.
 */
const contextFloor = { used: false, current: null };
let runningFloor = null;
class CoreApiScheduler extends CoreScheduler {
  closed = false;
  failures = 0;

  soon(fn) {
    if (this.closed) throw new Error("soon: the loop is closed");
    if (typeof fn !== "function") throw new TypeError("soon: callback must be a function");
    const id = this.core.soon();
    if (id < 0) throw new RangeError("soon: too many pending callbacks");
    this.fns[id & SLOT_MASK] = fn;
    if (contextFloor.used) this.keepContext(id);
    return id;
  }

  at(when, fn) {
    if (this.closed) throw new Error("at: the loop is closed");
    if (typeof when !== "number" || !Number.isFinite(when)) throw new TypeError("at: when must be a finite number");
    if (typeof fn !== "function") throw new TypeError("at: callback must be a function");
    const id = this.core.at(when);
    if (id < 0) throw new RangeError("at: too many pending callbacks");
    this.fns[id & SLOT_MASK] = fn;
    if (contextFloor.used) this.keepContext(id);
    return id;
  }

  keepContext() {
    throw new Error("no context is ever set in these workloads");
  }

  runOnce() {
    const prev = runningFloor;
    runningFloor = this;
    try {
      super.runOnce();
    } finally {
      runningFloor = prev;
    }
  }

  call(fn) {
    try {
      fn();
    } catch {
      this.failures++;
    }
    if (contextFloor.current !== null) contextFloor.current = null;
  }
}

/** The same, returning wasmloop's own Handle / TimerHandle from each schedule. */
class CoreHandleScheduler extends CoreScheduler {
  soon(fn) {
    return new Handle(fn, NO_ARGS, NOT_A_LOOP, super.soon(fn));
  }

  at(when, fn) {
    return new TimerHandle(when, fn, NO_ARGS, NOT_A_LOOP, super.at(when, fn));
  }
}

let count = 0;
const tick = () => {
  count++;
};

/** W2 steady on a scheduler with now/at/runOnce: filled once, P.W2_FIRINGS firings a run. */
function steadyOn(Scheduler) {
  let s = null;
  let target = 0;
  return {
    ops: P.W2_FIRINGS,
    setup: () => {
      if (s === null) {
        s = new Scheduler();
        let j = PENDING;
        const fire = () => {
          count++;
          s.at(s.now + DELAYS[j++ & DELAY_MASK], fire);
        };
        for (let i = 0; i < PENDING; i++) s.at(s.now + DELAYS[i], fire);
      }
      target = count + P.W2_FIRINGS;
      return s;
    },
    run: (s) => {
      while (count < target) s.runOnce();
    },
    check: () => expectEqual("timers fired", count >= target && count <= target + 10, true),
  };
}

/** W2 steady on wasmloop, as bench/impl/wasmloop.mjs's steady(). */
function steadyOnLoop(ids) {
  let s = null;
  return {
    ops: P.W2_FIRINGS,
    setup: () => {
      if (s === null) {
        const loop = new EventLoop({ clock: "virtual" });
        const later = ids ? (d, fn) => loop.callLaterId(d, fn) : (d, fn) => loop.callLater(d, fn);
        s = { loop, fut: null, target: 0 };
        let j = PENDING;
        const fire = () => {
          if (++count === s.target) s.fut.setResult(null);
          later(DELAYS[j++ & DELAY_MASK], fire);
        };
        for (let i = 0; i < PENDING; i++) later(DELAYS[i], fire);
      }
      s.target = count + P.W2_FIRINGS;
      s.fut = s.loop.createFuture();
      return s;
    },
    run: ({ loop, fut }) => loop.runUntilCompleteSync(fut),
    check: () => expectEqual("timers fired", count >= s.target && count <= s.target + 10, true),
  };
}

/** W1 in batches on a scheduler with soon/runOnce. */
function batchesOn(Scheduler) {
  return {
    ops: P.W1_BATCH * P.W1_BATCHES,
    setup: () => ((count = 0), new Scheduler()),
    run: (s) => {
      for (let b = 0; b < P.W1_BATCHES; b++) {
        for (let i = 0; i < P.W1_BATCH; i++) s.soon(tick);
        s.runOnce();
      }
    },
    check: () => expectEqual("callbacks run", count, P.W1_BATCH * P.W1_BATCHES),
  };
}

/** W1 in batches on wasmloop, as bench/impl/wasmloop.mjs's W1.steady. */
function batchesOnLoop(ids) {
  const soon = ids ? (loop, fn) => loop.callSoonId(fn) : (loop, fn) => loop.callSoon(fn);
  return {
    ops: P.W1_BATCH * P.W1_BATCHES,
    setup: () => ((count = 0), new EventLoop({ clock: "virtual" })),
    run: (loop) => {
      for (let b = 0; b < P.W1_BATCHES; b++) {
        for (let i = 0; i < P.W1_BATCH; i++) soon(loop, tick);
        loop.runOnce();
      }
    },
    check: (loop) => (expectEqual("callbacks run", count, P.W1_BATCH * P.W1_BATCHES), loop.close()),
  };
}

const rows = {
  "w2-typed": { label: "W2 steady 10⁴  typed          ", measure: steadyOn(TypedScheduler) },
  "w2-typed-handles": { label: "W2 steady 10⁴  typed-handles  ", measure: steadyOn(HandleScheduler) },
  "w2-core": { label: "W2 steady 10⁴  core           ", measure: steadyOn(CoreScheduler) },
  "w2-api": { label: "W2 steady 10⁴  core + id API  ", measure: steadyOn(CoreApiScheduler) },
  "w2-core-handles": { label: "W2 steady 10⁴  core-handles   ", measure: steadyOn(CoreHandleScheduler) },
  "w2-ids": { label: "W2 steady 10⁴  wasmloop ids   ", measure: steadyOnLoop(true) },
  "w2-handles": { label: "W2 steady 10⁴  wasmloop       ", measure: steadyOnLoop(false) },
  "w1-typed": { label: "W1 batches     typed          ", measure: batchesOn(TypedScheduler) },
  "w1-typed-handles": { label: "W1 batches     typed-handles  ", measure: batchesOn(HandleScheduler) },
  "w1-core": { label: "W1 batches     core           ", measure: batchesOn(CoreScheduler) },
  "w1-api": { label: "W1 batches     core + id API  ", measure: batchesOn(CoreApiScheduler) },
  "w1-core-handles": { label: "W1 batches     core-handles   ", measure: batchesOn(CoreHandleScheduler) },
  "w1-ids": { label: "W1 batches     wasmloop ids   ", measure: batchesOnLoop(true) },
  "w1-handles": { label: "W1 batches     wasmloop       ", measure: batchesOnLoop(false) },
};

runRows(fileURLToPath(import.meta.url), rows, "op");
