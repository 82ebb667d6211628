/**
 * Constants shared by the WebAssembly core (`assembly/`) and the glue (`src/`).
 * Must match assembly/layout.ts; tests/core/wasm.test.ts checks that both sides agree.
 */

/** A handle id is `generation * 2**SLOT_BITS + slot`, a non-negative integer below 2**53. */
export const SLOT_BITS = 24;
/** 2 ** SLOT_BITS: the most handles (ready, timed or being run) that can exist at once. */
export const MAX_SLOTS = 1 << SLOT_BITS;
/** Generations count 1 .. MAX_GENERATION, then wrap to 1, so a live id is never 0. */
export const MAX_GENERATION = 2 ** 29 - 1;
/**
 * Golden-ratio step over the generation range: MAX_GENERATION × (√5 − 1) / 2, rounded. Each
 * new core starts its generations one step further along (a Weyl sequence), so the first
 * generations of any N cores of a realm lie at least about MAX_GENERATION / (3N) apart: two
 * loops made one after the other start 205 million generations apart.
 */
const SALT_STEP = 331804481;
let lastSalt = 0;

/**
 * The first generation for the next core (1..MAX_GENERATION): a per-loop salt, so that an id
 * of loop A names, on loop B, a generation B's slot reaches only after B reused that slot
 * hundreds of millions of times more (or fewer) than A did. cancelId of a foreign id is then
 * a stale no-op, at no cost on the hot path: the salt is where the counters start, nothing
 * more is checked. It is deterministic (no Math.random: SES compartments forbid it).
 */
export function nextFirstGeneration(): number {
  lastSalt = (lastSalt + SALT_STEP) % MAX_GENERATION;
  return lastSalt + 1;
}

/** How many slots one `take()` hands over; the chunk buffer in linear memory holds this many i32. */
export const CHUNK = 1024;

/**
 * The status block (assembly/status.ts): byte offsets of the cells the glue reads instead of
 * calling in. Must match assembly/layout.ts.
 */
export const STATUS_NOW = 0; // f64: the time the last iterate() ran at (a virtual jump included)
export const STATUS_UNHANDED = 8; // u32: entries of the current iteration not handed over yet
export const STATUS_READY = 12; // u32: entries in the ready ring (cancelled ones until drained)
export const STATUS_TIMERS = 16; // u32: pending timers
export const STATUS_HEAP_AT = 20; // u32: where the heap starts (its first f64 is the next deadline)

/** `iterate(now, resolution, mode)` modes. */
export const ITER_NOW = 0; // run what is due at `now`; never move the clock
export const ITER_JUMP = 1; // virtual clock: with nothing ready, jump to the earliest deadline first
export const ITER_HOLD = 2; // virtual clock that may not jump now: with nothing ready, do nothing (-1)

/** `cancel(id)` results. */
export const CANCEL_STALE = 0; // the id's slot was freed (it ran, was cancelled, or never existed)
export const CANCEL_TIMER = 1; // a pending timer was removed from the heap and its slot freed
export const CANCEL_READY = 2; // a ready (or handed-over, not yet run) entry was marked cancelled

/**
 * The slot of an id (exact for every integer id below 2**53: ToInt32 keeps the low 32 bits).
 * A mask, not `%`: once generations pass 127, ids no longer fit V8's small integers and
 * `%` on a double is a call to fmod on every scheduling call (bench/: 66 → 43 ns per callSoonId).
 */
export function slotOf(id: number): number {
  return id & (MAX_SLOTS - 1);
}
