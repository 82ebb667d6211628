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
