/**
 * Deno: the executor's workers are module Web Workers from a Blob URL, as in browsers
 * (browser.ts); started that way they need no permission flag (what the called code does
 * inside needs the usual ones: a module URL on disk needs --allow-read).
 *
 * Not Deno's node:worker_threads, though it could unref() idle workers: loading any node:
 * module makes Deno bootstrap its Node layer, which replaces the global MessageChannel and
 * MessagePort and adds `nodeBootstrap`, and the package changes no global. The price: a Deno
 * Web Worker has no unref(), so idle workers keep `deno run` alive until their executor is
 * shut down (loop.close(), shutdownDefaultExecutor(), pool.shutdown(); run() does it).
 * Deno.exit() and close() in a worker end it silently; the worker script reports both first.
 */
import type { WorkerEvents, WorkerPort, WorkerScript } from "../threads.js";
import { spawnWebWorker } from "./browser.js";

/** Starts a worker for the executor on Deno: a module Web Worker (see the file's header). */
export function spawnDenoWorker(script: WorkerScript, events: WorkerEvents): WorkerPort {
  return spawnWebWorker(script, events);
}
