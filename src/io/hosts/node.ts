/**
 * Node and Bun (whose node:worker_threads is the same API): the executor's workers are
 * worker_threads, unref()'d while idle so they never keep the process alive.
 *
 * node:worker_threads is loaded on first use with `process.getBuiltinModule` (Node 20.16+,
 * 22.3+; Bun), not with a dynamic import: SES refuses to evaluate any bundle with one
 * in its text, and a static import would break every browser and edge build. The worker runs the executor's script from a `data:` URL, so no file of the package
 * has to be found (or copied by a bundler) at run time.
 */
import type { WorkerEvents, WorkerPort, WorkerScript } from "../threads.js";

/** Why this Node cannot start worker threads, or null if it can. */
export function nodeThreadsMissing(): string | null {
  const p = (globalThis as any).process;
  if (typeof p?.getBuiltinModule === "function") return null;
  return (
    `Node ${String(p?.version ?? "")} has no process.getBuiltinModule (Node 20.16+ or 22.3+), which wasmloop needs ` +
    "to load node:worker_threads on first use; upgrade Node, or lend a worker: new EventLoop({ host: { worker } })"
  );
}

/** Starts a worker_threads Worker running `script`; idle, it does not keep the process alive once unref()'d. */
export function spawnNodeWorker(script: WorkerScript, events: WorkerEvents): WorkerPort {
  const { Worker } = (globalThis as any).process.getBuiltinModule("node:worker_threads");
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(script.source)}`), { name: script.name });
  worker.on("message", (data: unknown) => events.message(data));
  worker.on("messageerror", (error: unknown) => events.error(error));
  worker.on("error", (error: unknown) => events.error(error));
  worker.on("exit", (code: number) => events.exit(code));
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
  };
}
