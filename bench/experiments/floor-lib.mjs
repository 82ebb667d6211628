// Shared parts of the floor experiments (switch-floor, task-floor, wait-floor): the ready
// queues the floors schedule through, the smallest Future and Task that do what asyncio's do,
// and a driver that runs every row in a process of its own.
//
// Why a process per row: V8 shares type feedback between all closures of one function
// literal, so rows that share a queue or a Task class in one process would make each other's
// call sites polymorphic, and a row run after wasmloop would pay for wasmloop's live heap.
// Each row gets a fresh isolate, a warm-up run and 7 timed runs (bench/lib/harness.mjs).
//
// The queues (one per process, so every call site stays monomorphic):
// - JsRing: a preallocated ring of (callback, argument) pairs with head and tail indexes,
//   run one snapshot per iteration: entries added during an iteration wait for the next
//   one, as asyncio's _run_once does (it runs only the len(_ready) entries present at the
//   start of the iteration). With `cross`, one call of a wasm function that does nothing
//   (`i32.const 0`) per schedule and per iteration: the price of the boundary alone.
// - WasmRing: the queue lives in wasm linear memory, as in wasmloop's core: soon() takes a
//   free slot from a slot table and appends it to a ring of slots; iterate() returns the
//   slots handed out last time to the free stack and fixes the next snapshot (all entries
//   present now). The glue maps a slot to its callback and argument in two JS arrays indexed
//   by slot, and reads the snapshot's slots straight out of the ring through a Uint32Array
//   on the memory: one wasm call per schedule and one per iteration, no other crossing.
// - WasmMemRing: the same queue in the same memory, but the glue takes the slot and appends
//   it itself, through typed-array views on the module's memory (the free stack, the ring
//   and the state cells): no wasm call per schedule, one per iteration (iterate()). This is
//   a design wasmloop does not use today; it is here to show what the call per schedule costs.
//   A slot table, not the ring position, because wasmloop's timers move from its heap to the
//   ring inside wasm: the ring has to hold names of callbacks, not places.
// Both queues check for a cancelled entry (its callback cleared) before running it, as
// _run_once checks handle._cancelled, and both refuse to overflow (a real loop grows there;
// the experiments size them so that it never happens).
//
// The wasm module was compiled with AssemblyScript from this source:
//   asc ring.ts -O3 --runtime stub --noAssert --initialMemory 33 -o ring.wasm
//
//   const CAP: u32 = 1 << 18; const MASK: u32 = CAP - 1;
//   const FREE: usize = 0;            // u32[CAP] stack of free slots
//   const RING: usize = CAP << 2;     // u32[CAP] ring of ready slots
//   const STATE: usize = CAP << 3;    // u32 cells: freeTop, used, head, length, handedAt, handed
//   @inline function get(i: usize): u32 { return load<u32>(STATE + (i << 2)); }
//   @inline function put(i: usize, v: u32): void { store<u32>(STATE + (i << 2), v); }
//   export function soon(): u32 {
//     const top = get(0);
//     let slot: u32;
//     if (top > 0) { slot = load<u32>(FREE + (<usize>(top - 1) << 2)); put(0, top - 1); }
//     else { slot = get(1); put(1, slot + 1); }
//     const length = get(3);
//     store<u32>(RING + (<usize>((get(2) + length) & MASK) << 2), slot);
//     put(3, length + 1);
//     return slot;
//   }
//   export function iterate(): u32 {
//     const handedAt = get(4); const handed = get(5); let top = get(0);
//     for (let i: u32 = 0; i < handed; i++) {
//       const slot = load<u32>(RING + (<usize>((handedAt + i) & MASK) << 2));
//       store<u32>(FREE + (<usize>(top++) << 2), slot);
//     }
//     put(0, top);
//     const head = get(2); const n = get(3);
//     put(4, head); put(5, n); put(2, (head + n) & MASK); put(3, 0);
//     return n;
//   }
//   export function ringOffset(): u32 { return <u32>RING; }
//   export function stateOffset(): u32 { return <u32>STATE; }
//   export function nothing(): i32 { return 0; }
import { spawnSync } from "node:child_process";
import { measure } from "../lib/harness.mjs";

