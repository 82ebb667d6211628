/// <reference path="../../types/env.d.ts" preserve="true" />
/**
 * The scheduler core behind every EventLoop, and the only file that touches the
 * WebAssembly exports (see assembly/index.ts for the ABI, assembly/layout.ts for the
 * constants both sides share).
 *
 * The core is mechanism: a timer heap keyed by (deadline, sequence), a FIFO ready ring and
 * a handle table of slot + generation. It never reads a clock, never calls out, and hands
 * due work to the glue in chunks (`collect` once per loop iteration, then `take` per
 * CHUNK handles), so the JS↔wasm boundary is crossed per iteration, not per callback.
 */
import { CHUNK, nextFirstGeneration } from "./layout.js";

/** What the EventLoop needs from a scheduler core; implemented by the wasm core and by ReferenceCore. */
export interface SchedulerCore {
  /** Allocates a handle at the tail of the ready ring; returns its id, or -1 when the table is full. */
  soon(): number;
  /** Allocates a timer handle due at `when`; returns its id, or -1 when the table is full. */
  at(when: number): number;
  /** CANCEL_TIMER, CANCEL_READY or CANCEL_STALE (the id no longer names a pending handle). */
  cancel(id: number): number;
  /** Starts an iteration: frees the handed-over chunk, moves every timer with `when < deadline` to the ready ring, and returns how many ready entries this iteration will run. */
  collect(deadline: number): number;
  /** Hands over the next chunk of this iteration's entries (cancelled ones are dropped): returns how many slots it wrote to `chunk()`, or -1 when the iteration is exhausted. */
  take(): number;
  /** The chunk buffer `take` writes slots into; re-read it after any call that may grow memory. */
  chunk(): Int32Array;
  /** The earliest pending timer's deadline, or Infinity. */
  nextDeadline(): number;
  /** Entries in the ready ring, cancelled ones included until they are drained. */
  readyCount(): number;
  /** Pending timers. */
  timerCount(): number;
  /** Frees every handle: all ids become stale. */
  clear(): void;
}

/** @internal the raw exports of the scheduler module */
export interface WasmExports {
  memory: WebAssembly.Memory;
  soon(): number;
  at(when: number): number;
  cancel(id: number): number;
  collect(deadline: number): number;
  take(): number;
  chunkPtr(): number;
  nextDeadline(): number;
  readyCount(): number;
  timerCount(): number;
  clear(): void;
  seedGenerations(first: number): void;
  SLOT_BITS: WebAssembly.Global;
  CHUNK: WebAssembly.Global;
  MAX_GENERATION: WebAssembly.Global;
}

/** The export names the glue uses: the module must export exactly these (tests/core/wasm.test.ts). */
export const WASM_EXPORTS = [
  "memory", "soon", "at", "cancel", "collect", "take", "chunkPtr", "nextDeadline",
  "readyCount", "timerCount", "clear", "seedGenerations", "SLOT_BITS", "CHUNK", "MAX_GENERATION",
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
export function createWasmCore(firstGeneration: number = nextFirstGeneration()): SchedulerCore {
  const instance = new WebAssembly.Instance(getSchedulerModule(), {});
  const x = instance.exports as unknown as WasmExports;
  x.seedGenerations(firstGeneration);
  return new WasmCore(x);
}

class WasmCore implements SchedulerCore {
  readonly #x: WasmExports;
  #view: Int32Array;

  constructor(exports: WasmExports) {
    this.#x = exports;
    this.#view = this.#makeView();
  }

  #makeView(): Int32Array {
    return new Int32Array(this.#x.memory.buffer, this.#x.chunkPtr(), CHUNK);
  }

  soon(): number { return this.#x.soon(); }
  at(when: number): number { return this.#x.at(when); }
  cancel(id: number): number { return this.#x.cancel(id); }
  collect(deadline: number): number { return this.#x.collect(deadline); }
  take(): number { return this.#x.take(); }
  chunk(): Int32Array {
    // memory.grow detaches every view over the old buffer; a detached view has length 0
    if (this.#view.length === 0) this.#view = this.#makeView();
    return this.#view;
  }
  nextDeadline(): number { return this.#x.nextDeadline(); }
  readyCount(): number { return this.#x.readyCount(); }
  timerCount(): number { return this.#x.timerCount(); }
  clear(): void { this.#x.clear(); }
}
