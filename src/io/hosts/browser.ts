/**
 * Browsers (and any host with a Web Worker but no node:worker_threads): the executor's
 * workers are module Web Workers started from a Blob URL of the executor's script, so no
 * file of the package has to be served or found by a bundler. The page's CSP must allow
 * `worker-src blob:` (and `script-src 'unsafe-eval'` in the worker for functions sent by
 * their source; module-URL work needs neither).
 *
 * A Web Worker survives its uncaught errors and ends silently when it calls close(); the
 * worker script reports close() itself (executor-worker.ts), and the executor treats an
 * uncaught error as the end of the worker (it stops and replaces it).
 */
import type { WorkerEvents, WorkerPort, WorkerScript } from "../threads.js";
import { NotImplementedError } from "../../exceptions.js";

/** Starts a module Web Worker running `script`. */
export function spawnWebWorker(script: WorkerScript, events: WorkerEvents): WorkerPort {
  const g = globalThis as any;
  const url = g.URL.createObjectURL(new g.Blob([script.source], { type: "text/javascript" }));
  const worker = new g.Worker(url, { type: "module", name: script.name });
  // the blob is needed until the worker has loaded it: let it go at the worker's first sign of life
  let blobUrl: string | null = url;
  const release = () => {
    if (blobUrl !== null) g.URL.revokeObjectURL(blobUrl);
    blobUrl = null;
  };
  worker.addEventListener("message", (e: any) => {
    release();
    events.message(e.data);
  });
  worker.addEventListener("messageerror", () => events.error(new TypeError("a message from the worker could not be deserialized")));
  worker.addEventListener("error", (e: any) => {
    release();
    e.preventDefault?.(); // handled here: not reported again as the page's (or Deno's) uncaught error
    events.error(e.error ?? new Error(e.message || "the worker failed (an error event without details: the script could not load?)"));
  });
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => {
      release();
      worker.terminate();
    },
  };
}

/**
 * Browsers have no child processes: a page or a Web Worker cannot start a program. Pipes over
 * Web Streams (connectReadPipe/connectWritePipe) work there.
 */
export function browsersHaveNoSubprocesses(where: string): NotImplementedError {
  return new NotImplementedError(
    `${where}: a browser has no subprocesses (a page or a worker cannot start a program); ` +
      "pipes over Web Streams (connectReadPipe, connectWritePipe) work",
  );
}
