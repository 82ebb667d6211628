/**
 * Deno: the executor's workers are Deno's node:worker_threads, not its Web Workers. A Deno
 * Web Worker has no unref(): an idle one keeps `deno run` alive for ever (an idle worker with
 * no listener too), while a worker_threads Worker can be unref()'d between calls and reports
 * how it ended ('exit' with the code of a `process.exit`; a Web Worker that calls Deno.exit
 * just vanishes). Started from a `data:` URL, it needs no permission flag; what the called
 * code does inside needs the usual ones (a module URL on disk: --allow-read).
 */
import type { WorkerEvents, WorkerPort, WorkerScript } from "../threads.js";
import { spawnNodeWorker } from "./node.js";

/** Starts a worker for the executor on Deno (node:worker_threads: see the file's header). */
export function spawnDenoWorker(script: WorkerScript, events: WorkerEvents): WorkerPort {
  return spawnNodeWorker(script, events);
}
