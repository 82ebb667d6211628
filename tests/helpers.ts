// Shared by the core tests: both cores behind one factory.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createWasmCore, setSchedulerBytes, type SchedulerCore } from "../src/core/wasm.js";
import { ReferenceCore } from "../src/core/reference.js";

export const WASM_PATH = fileURLToPath(new URL("../build/scheduler.wasm", import.meta.url));

export function wasmBytes(): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(WASM_PATH));
}

setSchedulerBytes(wasmBytes);

export const CORES: [string, (firstGeneration?: number) => SchedulerCore][] = [
  ["wasm", (firstGeneration) => createWasmCore(firstGeneration)],
  ["reference", (firstGeneration) => new ReferenceCore(firstGeneration)],
];

/** Runs one iteration the way the loop does; returns the handed-over slots in order. */
export function iterate(core: SchedulerCore, deadline: number): number[] {
  const out: number[] = [];
  core.collect(deadline);
  for (let n = core.take(); n >= 0; n = core.take()) {
    const chunk = core.chunk();
    for (let i = 0; i < n; i++) out.push(chunk[i]);
  }
  return out;
}
