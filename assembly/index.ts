// wasmloop's scheduling core: HOW and WHY it works the way it does.
//
// The core decides what runs when; the glue (src/loop.ts) holds the callbacks and runs
// them. This file is only the export list: it is the ABI, numbers in and numbers out,
// and the module imports nothing (stub runtime, `--use abort=`), so any host with
// WebAssembly can instantiate it without glue code.
//
// Structures, all in linear memory:
//
//   handle table (slots.ts)   slot → {generation, state, link}; free slots in a LIFO list
//   timer heap (heap.ts)      4-ary min-heap of {when, seq, slot}; link = the entry's position
//   ready ring (ring.ts)      FIFO of slots
//   region (memory.ts)        the three above in one block sized by the slot count
//   chunk                     CHUNK i32s the glue reads after iterate() and take()
//   status block (status.ts)  the ring's and the heap's lengths, where the heap starts, and
//                             the current iteration's time and entries not handed over yet:
//                             the glue reads them through a view, without a call
//
// A handle id is generation * 2**24 + slot, an integer-valued f64. Every free bumps the
// slot's generation, so an id of a slot that ran or was cancelled is stale: cancel() on it
// is a no-op that returns CANCEL_STALE, never a hit on the slot's next occupant. An id can
// only alias after 2**29 - 1 reuses of the same slot while the old id is still held.
// Generations start at a per-instance salt (seedGenerations; src/core/layout.ts picks it),
// so an id of another loop names a generation far from this instance's: a stale no-op.
//
// The operations optimised, and their costs:
//   soon()            O(1)      allocate a slot, push it on the ring
//   at(when)          O(log n)  allocate a slot, push (when, seq) on the heap; seq breaks
//                               ties, so equal deadlines run in scheduling order
//   cancel(id)        O(log n)  a timer is removed from the heap by its position and its
//                               slot freed at once (no tombstones: the heap only ever holds
//                               live timers, so its size is the pending count); a ready or
//                               handed entry is only marked CANCELLED and freed when the
//                               iteration reaches it, so the ring never holds more cancelled
//                               entries than one iteration's worth
//   iterate(now, resolution, mode)
//                     O(k log n + CHUNK) for k due timers: one whole iteration's bookkeeping
//                               in one call — frees the chunk handed over last; on a
//                               virtual clock with nothing ready, jumps `now` to the
//                               earliest deadline (ITER_JUMP) or stops there (ITER_HOLD);
//                               moves every timer with when < now + resolution to the
//                               ring; fixes the iteration's snapshot (entries added from
//                               now on wait for the next iteration: asyncio's rule); and
//                               hands over its first CHUNK slots
//   take()            O(CHUNK)  hands the glue the next CHUNK slots of a larger snapshot
// The JS↔wasm boundary is crossed once per iteration (plus once per further CHUNK
// callbacks of a large one), not once per callback; what the glue asks between calls
// (anything ready? the next deadline?) it reads from the status block. The table, heap and ring share one region sized by the slot count
// (memory.ts): it grows by a quarter when the table is full and is reused after that, so
// a steady load allocates nothing.
//
// The core never reads a clock (the glue passes `deadline`) and never calls out: virtual
// time, plugin hosts that own the clock, and Workers' frozen clock are one code path.
import {
  CANCEL_READY, CANCEL_STALE, CANCEL_TIMER, CANCELLED, CHUNK, FREE, HANDED, ITER_HOLD, ITER_NOW, READY, TIMER,
} from "./layout";
import { allocSlot, forgetSlots, idOf, linkOf, releaseSlot, setFirstGeneration, setState, slotOfId, slotsUsed, stateOf } from "./slots";
import { heapClear, heapLength, heapPush, heapRemove, heapTopSlot, heapTopWhen } from "./heap";
import { ringClear, ringLength, ringPop, ringPush } from "./ring";
import { setIterationTime, setUnhanded, statusAt, unhandedCount } from "./status";

export { SLOT_BITS, CHUNK, MAX_GENERATION } from "./layout";

const chunk: usize = memory.data(CHUNK << 2, 4);
/** where the glue reads the chunk (CHUNK i32 slots) */
export const CHUNK_AT: usize = chunk;
/** where the glue reads the status block (status.ts) */
export const STATUS_AT: usize = statusAt;

