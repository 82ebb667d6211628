// The practical limit in plain JS: the same scheduler as wasmloop's core + glue — a min-heap
// on (deadline, sequence) (binary, as issue 6 asks; the core's is 4-ary), a FIFO ready ring,
// slot + generation ids, O(log n) cancel by position, asyncio's "an iteration runs what was
// ready when it began", a virtual clock that jumps to the next deadline — written with typed
// arrays and no per-call allocation. What it leaves out: argument checks, Handle objects, exception
// handling, debug mode, Futures and Tasks. wasmloop/typed-scheduler is the cost of the
// WebAssembly boundary plus everything the public API adds.

const SLOT_BITS = 24;
const MAX_SLOTS = 1 << SLOT_BITS;
const MAX_GENERATION = 2 ** 29 - 1;
const FREE = 0;
const TIMER = 1;
const READY = 2;
const CANCELLED = 3;

export class TypedScheduler {
  /** the clock: virtual (jumps to the next deadline when idle), or set by the caller */
  now = 0;
  #virtual;
  // per slot; the slot's position in the heap while it is a TIMER, the next free slot while FREE
  #gen = new Uint32Array(64);
  #state = new Uint8Array(64);
  #link = new Int32Array(64);
  #fns = [];
  #args = [];
  #used = 0;
  #freeHead = -1;
  // heap entries: parallel arrays, so a comparison touches no slot record
  #hWhen = new Float64Array(64);
  #hSeq = new Uint32Array(64);
  #hSlot = new Uint32Array(64);
  #hLen = 0;
  #seq = 0;
  // ready ring of slots, power-of-two capacity
  #ring = new Uint32Array(256);
  #rHead = 0;
  #rLen = 0;

  /** @param {boolean} virtual jump `now` to the next deadline when nothing is ready */
  constructor(virtual = true) {
    this.#virtual = virtual;
  }

  soon(fn, arg) {
    const slot = this.#alloc(fn, arg);
    this.#state[slot] = READY;
    this.#ringPush(slot);
    return this.#gen[slot] * MAX_SLOTS + slot;
  }

  at(when, fn, arg) {
    const slot = this.#alloc(fn, arg);
    this.#state[slot] = TIMER;
    if (this.#hLen === this.#hWhen.length) this.#growHeap();
    this.#siftUp(this.#hLen++, when, this.#seq, slot);
    this.#seq = (this.#seq + 1) >>> 0;
    return this.#gen[slot] * MAX_SLOTS + slot;
  }

  cancel(id) {
    const slot = id % MAX_SLOTS;
    if (slot >= this.#used || this.#gen[slot] !== (id - slot) / MAX_SLOTS) return;
    const state = this.#state[slot];
    if (state === TIMER) {
      this.#removeAt(this.#link[slot]);
      this.#release(slot);
    } else if (state === READY) {
      this.#state[slot] = CANCELLED;
      this.#fns[slot] = undefined;
      this.#args[slot] = undefined;
    }
  }

  nextDeadline() {
    return this.#hLen > 0 ? this.#hWhen[0] : Infinity;
  }

  pending() {
    return this.#hLen + this.#rLen;
  }

  /** One iteration: jump to the next deadline if nothing is ready, move due timers, run the snapshot. */
  runOnce() {
    if (this.#virtual && this.#rLen === 0 && this.#hLen > 0 && this.#hWhen[0] > this.now) this.now = this.#hWhen[0];
    const deadline = this.now + 1e-9;
    while (this.#hLen > 0 && this.#hWhen[0] < deadline) {
      const slot = this.#hSlot[0];
      this.#removeAt(0);
      this.#state[slot] = READY;
      this.#ringPush(slot);
    }
    let n = this.#rLen;
    const fns = this.#fns;
    const args = this.#args;
    while (n-- > 0) {
      const ring = this.#ring;
      const slot = ring[this.#rHead];
      this.#rHead = (this.#rHead + 1) & (ring.length - 1);
      this.#rLen--;
      const fn = fns[slot];
      const arg = args[slot];
      const live = this.#state[slot] === READY;
      this.#release(slot);
      if (live) fn(arg);
    }
  }

  /** Runs iterations until nothing is pending. */
  runAll() {
    while (this.#hLen > 0 || this.#rLen > 0) this.runOnce();
  }

  #alloc(fn, arg) {
    let slot = this.#freeHead;
    if (slot >= 0) {
      this.#freeHead = this.#link[slot];
    } else {
      slot = this.#used++;
      if (slot >= MAX_SLOTS) throw new RangeError("too many pending callbacks");
      if (slot === this.#gen.length) this.#growSlots();
      this.#gen[slot] = 1;
    }
    this.#fns[slot] = fn;
    this.#args[slot] = arg;
    return slot;
  }

  #release(slot) {
    const g = this.#gen[slot];
    this.#gen[slot] = g === MAX_GENERATION ? 1 : g + 1;
    this.#state[slot] = FREE;
    this.#fns[slot] = undefined;
    this.#args[slot] = undefined;
    this.#link[slot] = this.#freeHead;
    this.#freeHead = slot;
  }

  #before(when, seq, i) {
    const w = this.#hWhen[i];
    return when < w || (when === w && ((seq - this.#hSeq[i]) | 0) < 0);
  }

  #put(i, when, seq, slot) {
    this.#hWhen[i] = when;
    this.#hSeq[i] = seq;
    this.#hSlot[i] = slot;
    this.#link[slot] = i;
  }

  #move(from, to) {
    this.#put(to, this.#hWhen[from], this.#hSeq[from], this.#hSlot[from]);
  }

  #siftUp(i, when, seq, slot) {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(when, seq, parent)) break;
      this.#move(parent, i);
      i = parent;
    }
    this.#put(i, when, seq, slot);
  }

  #siftDown(i, when, seq, slot) {
    const n = this.#hLen;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.#before(this.#hWhen[right], this.#hSeq[right], child)) child = right;
      if (this.#before(when, seq, child)) break;
      this.#move(child, i);
      i = child;
    }
    this.#put(i, when, seq, slot);
  }

  #removeAt(i) {
    const last = --this.#hLen;
    if (i === last) return;
    const when = this.#hWhen[last];
    const seq = this.#hSeq[last];
    const slot = this.#hSlot[last];
    if (i > 0 && this.#before(when, seq, (i - 1) >> 1)) this.#siftUp(i, when, seq, slot);
    else this.#siftDown(i, when, seq, slot);
  }

  #ringPush(slot) {
    if (this.#rLen === this.#ring.length) this.#growRing();
    const ring = this.#ring;
    ring[(this.#rHead + this.#rLen) & (ring.length - 1)] = slot;
    this.#rLen++;
  }

  #growSlots() {
    const n = this.#gen.length * 2;
    this.#gen = grow(this.#gen, new Uint32Array(n));
    this.#state = grow(this.#state, new Uint8Array(n));
    this.#link = grow(this.#link, new Int32Array(n));
  }

  #growHeap() {
    const n = this.#hWhen.length * 2;
    this.#hWhen = grow(this.#hWhen, new Float64Array(n));
    this.#hSeq = grow(this.#hSeq, new Uint32Array(n));
    this.#hSlot = grow(this.#hSlot, new Uint32Array(n));
  }

  #growRing() {
    const old = this.#ring;
    const next = new Uint32Array(old.length * 2);
    for (let i = 0; i < this.#rLen; i++) next[i] = old[(this.#rHead + i) & (old.length - 1)];
    this.#ring = next;
    this.#rHead = 0;
  }
}

function grow(from, to) {
  to.set(from);
  return to;
}
