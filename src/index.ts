// The package's main entry: everything, with the scheduler's wasm bytes inline.
import { setSchedulerBytes } from "./core/wasm.js";
import { SCHEDULER_WASM_BASE64 } from "./core/wasm-bytes.js";
import { decodeBase64 } from "./core/base64.js";

setSchedulerBytes(() => decodeBase64(SCHEDULER_WASM_BASE64));

export * from "./api.js";