const RING_WASM = Uint8Array.from(
  atob(
    "AGFzbQEAAAABBQFgAAF/AwYFAAAAAAAFAwEAIQdABgRzb29uAAEHaXRlcmF0ZQAECnJpbmdPZmZzZXQAAgtzdGF0ZU9mZnNldAAAB25vdGhpbmcAAwZtZW1vcnkCAAq3AgUHAEGAgIABC3QBAn9BgICAASgCACIABEAgAEEBayIBQQJ0KAIAIQBBgICAASABNgIABUGEgIABQYSAgAEoAgAiAEEBajYCAAtBjICAASgCACIBQYiAgAEoAgBqQf//D3FBAnRBgIBAayAANgIAQYyAgAEgAUEBajYCACAACwcAQYCAwAALBABBAAuqAQEFf0GQgIABKAIAIQNBlICAASgCACECQYCAgAEoAgAhAANAIAIgBEsEQCAAIgFBAWohACABQQJ0IAMgBGpB//8PcUECdEGAgEBrKAIANgIAIARBAWohBAwBCwtBgICAASAANgIAQYyAgAEoAgAhAEGQgIABQYiAgAEoAgAiATYCAEGUgIABIAA2AgBBiICAASAAIAFqQf//D3E2AgBBjICAAUEANgIAIAAL",
  ),
  (c) => c.charCodeAt(0),
);
const ringModule = new WebAssembly.Module(RING_WASM);
/** slots and ring entries in the wasm module */
export const WASM_CAP = 1 << 18;
const WASM_MASK = WASM_CAP - 1;

/** A fresh instance of the ring module (its state is the instance's globals and memory). */
export function ringInstance() {
  return new WebAssembly.Instance(ringModule).exports;
}

/** The ready queue in JS: a ring of (callback, argument), one snapshot per iteration. */
export class JsRing {
  /** @param {number} capacity a power of two @param {boolean} cross one trivial wasm call per schedule and per iteration */
  constructor(capacity, cross) {
    this.mask = capacity - 1;
    this.fns = new Array(capacity).fill(null);
    this.args = new Array(capacity).fill(null);
    this.head = 0;
    this.tail = 0;
    this.cross = cross;
    this.nothing = ringInstance().nothing;
  }

  soon(fn, arg) {
    if (this.cross) this.nothing();
    const t = this.tail;
    this.fns[t] = fn;
    this.args[t] = arg;
    this.tail = (t + 1) & this.mask;
    if (this.tail === this.head) throw new RangeError("JsRing: full");
  }

  /** Runs the entries present now; returns how many there were. */
  runOnce() {
    if (this.cross) this.nothing();
    const { fns, args, mask } = this;
    const end = this.tail;
    let h = this.head;
    const n = (end - h) & mask;
    while (h !== end) {
      const f = fns[h];
      const a = args[h];
      fns[h] = null;
      args[h] = null;
      h = (h + 1) & mask;
      this.head = h;
      if (f !== null) f(a);
    }
    return n;
  }

  run() {
    while (this.runOnce() > 0);
  }
}

/** The ready queue in wasm linear memory: slot table + ring of slots; callbacks in JS by slot. */
export class WasmRing {
  /** @param {number} capacity slots the JS side holds callbacks for (at most WASM_CAP) */
  constructor(capacity = WASM_CAP) {
    const w = ringInstance();
    this.wsoon = w.soon;
    this.witerate = w.iterate;
    this.ring = new Uint32Array(w.memory.buffer, w.ringOffset(), WASM_CAP);
    this.stateOffset = w.stateOffset();
    this.fns = new Array(capacity).fill(null);
    this.args = new Array(capacity).fill(null);
    this.capacity = capacity;
    this.at = 0; // where the next snapshot starts in the ring (the glue follows the core's head)
  }

  soon(fn, arg) {
    const s = this.wsoon();
    if (s >= this.capacity) throw new RangeError("WasmRing: full");
    this.fns[s] = fn;
    this.args[s] = arg;
  }

  runOnce() {
    const n = this.witerate();
    const { fns, args, ring } = this;
    const at = this.at;
    this.at = (at + n) & WASM_MASK;
    for (let i = 0; i < n; i++) {
      const s = ring[(at + i) & WASM_MASK];
      const f = fns[s];
      const a = args[s];
      fns[s] = null;
      args[s] = null;
      if (f !== null) f(a);
    }
    return n;
  }

