// The ready queue: a FIFO ring of u32 slots. It has no capacity of its own: memory.ts
// sizes it with the handle table (the ring holds distinct allocated slots, so it is never
// full when a slot is pushed) and moves it when the region grows.
// Its length is a cell of the status block (status.ts), so the glue reads it without a call.
import { capacity, ringAt } from "./memory";
import { readyLength, setReadyLength } from "./status";

let head: u32 = 0;

@inline export function ringLength(): u32 {
  return readyLength();
}

@inline export function ringPush(slot: u32): void {
  const length = readyLength();
  let pos = head + length;
  if (pos >= capacity) pos -= capacity;
  store<u32>(ringAt + (<usize>pos << 2), slot);
  setReadyLength(length + 1);
}

@inline export function ringPop(): u32 {
  const length = readyLength();
  assert(length > 0);
  const slot = load<u32>(ringAt + (<usize>head << 2));
  head = head + 1 == capacity ? 0 : head + 1;
  setReadyLength(length - 1);
  return slot;
}

export function ringClear(): void {
  head = 0;
  setReadyLength(0);
}

/**
 * Moves the ring from `from` (oldCap entries) to `to` (newCap > oldCap entries). Entries
 * that wrapped past the old end stay at the start; the run from head to the old end moves
 * to the new end, so the order is unchanged.
 */
export function ringRelocate(from: usize, to: usize, oldCap: u32, newCap: u32): void {
  memory.copy(to, from, <usize>oldCap << 2);
  if (head + readyLength() > oldCap) {
    const run = oldCap - head;
    memory.copy(to + (<usize>(newCap - run) << 2), to + (<usize>head << 2), <usize>run << 2);
    head = newCap - run;
  }
}
