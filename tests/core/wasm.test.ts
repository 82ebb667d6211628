// Golden checks on the compiled module: no imports, the exact export list, its size, the
// constants it shares with the glue, and memory reuse.
import { describe, expect, it } from "vitest";
import { statSync } from "node:fs";
import { WASM_EXPORTS, type WasmExports } from "../../src/core/wasm.js";
import { CHUNK, ITER_NOW, MAX_GENERATION, SLOT_BITS, STATUS_TIMERS } from "../../src/core/layout.js";
import { WASM_PATH, wasmBytes } from "../helpers.js";

const mod = new WebAssembly.Module(wasmBytes());
const fresh = () => new WebAssembly.Instance(mod, {}).exports as unknown as WasmExports;

describe("scheduler.wasm", () => {
  it("imports nothing", () => {
    expect(WebAssembly.Module.imports(mod)).toEqual([]);
  });

  it("exports exactly what the glue uses", () => {
    expect(WebAssembly.Module.exports(mod).map((e) => e.name).sort()).toEqual([...WASM_EXPORTS].sort());
  });

  it("stays under the 4 KB Chrome allows for synchronous compilation on the main thread", () => {
    expect(statSync(WASM_PATH).size).toBeLessThan(4096);
  });

  it("shares SLOT_BITS, CHUNK and MAX_GENERATION with src/core/layout.ts", () => {
    const x = fresh();
    expect([x.SLOT_BITS.value, x.CHUNK.value, x.MAX_GENERATION.value]).toEqual([SLOT_BITS, CHUNK, MAX_GENERATION]);
  });

  it("does not grow memory while 10 million timers fire with 1,000 pending", () => {
    const x = fresh();
    const pending = 1000;
    let when = 0;
    for (let i = 0; i < pending; i++) x.at(++when);
    let next = 1; // the timers fire one per iteration, in order: the next deadline is known
    const fire = (rounds: number) => {
      for (let r = 0; r < rounds; r++) {
        for (let n = x.iterate(next++, 0.5, ITER_NOW); n >= 0; n = x.take()) for (let i = 0; i < n; i++) x.at(++when);
      }
    };
    fire(10_000); // warm-up: every array at its steady size
    const before = x.memory.buffer.byteLength;
    fire(10_000_000 - 10_000);
    expect(new Uint32Array(x.memory.buffer)[(x.STATUS_AT.value + STATUS_TIMERS) >>> 2]).toBe(pending);
    expect(x.memory.buffer.byteLength).toBe(before);
  });
});
