// The delays, computed once before anything is timed (a timed loop only reads them).
import { delayMsOf, delayOf, dueDelayOf, shortDelayOf } from "./params.mjs";

export const DELAY_MASK = (1 << 20) - 1;

function table(f) {
  const t = new Float64Array(DELAY_MASK + 1);
  for (let i = 0; i <= DELAY_MASK; i++) t[i] = f(i);
  return t;
}

/** DELAYS[i & DELAY_MASK]: the i-th delay in seconds. */
export const DELAYS = table(delayOf);

/** DELAYS_MS[i & DELAY_MASK]: the i-th delay in whole milliseconds. */
export const DELAYS_MS = table(delayMsOf);

/** DUE_DELAYS[i]: the i-th "all due" delay (1..64 ms) in seconds. */
export const DUE_DELAYS = table(dueDelayOf);

/** SHORT_DELAYS[i & DELAY_MASK]: the server mix's i-th delay (1..100 ms) in seconds. */
export const SHORT_DELAYS = table(shortDelayOf);
