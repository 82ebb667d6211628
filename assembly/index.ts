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
//   chunk                     CHUNK i32s the glue reads after take()
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
//   collect(deadline) O(k log n) for k due timers: starts an iteration — frees the chunk
//                               handed over last, moves every timer with when < deadline
//                               to the ring, and fixes the iteration's snapshot: entries
//                               added from now on wait for the next collect (asyncio's rule)
//   take()            O(CHUNK)  hands the glue up to CHUNK slots of the snapshot
// The JS↔wasm boundary is crossed once per iteration plus once per CHUNK callbacks, not
// once per callback. The table, heap and ring share one region sized by the slot count
// (memory.ts): it grows by a quarter when the table is full and is reused after that, so
// a steady load allocates nothing.
//
// The core never reads a clock (the glue passes `deadline`) and never calls out: virtual
// time, plugin hosts that own the clock, and Workers' frozen clock are one code path.
import {
  CANCEL_READY, CANCEL_STALE, CANCEL_TIMER, CANCELLED, CHUNK, FREE, HANDED, READY, TIMER,
} from "./layout";
import { allocSlot, idOf, linkOf, releaseSlot, setFirstGeneration, setState, slotOfId, slotsUsed, stateOf } from "./slots";
import { heapClear, heapLength, heapPush, heapRemove, heapTopSlot, heapTopWhen } from "./heap";
import { ringClear, ringLength, ringPop, ringPush } from "./ring";

export { SLOT_BITS, CHUNK, MAX_GENERATION } from "./layout";

const chunk: usize = memory.data(CHUNK << 2, 4);
/** how many slots the last take() handed over (they stay allocated until the next take/collect) */
let handed: i32 = 0;
/** entries of the current iteration's snapshot not handed over yet */
let unhanded: u32 = 0;
let seq: u32 = 0;

function releaseHanded(): void {
  for (let i = 0; i < handed; i++) releaseSlot(load<u32>(chunk + (<usize>i << 2)));
  handed = 0;
}

/**
 * The loop's salt: the generation every slot starts at (1..MAX_GENERATION). Called once, before
 * the first soon()/at(), so that an id of another loop (another instance) names a generation
 * this instance's slot is far from: cancel() of it is a stale no-op, not a hit.
 */
export function seedGenerations(first: u32): void {
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

export function collect(deadline: f64): i32 {
  releaseHanded();
  while (heapLength() > 0 && heapTopWhen() < deadline) {
    const slot = heapTopSlot();
    heapRemove(0);
    setState(slot, READY);
    ringPush(slot);
  }
  unhanded = ringLength();
  return unhanded;
}

export function take(): i32 {
  releaseHanded();
  if (unhanded == 0) return -1;
  const n = unhanded < <u32>CHUNK ? unhanded : <u32>CHUNK;
  unhanded -= n;
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

export function chunkPtr(): usize {
  return chunk;
}

export function nextDeadline(): f64 {
  return heapTopWhen();
}

export function readyCount(): i32 {
  return ringLength();
}

export function timerCount(): i32 {
  return heapLength();
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
  unhanded = 0;
}
