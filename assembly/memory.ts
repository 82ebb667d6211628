// Growth of the core's arrays. The stub runtime's allocator is a bump allocator: a block
// freed while it is not the last one is never reused. Arrays grow by doubling, so what is
// left behind totals less than the live arrays; once the arrays are large enough for the
// peak load, nothing is allocated again.

/** A block of newSize bytes holding what `ptr` held (a new block when `ptr` is 0). */
export function grow(ptr: usize, newSize: usize): usize {
  if (ptr == 0) return heap.alloc(newSize);
  return heap.realloc(ptr, newSize);
}
