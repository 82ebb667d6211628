// The typed-array scheduler (bench/lib/typed-scheduler.mjs): the practical limit in JS.
// Variant "handles": the same scheduler behind the smallest objects asyncio's API asks for
// — soon()/at() return a handle with cancel(), cancelled() and (timers) when() — to show
// what returning an object per call costs in plain JS, apart from everything else
// (the floor for wasmloop's Handle API).
import { TypedScheduler, TypedScheduler as PlainScheduler } from "../lib/typed-scheduler.mjs";
import { expectEqual, gc, measure, sleepUntil } from "../lib/harness.mjs";
import { DELAYS, DELAY_MASK, DUE_DELAYS } from "../lib/delays.mjs";
import * as P from "../lib/params.mjs";

let count = 0;
const tick = () => {
  count++;
};

/** asyncio's Handle at its smallest: the callback, the scheduler and the id. */
export class MiniHandle {
  constructor(fn, s, id) {
    this.fn = fn;
    this.s = s;
    this.id = id;
  }
  cancel() {
    if (this.fn === null) return;
    this.s.cancel(this.id);
    this.fn = null;
  }
  cancelled() {
    return this.fn === null;
  }
}

export class MiniTimerHandle extends MiniHandle {
  constructor(when, fn, s, id) {
    super(fn, s, id);
    this.whenAt = when;
  }
  when() {
    return this.whenAt;
  }
}

/** A scheduler whose soon()/at() return handles (the "handles" variant); cancel() takes one. */
export class HandleScheduler extends TypedScheduler {
  soon(fn, arg) {
    return new MiniHandle(fn, this, super.soon(fn, arg));
  }
  at(when, fn, arg) {
    return new MiniTimerHandle(when, fn, this, super.at(when, fn, arg));
  }
}

