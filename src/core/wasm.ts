/// <reference path="../../types/env.d.ts" preserve="true" />
/**
 * The scheduler core behind every EventLoop, and the only file that touches the
 * WebAssembly exports (see assembly/index.ts for the ABI, assembly/layout.ts for the
 * constants both sides share).
 *
 * The core is mechanism: a timer heap keyed by (deadline, sequence), a FIFO ready ring and
 * a handle table of slot + generation. It never reads a clock, never calls out, and hands
 * due work to the glue in chunks (`iterate` once per loop iteration, which also hands over
 * the first CHUNK slots, then `take` per further CHUNK), so the JS↔wasm boundary is crossed
 * once per iteration, not per callback. What the glue asks between calls (is anything ready,
 * when is the next timer due, what time did the iteration run at) it reads from the status
 * block in linear memory (assembly/status.ts) through typed-array views: no call at all.
 */
import {
  CHUNK, STATUS_HEAP_AT, STATUS_NOW, STATUS_READY, STATUS_TIMERS, STATUS_UNHANDED, nextFirstGeneration,
} from "./layout.js";

/** What the EventLoop needs from a scheduler core; implemented by the wasm core and by ReferenceCore. */
export interface SchedulerCore {
  /** Allocates a handle at the tail of the ready ring; returns its id, or -1 when the table is full. */
  soon(): number;
  /** Allocates a timer handle due at `when`; returns its id, or -1 when the table is full. */
  at(when: number): number;
  /** CANCEL_TIMER, CANCEL_READY or CANCEL_STALE (the id no longer names a pending handle). */
  cancel(id: number): number;
  /**
   * Starts an iteration and hands over its first chunk: frees the chunk handed over last; on
   * a virtual clock with nothing ready (mode ITER_JUMP) moves `now` to the earliest deadline
   * first; moves every timer with `when < now + resolution` to the ready ring; fixes the
   * iteration's snapshot (what is ready now); writes up to CHUNK of its slots to `chunk()`
   * (cancelled ones are dropped) and returns how many. -1: nothing was done, because the
   * mode is ITER_JUMP or ITER_HOLD, nothing is ready, and there is no timer to jump to or
   * the mode forbids the jump. Afterwards `time()` is the iteration's time and `unhanded()`
   * what is left of its snapshot.
   */
  iterate(now: number, resolution: number, mode: number): number;
  /** Hands over the next chunk of this iteration's entries (cancelled ones are dropped): returns how many slots it wrote to `chunk()`, or -1 when the iteration is exhausted. */
  take(): number;
  /** The chunk buffer `iterate` and `take` write slots into; re-read it after any call that may grow memory. */
  chunk(): Int32Array;
  /** The time the last `iterate` ran at: its `now`, or the deadline a virtual clock jumped to. */
  time(): number;
  /** Entries of the current iteration's snapshot not handed over yet (0: `take` would answer -1). */
  unhanded(): number;
  /** The earliest pending timer's deadline, or Infinity. */
  nextDeadline(): number;
  /** Entries in the ready ring, cancelled ones included until they are drained. */
  readyCount(): number;
  /** Pending timers. */
  timerCount(): number;
  /** Frees every handle: all ids become stale. */
  clear(): void;
}

/** The wasm core as createWasmCore makes it: a SchedulerCore that a new loop can take up again. */
export interface WasmCore extends SchedulerCore {
  /**
   * Starts the core over for a new loop (a closed loop's core taken up again): every handle is
   * freed, every slot forgotten, generations start at `firstGeneration`; the memory stays.
   */
  restart(firstGeneration?: number): void;
  /** The size of the core's linear memory in bytes. */
  memoryBytes(): number;
}

/** @internal the raw exports of the scheduler module */
export interface WasmExports {
  memory: WebAssembly.Memory;
  soon(): number;
  at(when: number): number;
  cancel(id: number): number;
  iterate(now: number, resolution: number, mode: number): number;
  take(): number;
  clear(): void;
  seedGenerations(first: number): void;
  CHUNK_AT: WebAssembly.Global;
  STATUS_AT: WebAssembly.Global;
  SLOT_BITS: WebAssembly.Global;
  CHUNK: WebAssembly.Global;
  MAX_GENERATION: WebAssembly.Global;
}

/** The export names the glue uses: the module must export exactly these (tests/core/wasm.test.ts). */
export const WASM_EXPORTS = [
  "memory", "soon", "at", "cancel", "iterate", "take", "clear", "seedGenerations", "CHUNK_AT", "STATUS_AT",
  "SLOT_BITS", "CHUNK", "MAX_GENERATION",
] as const;

let schedulerModule: WebAssembly.Module | null = null;
let bytesSource: (() => Uint8Array<ArrayBuffer>) | null = null;

