// Shared by the core tests: both cores behind one factory.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createWasmCore, setSchedulerBytes, type SchedulerCore } from "../src/core/wasm.js";
import { ReferenceCore } from "../src/core/reference.js";
import { ITER_NOW } from "../src/core/layout.js";

export const WASM_PATH = fileURLToPath(new URL("../build/scheduler.wasm", import.meta.url));

export function wasmBytes(): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(WASM_PATH));
}

setSchedulerBytes(wasmBytes);

export const CORES: [string, (firstGeneration?: number) => SchedulerCore][] = [
  ["wasm", (firstGeneration) => createWasmCore(firstGeneration)],
  ["reference", (firstGeneration) => new ReferenceCore(firstGeneration)],
];

/**
 * Runs one iteration the way the loop does (the timers due before `deadline`, or with a
 * virtual clock's mode, before the time it jumps to plus the loop's resolution); returns the
 * handed-over slots in order.
 */
export function iterate(core: SchedulerCore, deadline: number, mode: number = ITER_NOW): number[] {
  const out: number[] = [];
  let n = core.iterate(deadline, mode === ITER_NOW ? 0 : 1e-9, mode);
  if (n < 0) return out;
  for (;;) {
    const chunk = core.chunk();
    for (let i = 0; i < n; i++) out.push(chunk[i]);
    if (core.unhanded() === 0) return out;
    n = core.take();
  }
}
