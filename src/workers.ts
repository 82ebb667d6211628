// Entry for hosts that forbid compiling WebAssembly from bytes (Cloudflare Workers): the
// same API without the inline bytes; call setSchedulerModule(mod) with the imported .wasm.
import "./io/layer.js";

export * from "./api.js";
