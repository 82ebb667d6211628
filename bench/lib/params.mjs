// The workloads' sizes and their pseudo-random delays. bench/python/params.py mirrors this
// file: both sides must schedule the same timers in the same order.

export const W1_N = 1_000_000;
export const W1_BATCH = 1_000;
export const W1_BATCHES = 1_000;
export const W2_N = 1_000_000;
/** pending counts of the steady-state sweep; 10⁴ is "the" steady state */
export const W2_SWEEP = [100, 1_000, 10_000, 100_000, 1_000_000];
/** firings timed per steady-state run */
export const W2_FIRINGS = 200_000;
export const W3_N = 1_000_000;
export const W4_N = 100_000;
export const W5_SWITCHES = 1_000_000;
export const W5_TASKS = 100_000;
export const W5_GATHER = 10_000;
/** tasks that each wait once on a Future of their own */
export const W5_WAIT = 100_000;
/** W5.tasks and W5.wait again, made and finished this many at a time (W5_TASKS / W5_BATCH rounds) */
export const W5_BATCH = 1_000;
/** the server-like mix: this many tasks, each sleeping W5_SERVER_SLEEPS short delays */
export const W5_SERVER_TASKS = 100_000;
export const W5_SERVER_SLEEPS = 100;
/** pending sleeping tasks whose memory W6 measures */
export const W6_N = 100_000;

const MASK20 = (1 << 20) - 1;

/**
 * A bijection on 0 .. 2**20 - 1 (xor-shifts and odd multiplications mod 2**20 are each
 * invertible), so the first 2**20 delays are distinct and look random.
 */
export function perm20(i) {
  let x = i & MASK20;
  x ^= x >>> 10;
  x = Math.imul(x, 0x2c1b3c6d | 1) & MASK20;
  x ^= x >>> 9;
  x = Math.imul(x, 0x297a2d39) & MASK20;
  x ^= x >>> 11;
  return x;
}

/** The i-th delay in seconds: distinct for i < 2**20, 1 ms .. 1048.576 s, whole milliseconds. */
export function delayOf(i) {
  return (perm20(i) + 1) / 1000;
}

/** The "all due" delays: 1..64 ms in the same pseudo-random order, in seconds. */
export function dueDelayOf(i) {
  return ((perm20(i) & 63) + 1) / 1000;
}
/** Scheduling W2_N timers takes longer than this on any machine, so they are all due when the loop runs. */
export const DUE_MAX_MS = 65;

/** The server mix's i-th delay: 1..100 ms in the same pseudo-random order, in seconds. */
export function shortDelayOf(i) {
  return ((perm20(i) % 100) + 1) / 1000;
}

/** The i-th delay in whole milliseconds (host timers, fake-timers). */
export function delayMsOf(i) {
  return perm20(i) + 1;
}
