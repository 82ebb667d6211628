// The ready queue: a FIFO ring of u32 slots. Capacity is a power of two so positions wrap
// with a mask; a full ring doubles, unwrapping its contents to the start of the new block.
let ring: usize = 0;
let capacity: u32 = 0;
let head: u32 = 0;
let length: u32 = 0;

export function ringLength(): u32 {
  return length;
}

@inline export function ringPush(slot: u32): void {
  if (length == capacity) growRing();
  store<u32>(ring + (<usize>((head + length) & (capacity - 1)) << 2), slot);
  length++;
}

@inline export function ringPop(): u32 {
  assert(length > 0);
  const slot = load<u32>(ring + (<usize>head << 2));
  head = (head + 1) & (capacity - 1);
  length--;
  return slot;
}

export function ringClear(): void {
  head = 0;
  length = 0;
}

function growRing(): void {
  const next: u32 = capacity == 0 ? 256 : capacity << 1;
  const block = heap.alloc(<usize>next << 2);
  if (capacity != 0) {
    const tail = capacity - head; // entries from head to the end of the old block
    memory.copy(block, ring + (<usize>head << 2), <usize>tail << 2);
    memory.copy(block + (<usize>tail << 2), ring, <usize>head << 2);
    heap.free(ring);
  }
  ring = block;
  capacity = next;
  head = 0;
}