  run() {
    while (this.runOnce() > 0);
  }
}

/** The wasm queue with the glue appending to the ring itself: one wasm call per iteration only. */
export class WasmMemRing extends WasmRing {
  constructor(capacity) {
    super(capacity);
    const buf = this.ring.buffer;
    this.free = new Uint32Array(buf, 0, WASM_CAP);
    this.cells = new Uint32Array(buf, this.stateOffset, 6);
  }

  soon(fn, arg) {
    const cells = this.cells;
    const top = cells[0];
    let s;
    if (top > 0) {
      s = this.free[top - 1];
      cells[0] = top - 1;
    } else {
      s = cells[1];
      cells[1] = s + 1;
    }
    if (s >= this.capacity) throw new RangeError("WasmMemRing: full");
    const length = cells[3];
    this.ring[(cells[2] + length) & WASM_MASK] = s;
    cells[3] = length + 1;
    this.fns[s] = fn;
    this.args[s] = arg;
  }
}

/** Which queue a row runs on. */
export function makeQueue(kind, capacity) {
  if (kind === "js") return new JsRing(capacity, false);
  if (kind === "js+wasm0") return new JsRing(capacity, true);
  if (kind === "wasm") return new WasmRing(capacity);
  if (kind === "wasm-mem") return new WasmMemRing(capacity);
  throw new Error(`unknown queue ${kind}`);
}

// ---------------------------------------------------------------------------------------
// The smallest Future and Task that do what asyncio's do on these paths. Fields: the ones
// every Future/Task needs on a common path; what only a rare path needs (cancel message,
// cancel counts, more than one done callback, debug traceback) sits in one `_rare` object
// made on first use, as wasmloop does. A Task is 12 fields: 7 of Future + 5 of its own.

const PENDING = 0;
const FINISHED = 1;
const CANCELLED = 2;

/** The context a step runs in: an immutable variable map per task, swapped in and out. */
const EMPTY_VARS = Object.freeze(new Map());
export const contextState = { vars: EMPTY_VARS };
/** whether Tasks run their steps in their context (one setting per process: one row) */
let useContext = false;
export function setContextMode(on) {
  useContext = on;
}

export class Future {
  constructor(loop) {
    this._loop = loop;
    this._state = PENDING;
    this._result = undefined;
    this._exception = undefined;
    this._callback = null; // the first done callback: a function, or a Task to wake
    this._logTraceback = false;
    this._rare = null;
  }

  setResult(value) {
    if (this._state !== PENDING) throw new Error("setResult: invalid state");
    this._result = value;
    this._state = FINISHED;
    this._scheduleCallbacks();
  }

  setException(exc) {
    if (this._state !== PENDING) throw new Error("setException: invalid state");
    this._exception = exc;
    this._state = FINISHED;
    this._logTraceback = true;
    this._scheduleCallbacks();
  }

  cancel(msg) {
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    if (msg !== undefined) (this._rare ??= {}).message = msg;
    this._scheduleCallbacks();
    return true;
  }

  result() {
    if (this._state !== FINISHED) throw new Error(this._state === PENDING ? "result is not set" : "CancelledError");
    this._logTraceback = false;
    if (this._exception !== undefined) throw this._exception;
    return this._result;
  }

  _addCallback(cb) {
    if (this._state !== PENDING) this._schedule(cb);
    else if (this._callback === null) this._callback = cb;
    else ((this._rare ??= {}).more ??= []).push(cb);
  }

  _schedule(cb) {
    // asyncio: call_soon(callback, self) for every done callback
    if (typeof cb === "function") this._loop.soon(cb, this);
    else this._loop.soon(taskWakeup, cb);
  }

  _scheduleCallbacks() {
    const cb = this._callback;
    if (cb === null) return;
    this._callback = null;
    this._schedule(cb);
    const more = this._rare?.more;
    if (more !== undefined) for (const m of more.splice(0)) this._schedule(m);
  }

