// Types for `import mod from "wasmloop/scheduler.wasm"` on hosts that compile .wasm imports
// into modules (Cloudflare Workers, bundlers with a wasm-module rule).
declare const schedulerModule: WebAssembly.Module;
export default schedulerModule;
// for environments without WebAssembly's types (@types/node without the DOM lib): merges with them where they exist
declare global {
  namespace WebAssembly {
    interface Module {}
  }
}
