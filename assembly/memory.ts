// The core's memory: one region after the static data, managed here with memory.grow
// (the stub runtime's allocator is never used). It holds three arrays sized by one
// capacity, the number of slots:
//
//   base ─► [ slot records: cap × 8 ][ heap entries: cap × 16 ][ ready ring: cap × 4 ]
//
// One capacity serves all three because neither the heap nor the ring can outgrow the
// table: every heap entry and every ring entry holds a distinct allocated slot. So only
// allocSlot() ever grows memory, and the heap and ring never check for room.
//
// Growth adds about a quarter (rounded up to whole 64 KiB pages, and every byte of those
// pages is used), so at most a fifth of the region is slack; doubling would leave up to
// half, and a bump allocator's abandoned blocks as much again. The heap and the ring move
// up to their new offsets (memmove, ring first: it lies above the heap), an amortised
// O(1) copy per slot. Nothing is ever freed: a steady load never grows memory again.
import { MAX_SLOTS } from "./layout";
import { ringRelocate } from "./ring";
import { heapRelocate } from "./heap";
import { setHeapAt } from "./status";

@inline export const RECORD: usize = 8;
@inline export const ENTRY: usize = 16;
@inline const RING_ENTRY: usize = 4;
@inline const PER_SLOT: usize = RECORD + ENTRY + RING_ENTRY;
@inline const PAGE_BITS: usize = 16;
@inline const CACHE_LINE: usize = 64;

const base: usize = (__heap_base + 15) & ~<usize>15;

/** slots the region holds */
export let capacity: u32 = 0;
export const slotsAt: usize = base;
export let heapAt: usize = base;
export let ringAt: usize = base;

/** Grows the region by about a quarter; false when memory cannot grow or the table is at MAX_SLOTS. */
export function growCapacity(): bool {
  if (capacity >= MAX_SLOTS) return false;
  const step: u32 = capacity >> 2 > 0 ? capacity >> 2 : 1;
  const wanted = base + CACHE_LINE + <usize>(capacity + step) * PER_SLOT;
  const pages = <i32>((wanted + (1 << PAGE_BITS) - 1) >> PAGE_BITS);
  const have = memory.size();
  if (pages > have && memory.grow(pages - have) < 0) return false;
  const top = <usize>(pages > have ? pages : have) << PAGE_BITS;
  let next = <u32>((top - base - CACHE_LINE) / PER_SLOT);
  if (next > MAX_SLOTS) next = MAX_SLOTS;
  // the heap starts 16 bytes before a cache line: the four children of any node share one
  const heap = ((base + <usize>next * RECORD + ENTRY + CACHE_LINE - 1) & ~(CACHE_LINE - 1)) - ENTRY;
  const ring = heap + <usize>next * ENTRY;
  ringRelocate(ringAt, ring, capacity, next);
  ringAt = ring;
  heapRelocate(heapAt, heap);
  heapAt = heap;
  setHeapAt(heap);
  capacity = next;
  return true;
}
