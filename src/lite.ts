// "wasmloop/lite": the asyncio layer alone (loops, Futures, Tasks, task functions, TaskGroup,
// timeouts, locks, queues, context variables, runners, traces, call graphs and debug mode), with the wasm bytes inline and without
// the I/O layer, so bundles stay small (src/io-layer.ts). The same classes as the main entry:
// importing "wasmloop/io" too (or anything from "wasmloop") makes the loop's I/O methods work.
import { setSchedulerBytes } from "./core/wasm.js";
import { SCHEDULER_WASM } from "./core/wasm-bytes.js";
import { decodeByteString } from "./core/byte-string.js";

setSchedulerBytes(() => decodeByteString(SCHEDULER_WASM));

export * from "./api-core.js";
