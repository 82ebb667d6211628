// The package's main entry: everything, with the scheduler's wasm bytes inline and the I/O
// layer installed.
import { setSchedulerBytes } from "./core/wasm.js";
import { SCHEDULER_WASM } from "./core/wasm-bytes.js";
import { decodeByteString } from "./core/byte-string.js";
import "./io/layer.js";

setSchedulerBytes(() => decodeByteString(SCHEDULER_WASM));

export * from "./api.js";