export function workloads(variant) {
  const handles = variant === "handles";
  const TypedScheduler = handles ? HandleScheduler : PlainScheduler;
  const cancel = handles ? (s, h) => h.cancel() : (s, id) => s.cancel(id);
  const idArray = handles ? (n) => new Array(n) : (n) => new Float64Array(n);
  const all = {
    "W1.once": () =>
      measure({
        ops: P.W1_N,
        warmupOps: P.W1_N / 10,
        setup: (n) => ((count = 0), { s: new TypedScheduler(), n }),
        run: ({ s, n }) => {
          for (let i = 0; i < n; i++) s.soon(tick);
          s.runOnce();
        },
        check: ({ n }) => expectEqual("callbacks run", count, n),
      }),

    "W1.again": () => {
      const s = new TypedScheduler();
      return measure({
        ops: P.W1_N,
        setup: () => ((count = 0), s),
        run: (s) => {
          for (let i = 0; i < P.W1_N; i++) s.soon(tick);
          s.runOnce();
        },
        check: () => expectEqual("callbacks run", count, P.W1_N),
      });
    },

    "W1.steady": () =>
      measure({
        ops: P.W1_BATCH * P.W1_BATCHES,
        setup: () => ((count = 0), new TypedScheduler()),
        run: (s) => {
          for (let b = 0; b < P.W1_BATCHES; b++) {
            for (let i = 0; i < P.W1_BATCH; i++) s.soon(tick);
            s.runOnce();
          }
        },
        check: () => expectEqual("callbacks run", count, P.W1_BATCH * P.W1_BATCHES),
      }),

    "W2.once": () =>
      measure({
        ops: P.W2_N,
        warmupOps: P.W2_N / 10,
        reps: 3,
        setup: (n) => ((count = 0), { s: new TypedScheduler(), n }),
        run: ({ s, n }) => {
          for (let i = 0; i < n; i++) s.at(s.now + DELAYS[i], tick);
          s.runAll();
        },
        check: ({ n }) => expectEqual("timers fired", count, n),
      }),

    "W2.due": () =>
      measure({
        ops: P.W2_N,
        warmupOps: P.W2_N / 10,
        reps: 3,
        setup: (n) => ((count = 0), { s: new TypedScheduler(false), n }),
        run: ({ s, n }) => {
          const t0 = performance.now();
          for (let i = 0; i < n; i++) s.at(performance.now() / 1000 + DUE_DELAYS[i], tick);
          const slept = sleepUntil(t0 + P.DUE_MAX_MS);
          while (s.pending() > 0) {
            s.now = performance.now() / 1000;
            s.runOnce();
          }
          return slept;
        },
        check: ({ n }) => expectEqual("timers fired", count, n),
      }),

    ...Object.fromEntries(P.W2_SWEEP.map((n) => [`W2.steady.${n}`, () => steady(TypedScheduler, n)])),

    "W3.cancel": () =>
      measure({
        ops: P.W3_N,
        warmupOps: P.W3_N / 10,
        reps: 3,
        setup: (n) => ({ s: new TypedScheduler(), ids: idArray(n), n }),
        run: ({ s, ids, n }) => {
          for (let i = 0; i < n; i++) ids[i] = s.at(s.now + DELAYS[i], tick);
          for (let i = 0; i < n; i++) cancel(s, ids[i]);
          s.runOnce();
        },
        check: ({ s }) => expectEqual("pending after", s.pending(), 0),
      }),

    "W3.half": () =>
      measure({
        ops: P.W3_N,
        warmupOps: P.W3_N / 10,
        reps: 3,
        setup: (n) => ((count = 0), { s: new TypedScheduler(), ids: idArray(n), n }),
        run: ({ s, ids, n }) => {
          for (let i = 0; i < n; i++) ids[i] = s.at(s.now + DELAYS[i], tick);
          for (let i = 0; i < n; i += 2) cancel(s, ids[i]);
          s.runAll();
        },
        check: ({ n }) => expectEqual("timers fired", count, n / 2),
      }),

    "W4.bytes": () => {
      const samples = [];
      // Earlier samples' schedulers stay alive: V8 frees ArrayBuffer backing stores on a
      // background thread after GC, and one freed during a sample (a busy machine delays it)
      // would be subtracted from that sample (a run once measured 2 B per timer).
      const kept = [];
      for (let r = 0; r < 3; r++) {
        gc();
        gc();
        const heap0 = process.memoryUsage().heapUsed;
        const ab0 = process.memoryUsage().arrayBuffers;
        const s = new TypedScheduler();
        kept.push(s);
        for (let i = 0; i < P.W4_N; i++) s.at(s.now + DELAYS[i], tick);
        gc();
        gc();
        const mu = process.memoryUsage();
        expectEqual("pending", s.pending(), P.W4_N);
        samples.push((mu.heapUsed - heap0 + mu.arrayBuffers - ab0) / P.W4_N);
      }
      samples.sort((a, b) => a - b);
      return { value: samples[1], unit: "B", reps: samples.length, ops: P.W4_N };
    },
  };
  if (handles) for (const id of ["W1.again", "W2.due"]) delete all[id];
  return all;
}

export const notes = {
  "W5.*": "no tasks: the typed-array scheduler only runs callbacks",
};

/** Steady state, as bench/impl/wasmloop.mjs: filled once, then W2_FIRINGS firings per run. */
function steady(TypedScheduler, n) {
  let s = null;
  let target = 0;
  return measure({
    ops: P.W2_FIRINGS,
    reps: 3,
    setup: () => {
      if (s === null) {
        s = new TypedScheduler();
        let j = n;
        const fire = () => {
          count++;
          s.at(s.now + DELAYS[j++ & DELAY_MASK], fire);
        };
        count = 0;
        for (let i = 0; i < n; i++) s.at(s.now + DELAYS[i], fire);
      }
      target = count + P.W2_FIRINGS;
      return s;
    },
    run: (s) => {
      while (count < target) s.runOnce();
    },
    check: () => expectEqual("timers fired (ties may add one or two)", count >= target && count <= target + 10, true),
  });
}
