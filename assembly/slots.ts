// The handle table: one 8-byte record per slot — (generation << 3 | state), link. `link`
// is the heap position while the slot is a TIMER and the next free slot while it is FREE.
// Free slots form a LIFO list (the most recently freed slot is reused first: warm cache
// lines). Every free bumps the generation, so an id naming an older generation is stale.
// Generations fit 29 bits (MAX_GENERATION), the state the low 3. A new slot starts at the
// loop's first generation (seedGenerations): each loop gets its own (src/core/layout.ts), so
// the ids of two loops differ even for the same slot and the same number of reuses.
import { FREE, MAX_GENERATION, SLOT_BITS, SLOT_MASK } from "./layout";
import { RECORD, capacity, growCapacity, slotsAt } from "./memory";

/** slots ever used: every slot below it has a record */
let used: u32 = 0;
let freeHead: i32 = -1;
/** the generation a slot starts at when it is first used: the loop's salt, 1..MAX_GENERATION */
let firstGeneration: u32 = 1;

/** Forgets every slot: the next allocation starts again at slot 0 (only when none is in use). */
export function forgetSlots(): void {
  used = 0;
  freeHead = -1;
}

/** Sets the generation new slots start at (1..MAX_GENERATION; anything else is taken modulo, never 0). */
export function setFirstGeneration(gen: u32): void {
  firstGeneration = gen >= 1 && gen <= MAX_GENERATION ? gen : (gen % MAX_GENERATION) + 1;
}

@inline function rec(slot: u32): usize {
  return slotsAt + <usize>slot * RECORD;
}

@inline export function genOf(slot: u32): u32 {
  return load<u32>(rec(slot)) >> 3;
}

@inline export function stateOf(slot: u32): u32 {
  return load<u32>(rec(slot)) & 7;
}

@inline export function setState(slot: u32, state: u32): void {
  const p = rec(slot);
  store<u32>(p, (load<u32>(p) & ~7) | state);
}

@inline export function linkOf(slot: u32): i32 {
  return load<i32>(rec(slot), 4);
}

@inline export function setLink(slot: u32, link: i32): void {
  store<i32>(rec(slot), link, 4);
}

export function slotsUsed(): u32 {
  return used;
}

/** A free slot (state FREE, generation set), or -1 when all MAX_SLOTS are in use or memory cannot grow. */
@inline export function allocSlot(): i32 {
  if (freeHead >= 0) {
    const slot = freeHead;
    freeHead = linkOf(slot);
    return slot;
  }
  if (used == capacity && !growCapacity()) return -1;
  const slot = used++;
  store<u32>(rec(slot), (firstGeneration << 3) | FREE);
  return slot;
}

@inline export function releaseSlot(slot: u32): void {
  const gen = genOf(slot);
  store<u32>(rec(slot), ((gen == MAX_GENERATION ? 1 : gen + 1) << 3) | FREE);
  setLink(slot, freeHead);
  freeHead = slot;
}

@inline export function idOf(slot: u32): f64 {
  return <f64>(((<u64>genOf(slot)) << SLOT_BITS) | <u64>slot);
}

/** The slot an id names, or -1 if the id is malformed or stale (its generation is gone). */
export function slotOfId(id: f64): i32 {
  // also rejects NaN, negatives, fractions and anything at or above 2**53
  if (!(id >= 0 && id < 9007199254740992.0) || id != Math.floor(id)) return -1;
  const bits = <u64>id;
  const slot = <u32>(bits & SLOT_MASK);
  if (slot >= used || genOf(slot) != <u32>(bits >> SLOT_BITS)) return -1;
  return slot;
}
