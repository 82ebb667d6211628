// Types for `import mod from "wasmloop/scheduler.wasm"` on hosts that compile .wasm imports
// into modules (Cloudflare Workers, bundlers with a wasm-module rule).
declare const schedulerModule: WebAssembly.Module;
export default schedulerModule;
