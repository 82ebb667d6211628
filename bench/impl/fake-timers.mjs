// @sinonjs/fake-timers: what test authors use for virtual time. A clock from
// FakeTimers.withGlobal(globalThis).createClock() (so setTimeout returns a Node-style
// Timeout-like object, as under `install()`), driven by runAll() / next(). Delays are whole
// milliseconds (fake-timers truncates them): the same pseudo-random delays as the other
// implementations, in ms. setImmediate stands in for callSoon.
//
// fake-timers costs 2-15 µs per timer, so it runs every workload at a tenth of the size
// (100k callbacks or timers, W2_FIRINGS / 10 firings, no 10⁶ steady state): a million
// timers would take the whole five-minute budget. Its per-timer cost only grows with size
// (its heap is a binary heap of objects), so the numbers flatter it slightly.
import FakeTimers from "@sinonjs/fake-timers";
import { expectEqual, gc, measure } from "../lib/harness.mjs";
import { DELAYS_MS, DELAY_MASK } from "../lib/delays.mjs";
import * as P from "../lib/params.mjs";

const { createClock } = FakeTimers.withGlobal(globalThis);
/** runAll() gives up after loopLimit timers (default 1000): allow the workloads' millions */
const LOOP_LIMIT = 1e8;
const newClock = () => createClock(0, LOOP_LIMIT);
const N = P.W2_N / 10;
const BATCHES = P.W1_BATCHES / 10;
const FIRINGS = P.W2_FIRINGS / 10;

let count = 0;
const tick = () => {
  count++;
};

export function workloads() {
  return {
    "W1.once": () =>
      measure({
        ops: N,
        reps: 3,
        setup: () => ((count = 0), newClock()),
        run: (clock) => {
          for (let i = 0; i < N; i++) clock.setImmediate(tick);
          clock.runAll();
        },
        check: () => expectEqual("callbacks run", count, N),
      }),

    "W1.steady": () =>
      measure({
        ops: P.W1_BATCH * BATCHES,
        reps: 3,
        setup: () => ((count = 0), newClock()),
        run: (clock) => {
          for (let b = 0; b < BATCHES; b++) {
            for (let i = 0; i < P.W1_BATCH; i++) clock.setImmediate(tick);
            clock.runAll();
          }
        },
        check: () => expectEqual("callbacks run", count, P.W1_BATCH * BATCHES),
      }),

    "W2.once": () =>
      measure({
        ops: N,
        reps: 3,
        setup: () => ((count = 0), newClock()),
        run: (clock) => {
          for (let i = 0; i < N; i++) clock.setTimeout(tick, DELAYS_MS[i]);
          clock.runAll();
        },
        check: () => expectEqual("timers fired", count, N),
      }),

    ...Object.fromEntries(P.W2_SWEEP.filter((n) => n < 1_000_000).map((n) => [`W2.steady.${n}`, () => steady(n)])),

    "W3.cancel": () =>
      measure({
        ops: N,
        reps: 3,
        setup: () => ((count = 0), { clock: newClock(), timers: new Array(N) }),
        run: ({ clock, timers }) => {
          for (let i = 0; i < N; i++) timers[i] = clock.setTimeout(tick, DELAYS_MS[i]);
          for (let i = 0; i < N; i++) clock.clearTimeout(timers[i]);
          clock.runAll();
        },
        check: ({ clock }) => expectEqual("pending after", clock.countTimers(), 0),
      }),

    "W3.half": () =>
      measure({
        ops: N,
        reps: 3,
        setup: () => ((count = 0), { clock: newClock(), timers: new Array(N) }),
        run: ({ clock, timers }) => {
          for (let i = 0; i < N; i++) timers[i] = clock.setTimeout(tick, DELAYS_MS[i]);
          for (let i = 0; i < N; i += 2) clock.clearTimeout(timers[i]);
          clock.runAll();
        },
        check: () => expectEqual("timers fired", count, N / 2),
      }),

    "W4.bytes": () => {
      const samples = [];
      for (let r = 0; r < 3; r++) {
        const clock = newClock();
        gc();
        gc();
        const heap0 = process.memoryUsage().heapUsed;
        for (let i = 0; i < P.W4_N; i++) clock.setTimeout(tick, DELAYS_MS[i]);
        gc();
        gc();
        samples.push((process.memoryUsage().heapUsed - heap0) / P.W4_N);
        expectEqual("pending", clock.countTimers(), P.W4_N);
      }
      samples.sort((a, b) => a - b);
      return { value: samples[1], unit: "B", reps: samples.length, ops: P.W4_N };
    },
  };
}

export const notes = {
  "all": "a tenth of each workload's size (100k callbacks or timers): a million would take minutes",
  "W1.*": "clock.setImmediate + clock.runAll()",
  "W2.steady.*": "driven by clock.next(), one timer per call; 10⁶ pending not run (filling it alone takes ~10 s)",
};

/** Steady state, as bench/impl/wasmloop.mjs: filled once, then W2_FIRINGS firings per run (clock.next()). */
function steady(n) {
  let clock = null;
  let target = 0;
  return measure({
    ops: FIRINGS,
    reps: 3,
    setup: () => {
      if (clock === null) {
        clock = newClock();
        let j = n;
        const fire = () => {
          count++;
          clock.setTimeout(fire, DELAYS_MS[j++ & DELAY_MASK]);
        };
        count = 0;
        for (let i = 0; i < n; i++) clock.setTimeout(fire, DELAYS_MS[i]);
      }
      target = count + FIRINGS;
      return clock;
    },
    run: (clock) => {
      while (count < target) clock.next();
    },
    check: () => expectEqual("timers fired", count, target),
  });
}