/**
 * Hands the package a compiled scheduler module, for hosts that forbid compiling
 * WebAssembly from bytes (Cloudflare Workers: `import mod from "wasmloop/scheduler.wasm"`).
 * Call it before the first EventLoop is created.
 * @example
 * import mod from "wasmloop/scheduler.wasm";
 * import { setSchedulerModule, EventLoop } from "wasmloop/workers";
 * setSchedulerModule(mod);
 */
export function setSchedulerModule(mod: WebAssembly.Module): void {
  if (!(mod instanceof WebAssembly.Module)) {
    throw new TypeError(`setSchedulerModule: mod must be a WebAssembly.Module, got ${mod === null ? "null" : typeof mod === "object" ? Object.prototype.toString.call(mod).slice(8, -1) : typeof mod}`);
  }
  schedulerModule = mod;
}

/** Registers where the wasm bytes come from (the main entry ships them inline). */
export function setSchedulerBytes(source: () => Uint8Array<ArrayBuffer>): void {
  bytesSource = source;
}

/** The compiled scheduler module: the one handed over, else compiled (synchronously) from the shipped bytes. */
export function getSchedulerModule(): WebAssembly.Module {
  if (schedulerModule === null) {
    if (bytesSource === null) {
      throw new Error(
        "wasmloop: no scheduler module; on hosts that forbid compiling WebAssembly from bytes, " +
          "import the .wasm as a module and call setSchedulerModule(mod) first",
      );
    }
    schedulerModule = new WebAssembly.Module(bytesSource());
  }
  return schedulerModule;
}

/**
 * A fresh wasm core: one instance (and one linear memory) per EventLoop. Its generations
 * start at `firstGeneration`, by default the next per-loop salt (layout.ts).
 */
export function createWasmCore(firstGeneration: number = nextFirstGeneration()): WasmCore {
  const instance = new WebAssembly.Instance(getSchedulerModule(), {});
  const x = instance.exports as unknown as WasmExports;
  x.seedGenerations(firstGeneration);
  return new WasmCoreImpl(x);
}

/**
 * The wasm exports behind the SchedulerCore interface. Only soon/at/cancel/iterate/take/clear
 * cross into wasm; the rest read linear memory through views (the chunk and the status
 * block). memory.grow detaches every view over the old buffer (a detached view has length
 * 0), so each read checks the view it uses and re-derives the views when it was detached.
 * The f64 cells are read through a DataView: SES compartments have no Float64Array.
 */
class WasmCoreImpl implements WasmCore {
  readonly #x: WasmExports;
  readonly #chunkAt: number;
  readonly #statusAt: number;
  #chunk!: Int32Array;
  /** the whole memory as u32 cells, and as a DataView for the f64 ones (the time, the heap's first deadline) */
  #u32!: Uint32Array;
  #dv!: DataView;

  constructor(exports: WasmExports) {
    this.#x = exports;
    this.#chunkAt = exports.CHUNK_AT.value;
    this.#statusAt = exports.STATUS_AT.value;
    this.#makeViews();
  }

  #makeViews(): void {
    const buffer = this.#x.memory.buffer;
    this.#chunk = new Int32Array(buffer, this.#chunkAt, CHUNK);
    this.#u32 = new Uint32Array(buffer);
    this.#dv = new DataView(buffer);
  }

  #cells(): Uint32Array {
    if (this.#u32.length === 0) this.#makeViews();
    return this.#u32;
  }

  soon(): number { return this.#x.soon(); }
  at(when: number): number { return this.#x.at(when); }
  cancel(id: number): number { return this.#x.cancel(id); }
  iterate(now: number, resolution: number, mode: number): number { return this.#x.iterate(now, resolution, mode); }
  take(): number { return this.#x.take(); }
  chunk(): Int32Array {
    if (this.#chunk.length === 0) this.#makeViews();
    return this.#chunk;
  }
  time(): number {
    this.#cells();
    return this.#dv.getFloat64(this.#statusAt + STATUS_NOW, true);
  }
  unhanded(): number { return this.#cells()[(this.#statusAt + STATUS_UNHANDED) >>> 2]; }
  readyCount(): number { return this.#cells()[(this.#statusAt + STATUS_READY) >>> 2]; }
  timerCount(): number { return this.#cells()[(this.#statusAt + STATUS_TIMERS) >>> 2]; }
  nextDeadline(): number {
    const u32 = this.#cells();
    if (u32[(this.#statusAt + STATUS_TIMERS) >>> 2] === 0) return Infinity;
    return this.#dv.getFloat64(u32[(this.#statusAt + STATUS_HEAP_AT) >>> 2], true);
  }
  clear(): void { this.#x.clear(); }
  restart(firstGeneration: number = nextFirstGeneration()): void { this.#x.seedGenerations(firstGeneration); }
  memoryBytes(): number { return this.#x.memory.buffer.byteLength; }
}
