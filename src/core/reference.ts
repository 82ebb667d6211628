/**
 * The scheduler core written in plain TypeScript: the oracle the wasm core is tested
 * against (tests/core/scheduler.test.ts runs one suite over both, tests/core/differential.test.ts fuzzes one against the other),
 * and a second backend for benchmarks (`new EventLoop({ core: () => new ReferenceCore() })`).
 * Not reachable from the package's entries, so bundles never carry it.
 *
 * Same algorithm and the same id allocation as assembly/ (LIFO free list, generations
 * bumped on free), so both cores hand out identical ids for identical call sequences.
 * Different representation: JS arrays of small objects instead of linear memory.
 */
import type { SchedulerCore } from "./wasm.js";
import {
  CANCEL_READY, CANCEL_STALE, CANCEL_TIMER, CHUNK, ITER_HOLD, ITER_NOW, MAX_GENERATION, MAX_SLOTS, nextFirstGeneration,
  slotOf,
} from "./layout.js";

const FREE = 0;
const TIMER = 1;
const READY = 2;
const CANCELLED = 3;
const HANDED = 4;

interface Timer {
  when: number;
  seq: number;
  slot: number;
}

/** a runs before b: earlier deadline, then earlier sequence (wrapping u32 compare). */
function before(a: Timer, b: Timer): boolean {
  if (a.when !== b.when) return a.when < b.when;
  return ((a.seq - b.seq) | 0) < 0;
}

export class ReferenceCore implements SchedulerCore {
  private gen: number[] = [];
  private state: number[] = [];
  private heapPos: number[] = [];
  private free: number[] = [];
  private heap: Timer[] = [];
  private ring: number[] = [];
  private ringHead = 0;
  private seq = 0;
  private left = 0;
  private now = 0;
  private handed: number[] = [];
  private readonly out = new Int32Array(CHUNK);
  /** the generation new slots start at: the loop's salt (assembly/slots.ts setFirstGeneration) */
  private readonly firstGeneration: number;

  constructor(firstGeneration: number = nextFirstGeneration()) {
    const g = firstGeneration >>> 0;
    this.firstGeneration = g >= 1 && g <= MAX_GENERATION ? g : (g % MAX_GENERATION) + 1;
  }

  private alloc(): number {
    let slot: number;
    if (this.free.length > 0) {
      slot = this.free.pop()!;
    } else {
      slot = this.gen.length;
      if (slot >= MAX_SLOTS) return -1;
      this.gen.push(this.firstGeneration);
      this.state.push(FREE);
      this.heapPos.push(-1);
    }
    return slot;
  }

  private release(slot: number): void {
    this.state[slot] = FREE;
    this.gen[slot] = this.gen[slot] === MAX_GENERATION ? 1 : this.gen[slot] + 1;
    this.free.push(slot);
  }

  private idOf(slot: number): number {
    return this.gen[slot] * MAX_SLOTS + slot;
  }

  soon(): number {
    const slot = this.alloc();
    if (slot < 0) return -1;
    this.state[slot] = READY;
    this.ring.push(slot);
    return this.idOf(slot);
  }

  at(when: number): number {
    const slot = this.alloc();
    if (slot < 0) return -1;
    this.state[slot] = TIMER;
    const t: Timer = { when, seq: this.seq, slot };
    this.seq = (this.seq + 1) >>> 0;
    this.heap.push(t);
    this.heapPos[slot] = this.heap.length - 1;
    this.siftUp(this.heap.length - 1);
    return this.idOf(slot);
  }

  cancel(id: number): number {
    const slot = slotOf(id);
    if (slot >= this.gen.length || this.idOf(slot) !== id) return CANCEL_STALE;
    switch (this.state[slot]) {
      case TIMER:
        this.removeAt(this.heapPos[slot]);
        this.release(slot);
        return CANCEL_TIMER;
      case READY:
      case HANDED:
        this.state[slot] = CANCELLED;
        return CANCEL_READY;
      default:
        return CANCEL_STALE;
    }
  }

  iterate(now: number, resolution: number, mode: number): number {
    this.releaseHanded();
    if (mode !== ITER_NOW && this.readyCount() === 0) {
      if (mode === ITER_HOLD || this.heap.length === 0) return -1;
      if (this.heap[0].when > now) now = this.heap[0].when;
    }
    this.now = now;
    const deadline = now + resolution;
    while (this.heap.length > 0 && this.heap[0].when < deadline) {
      const slot = this.heap[0].slot;
      this.removeAt(0);
      this.state[slot] = READY;
      this.ring.push(slot);
    }
    this.left = this.readyCount();
    return this.handOver();
  }

  take(): number {
    this.releaseHanded();
    if (this.left === 0) return -1;
    return this.handOver();
  }

  private handOver(): number {
    const n = Math.min(this.left, CHUNK);
    this.left -= n;
    let written = 0;
    for (let i = 0; i < n; i++) {
      const slot = this.ring[this.ringHead++];
      if (this.state[slot] === CANCELLED) {
        this.release(slot);
      } else {
        this.state[slot] = HANDED;
        this.handed.push(slot);
        this.out[written++] = slot;
      }
    }
    if (this.ringHead > 1024 && this.ringHead * 2 > this.ring.length) {
      this.ring = this.ring.slice(this.ringHead);
      this.ringHead = 0;
    }
    return written;
  }

  time(): number {
    return this.now;
  }

  unhanded(): number {
    return this.left;
  }

  chunk(): Int32Array {
    return this.out;
  }

  nextDeadline(): number {
    return this.heap.length > 0 ? this.heap[0].when : Infinity;
  }

  readyCount(): number {
    return this.ring.length - this.ringHead;
  }

  timerCount(): number {
    return this.heap.length;
  }

  clear(): void {
    this.releaseHanded();
    for (let slot = 0; slot < this.state.length; slot++) {
      if (this.state[slot] !== FREE) this.release(slot);
    }
    this.heap = [];
    this.ring = [];
    this.ringHead = 0;
    this.left = 0;
  }

  private releaseHanded(): void {
    for (const slot of this.handed) this.release(slot);
    this.handed.length = 0;
  }

  private removeAt(i: number): void {
    const heap = this.heap;
    const last = heap.pop()!;
    this.heapPos[last.slot] = -1;
    if (i === heap.length) return;
    heap[i] = last;
    this.heapPos[last.slot] = i;
    if (i > 0 && before(last, heap[(i - 1) >> 1])) this.siftUp(i);
    else this.siftDown(i);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const t = heap[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(t, heap[parent])) break;
      heap[i] = heap[parent];
      this.heapPos[heap[i].slot] = i;
      i = parent;
    }
    heap[i] = t;
    this.heapPos[t.slot] = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    const t = heap[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && before(heap[child + 1], heap[child])) child++;
      if (!before(heap[child], t)) break;
      heap[i] = heap[child];
      this.heapPos[heap[i].slot] = i;
      i = child;
    }
    heap[i] = t;
    this.heapPos[t.slot] = i;
  }
}
