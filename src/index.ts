// The package's main entry: everything, with the scheduler's wasm bytes inline.
import { setSchedulerBytes } from "./core.js";
import { SCHEDULER_WASM_BASE64 } from "./wasm-bytes.js";
import { decodeBase64 } from "./base64.js";

setSchedulerBytes(() => decodeBase64(SCHEDULER_WASM_BASE64));

export * from "./api.js";