  // `yield* fut`: the Future is its own iterator. Pending: yield it (the task then waits for
  // it); done: return its result or throw its exception, as Future.__await__ does.
  [Symbol.iterator]() {
    return this;
  }
  next() {
    if (this._state === PENDING) return { value: this, done: false };
    return { value: this.result(), done: true };
  }
  throw(exc) {
    throw exc;
  }
  return(value) {
    return { value, done: true };
  }
}

let taskCounter = 0;

export class Task extends Future {
  /** @param {{ soon(fn: Function, arg: unknown): void, current: Task | null }} loop */
  constructor(loop, coro) {
    super(loop);
    this._coro = coro;
    this._vars = useContext ? contextState.vars : null; // copy_context(): the immutable map is the copy
    this._futWaiter = null;
    this._mustCancel = false;
    this._name = ++taskCounter; // "Task-N", formatted when asked for
    loop.soon(taskStep, this);
  }

  /**
   * One step: what Task.__step does. With contexts on, the task's variable map is swapped in
   * around the resume only, and out again on both ways out of it: the coroutine is the only
   * code of the step that can read or set a variable (the task's own bookkeeping reads none,
   * and asyncio schedules the next step and the done callbacks with explicit contexts).
   */
  _step(hasExc, exc) {
    if (this._state !== PENDING) throw new Error("_step(): already done");
    if (this._mustCancel) {
      hasExc = true;
      exc = new Error("CancelledError");
      this._mustCancel = false;
    }
    this._futWaiter = null;
    const loop = this._loop;
    if (loop.current !== null) throw new Error("Cannot enter into task while another task is being executed");
    const cs = contextState;
    let saved = null;
    if (useContext) {
      saved = cs.vars;
      cs.vars = this._vars;
    }
    loop.current = this;
    let r;
    try {
      r = hasExc ? this._coro.throw(exc) : this._coro.next();
    } catch (e) {
      loop.current = null;
      if (useContext) {
        this._vars = cs.vars; // a set() during the step made a new map: it is the task's now
        cs.vars = saved;
      }
      this.setException(e);
      return;
    }
    loop.current = null;
    if (useContext) {
      this._vars = cs.vars;
      cs.vars = saved;
    }
    if (r.done) {
      this.setResult(r.value);
      return;
    }
    const y = r.value;
    if (y === undefined) {
      loop.soon(taskStep, this); // bare yield: give way for one iteration
    } else if (y instanceof Future) {
      if (y._loop !== loop) throw new Error("Future attached to a different loop");
      if (y === this) throw new Error("Task cannot await on itself");
      y._addCallback(this);
      this._futWaiter = y;
      if (this._mustCancel && y.cancel()) this._mustCancel = false;
    } else {
      loop.soon(taskThrow, [this, new TypeError("Task got bad yield")]);
    }
  }
}

function taskStep(task) {
  task._step(false, undefined);
}
function taskThrow([task, exc]) {
  task._step(true, exc);
}
/** the Future a task waited on is done: step again (the iterator returns the result or throws) */
function taskWakeup(task) {
  task._step(false, undefined);
}

/** A loop for the floor Tasks: a queue plus the current task. */
export function floorLoop(queue) {
  return {
    queue,
    current: null,
    soon(fn, arg) {
      queue.soon(fn, arg);
    },
  };
}

// ---------------------------------------------------------------------------------------

/**
 * Runs `rows` (key → { label, measure: { ops, setup, run, check }, flags? }) each in a child
 * process (with the row's extra node flags, if any), or, in a child, the one row named by
 * argv. Prints "label: median ns (min ns)".
 */
export function runRows(file, rows, unit) {
  const key = process.argv[2];
  if (key !== undefined && key in rows) {
    const spec = rows[key];
    const r = measure({ reps: 7, ...spec.measure });
    console.log(`${spec.label}: ${r.value.toFixed(1)} ns per ${unit} (min ${r.min.toFixed(1)})`);
    return;
  }
  const only = key === undefined ? Object.keys(rows) : key.split(",");
  for (const k of only) {
    const child = spawnSync(process.execPath, [...process.execArgv, ...(rows[k]?.flags ?? []), file, k], { encoding: "utf8" });
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      throw new Error(`row ${k} failed`);
    }
    process.stdout.write(child.stdout);
  }
}
