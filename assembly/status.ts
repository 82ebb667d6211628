// The status block: a few words of linear memory the glue reads through a typed-array view
// instead of calling in (src/core/wasm.ts). The core keeps its live counters here — the ready
// ring's and the heap's lengths are these cells, not globals — so "is anything ready?",
// "how many timers?" and "when is the next one due?" cost the glue a memory read, and an
// iteration costs one call (iterate) that leaves the iteration's time and size here too.
// Offsets: assembly/layout.ts (STATUS_*), mirrored by src/core/layout.ts.
import { STATUS_BYTES, STATUS_HEAP_AT, STATUS_NOW, STATUS_READY, STATUS_TIMERS, STATUS_UNHANDED } from "./layout";

export const statusAt: usize = memory.data(STATUS_BYTES, 8);

@inline export function readyLength(): u32 {
  return load<u32>(statusAt + STATUS_READY);
}

@inline export function setReadyLength(n: u32): void {
  store<u32>(statusAt + STATUS_READY, n);
}

@inline export function timerLength(): u32 {
  return load<u32>(statusAt + STATUS_TIMERS);
}

@inline export function setTimerLength(n: u32): void {
  store<u32>(statusAt + STATUS_TIMERS, n);
}

@inline export function unhandedCount(): u32 {
  return load<u32>(statusAt + STATUS_UNHANDED);
}

@inline export function setUnhanded(n: u32): void {
  store<u32>(statusAt + STATUS_UNHANDED, n);
}

@inline export function setIterationTime(now: f64): void {
  store<f64>(statusAt + STATUS_NOW, now);
}

@inline export function setHeapAt(p: usize): void {
  store<u32>(statusAt + STATUS_HEAP_AT, <u32>p);
}
