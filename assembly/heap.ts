// A 4-ary min-heap of 16-byte entries {when: f64, seq: u32, slot: u32} ordered by when,
// then seq. It's a min heap, so parent <= child must hold for every pair. Four children
// per node halve the depth of a binary heap, and the four sit in one 64-byte cache line;
// what dominates at a million timers is the cache misses of moving entries (each move also
// writes the entry's slot record), and those scale with the depth. seq is a u32
// that wraps: entries compare by the signed difference, exact while the oldest pending
// timer is fewer than 2**31 schedulings old. Every move writes the entry's new position
// into its slot's link, so any entry can be removed in O(log n) by position.
// The heap has no capacity of its own: memory.ts sizes it with the handle table. Its length
// is a cell of the status block (status.ts), so the glue reads it without a call.
import { setLink } from "./slots";
import { ENTRY, heapAt } from "./memory";
import { setTimerLength, timerLength } from "./status";

@inline function at(i: u32): usize {
  return heapAt + <usize>i * ENTRY;
}

/** (when, seq) sorts before the entry at p */
@inline function before(when: f64, seq: u32, p: usize): bool {
  const w = load<f64>(p);
  return when < w || (when == w && <i32>(seq - load<u32>(p, 8)) < 0);
}

@inline function put(i: u32, when: f64, seq: u32, slot: u32): void {
  const p = at(i);
  store<f64>(p, when);
  store<u32>(p, seq, 8);
  store<u32>(p, slot, 12);
  setLink(slot, i);
}

// Two 8-byte loads and stores, not memory.copy: V8 compiles a 16-byte memory.copy to a call
// out of the generated code, and move() runs once per level of every sift.
@inline function move(from: u32, to: u32): void {
  const src = at(from);
  const dst = at(to);
  const a = load<u64>(src);
  const b = load<u64>(src, 8);
  store<u64>(dst, a);
  store<u64>(dst, b, 8);
  setLink(<u32>(b >> 32), to);
}

function siftUp(i: u32, when: f64, seq: u32, slot: u32): void {
  while (i > 0) {
    const parent = (i - 1) >> 2;
    if (!before(when, seq, at(parent))) break;
    move(parent, i);
    i = parent;
  }
  put(i, when, seq, slot);
}

function siftDown(i: u32, when: f64, seq: u32, slot: u32): void {
  const n = timerLength();
  while (true) {
    const first: u32 = 4 * i + 1;
    if (first >= n) break;
    let child = first;
    const last: u32 = first + 3 < n ? first + 3 : n - 1;
    for (let c: u32 = first + 1; c <= last; c++) {
      if (before(load<f64>(at(c)), load<u32>(at(c), 8), at(child))) child = c;
    }
    if (before(when, seq, at(child))) break;
    move(child, i);
    i = child;
  }
  put(i, when, seq, slot);
}

@inline export function heapLength(): u32 {
  return timerLength();
}

export function heapPush(when: f64, seq: u32, slot: u32): void {
  const n = timerLength();
  setTimerLength(n + 1);
  siftUp(n, when, seq, slot);
}

/** Moves the entries to `to` (memory.ts grows the region; positions, and so links, stay). */
export function heapRelocate(from: usize, to: usize): void {
  memory.copy(to, from, <usize>timerLength() * ENTRY);
}

/** Removes the entry at position i (from the slot's link). */
export function heapRemove(i: u32): void {
  const last = timerLength() - 1;
  assert(i <= last);
  setTimerLength(last);
  if (i == last) return;
  const p = at(last);
  const when = load<f64>(p);
  const seq = load<u32>(p, 8);
  const slot = load<u32>(p, 12);
  if (i > 0 && before(when, seq, at((i - 1) >> 2))) siftUp(i, when, seq, slot);
  else siftDown(i, when, seq, slot);
}

export function heapTopWhen(): f64 {
  return timerLength() == 0 ? Infinity : load<f64>(heapAt);
}

export function heapTopSlot(): u32 {
  return load<u32>(heapAt, 12);
}

export function heapClear(): void {
  setTimerLength(0);
}