/** how many slots the last iterate()/take() handed over (they stay allocated until the next one) */
let handed: i32 = 0;
let seq: u32 = 0;

function releaseHanded(): void {
  for (let i = 0; i < handed; i++) releaseSlot(load<u32>(chunk + (<usize>i << 2)));
  handed = 0;
}

/**
 * Starts the instance over for a loop, with the loop's salt: the generation every slot starts
 * at (1..MAX_GENERATION), so that an id of another loop names a generation this instance's
 * slot is far from: cancel() of it is a stale no-op, not a hit. Called on a fresh instance, and
 * when a new loop takes up a closed loop's instance: every handle is freed (as clear()) and
 * every slot forgotten, so each starts again at `first`; the memory grown so far stays.
 */
export function seedGenerations(first: u32): void {
  clear();
  forgetSlots();
  seq = 0;
  setFirstGeneration(first);
}

/** A new ready entry at the tail of the ring; its id, or -1 when the table is full. */
export function soon(): f64 {
  const slot = allocSlot();
  if (slot < 0) return -1;
  setState(slot, READY);
  ringPush(slot);
  return idOf(slot);
}

/** A new timer due at `when`; its id, or -1 when the table is full. */
export function at(when: f64): f64 {
  const slot = allocSlot();
  if (slot < 0) return -1;
  setState(slot, TIMER);
  heapPush(when, seq++, slot);
  return idOf(slot);
}

export function cancel(id: f64): i32 {
  const slot = slotOfId(id);
  if (slot < 0) return CANCEL_STALE;
  const state = stateOf(slot);
  if (state == TIMER) {
    heapRemove(linkOf(slot));
    releaseSlot(slot);
    return CANCEL_TIMER;
  }
  if (state == READY || state == HANDED) {
    setState(slot, CANCELLED);
    return CANCEL_READY;
  }
  return CANCEL_STALE;
}

/**
 * Starts an iteration (see the header) and hands over its first chunk: returns how many
 * slots it wrote to the chunk (0 for an iteration with nothing to run), or -1 when a virtual
 * clock found nothing ready and may not (ITER_HOLD) or cannot (no timer) jump: then nothing
 * at all was done. The status block then holds the iteration's time and what is left of it.
 */
export function iterate(now: f64, resolution: f64, mode: i32): i32 {
  releaseHanded();
  if (mode != ITER_NOW && ringLength() == 0) {
    if (mode == ITER_HOLD || heapLength() == 0) return -1;
    const next = heapTopWhen();
    if (next > now) now = next;
  }
  setIterationTime(now);
  const deadline = now + resolution;
  while (heapLength() > 0 && heapTopWhen() < deadline) {
    const slot = heapTopSlot();
    heapRemove(0);
    setState(slot, READY);
    ringPush(slot);
  }
  setUnhanded(ringLength());
  return handOver();
}

/** Hands over the next chunk of the current iteration: how many slots it wrote, or -1 when the iteration is exhausted. */
export function take(): i32 {
  releaseHanded();
  if (unhandedCount() == 0) return -1;
  return handOver();
}

/** Moves up to CHUNK entries of the snapshot from the ring to the chunk, dropping cancelled ones. */
function handOver(): i32 {
  const left = unhandedCount();
  const n = left < <u32>CHUNK ? left : <u32>CHUNK;
  setUnhanded(left - n);
  let written = 0;
  for (let i: u32 = 0; i < n; i++) {
    const slot = ringPop();
    if (stateOf(slot) == CANCELLED) {
      releaseSlot(slot);
    } else {
      setState(slot, HANDED);
      store<u32>(chunk + (<usize>written << 2), slot);
      written++;
    }
  }
  handed = written;
  return written;
}

/** Frees every slot: every id handed out so far becomes stale. */
export function clear(): void {
  releaseHanded();
  const n = slotsUsed();
  for (let slot: u32 = 0; slot < n; slot++) {
    if (stateOf(slot) != FREE) releaseSlot(slot);
  }
  heapClear();
  ringClear();
  setUnhanded(0);
}
