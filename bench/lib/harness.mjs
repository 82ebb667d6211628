// Timing: every measurement is a warm-up run followed by `reps` timed runs, each on fresh
// state made by an untimed setup; the result is the median. With --expose-gc a full GC runs
// before every run, so one run's garbage is not collected on the next one's clock.
// setup(n) is told the run's size: `ops` for timed runs, `warmupOps` (default: the same) for
// the warm-up, which only has to get the code optimized, not to repeat a million timers.
import { performance } from "node:perf_hooks";

const gc = typeof globalThis.gc === "function" ? globalThis.gc : () => {};

/**
 * Times `run(state)` after `setup()`; returns ns per operation (median of `reps`). A run
 * may return a number of milliseconds to leave out (time slept until timers were due).
 * @param {{ ops: number, reps?: number, warmup?: number, setup?: () => any, run: (s: any) => void, check?: (s: any) => void }} spec
 */
export function measure(spec) {
  const { ops, reps = 5, warmup = 1, warmupOps = ops, setup = () => undefined, run, check } = spec;
  const times = [];
  for (let r = -warmup; r < reps; r++) {
    const state = setup(r < 0 ? warmupOps : ops);
    gc();
    const t0 = performance.now();
    const excluded = run(state) ?? 0;
    const dt = performance.now() - t0 - excluded;
    if (check) check(state);
    if (r >= 0) times.push(dt);
  }
  return summarize(times, ops);
}

/** measure() for runs that finish asynchronously (host callbacks). */
export async function measureAsync(spec) {
  const { ops, reps = 5, warmup = 1, warmupOps = ops, setup = () => undefined, run, check } = spec;
  const times = [];
  for (let r = -warmup; r < reps; r++) {
    const state = await setup(r < 0 ? warmupOps : ops);
    gc();
    const t0 = performance.now();
    const excluded = (await run(state)) ?? 0;
    const dt = performance.now() - t0 - excluded;
    if (check) check(state);
    if (r >= 0) times.push(dt);
  }
  return summarize(times, ops);
}

function summarize(times, ops) {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const ns = (ms) => (ms * 1e6) / ops;
  return { value: ns(median), unit: "ns", min: ns(sorted[0]), max: ns(sorted[sorted.length - 1]), reps: times.length, ops };
}

/** Throws when a workload did not do what it claims (a wrong count means a wrong number). */
export function expectEqual(what, got, want) {
  if (got !== want) throw new Error(`bench check failed: ${what} = ${got}, expected ${want}`);
}

/** Blocks until performance.now() >= t; returns the milliseconds slept (to leave out of a run). */
export function sleepUntil(t) {
  const left = t - performance.now();
  if (left <= 0) return 0;
  const t0 = performance.now();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, left);
  while (performance.now() < t);
  return performance.now() - t0;
}

export { gc };
