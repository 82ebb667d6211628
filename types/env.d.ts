// What the shipped declarations name from the host's types, declared for consumers whose
// environment lacks them (with skipLibCheck: false): `Symbol.dispose` and `Symbol.asyncDispose`
// without lib ESNext.Disposable (EventLoop and Loop are Disposable, ThreadPoolExecutor also
// AsyncDisposable), and `WebAssembly.Module` under
// @types/node without the DOM lib (setSchedulerModule). Both merge with the full declarations
// where those exist. tests/package-consumers.test.ts compiles a consumer under each
// environment. src/core/wasm.ts references this file, so every entry's declarations see it;
// it is not in the TypeScript sources because JSR refuses global augmentations there.
export {};

declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
    readonly asyncDispose: unique symbol;
  }
  namespace WebAssembly {
    interface Module {}
  }
}
