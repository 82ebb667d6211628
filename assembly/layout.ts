// Constants shared with the glue: must match src/core/layout.ts (tests/core/wasm.test.ts reads the
// exported globals and compares).

/** A handle id is `generation * 2**SLOT_BITS + slot` (an f64 holding an integer below 2**53). */
export const SLOT_BITS: i32 = 24;
/** Generations run 1 .. MAX_GENERATION and wrap to 1: an id is never 0. */
export const MAX_GENERATION: u32 = (1 << 29) - 1;
/** Slots handed to the glue per take(). */
export const CHUNK: i32 = 1024;

@inline export const MAX_SLOTS: u32 = 1 << 24;
@inline export const SLOT_MASK: u64 = (1 << 24) - 1;

// The status block (status.ts): byte offsets; src/core/layout.ts mirrors them.
/** f64: the time the last iterate() ran at (a virtual clock's jump included) */
@inline export const STATUS_NOW: usize = 0;
/** u32: entries of the current iteration not handed over yet */
@inline export const STATUS_UNHANDED: usize = 8;
/** u32: entries in the ready ring (cancelled ones included until drained) */
@inline export const STATUS_READY: usize = 12;
/** u32: pending timers (the heap's length) */
@inline export const STATUS_TIMERS: usize = 16;
/** u32: where the heap starts; its first entry's f64 is the next deadline */
@inline export const STATUS_HEAP_AT: usize = 20;
@inline export const STATUS_BYTES: i32 = 24;

// iterate() modes
/** take what is due at `now`; never move the clock (a real clock, or a run that is stopping) */
@inline export const ITER_NOW: i32 = 0;
/** a virtual clock: with nothing ready, first jump to the earliest deadline */
@inline export const ITER_JUMP: i32 = 1;
/** a virtual clock that may not jump yet (host I/O pending): with nothing ready, do nothing */
@inline export const ITER_HOLD: i32 = 2;

// cancel() results
@inline export const CANCEL_STALE: i32 = 0;
@inline export const CANCEL_TIMER: i32 = 1;
@inline export const CANCEL_READY: i32 = 2;

// slot states
@inline export const FREE: u32 = 0;
@inline export const TIMER: u32 = 1; // in the heap; link = heap position
@inline export const READY: u32 = 2; // in the ready ring
@inline export const CANCELLED: u32 = 3; // in the ring or the handed chunk, cancelled
@inline export const HANDED: u32 = 4; // in the chunk handed to the glue, not run yet
