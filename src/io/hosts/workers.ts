/**
 * Cloudflare Workers: no threads. A Worker isolate has no Web Worker and no
 * node:worker_threads (not even with nodejs_compat), so an executor cannot run anything
 * off the event loop there; the call says so instead of running it inline, which would
 * block the isolate (and its CPU-time limit) exactly where the caller asked not to.
 */
import { NotImplementedError } from "../../exceptions.js";

/** The error an executor call raises on Cloudflare Workers. */
export function workersHaveNoThreads(where: string): NotImplementedError {
  return new NotImplementedError(
    `${where}: Cloudflare Workers has no threads (no Web Worker, no node:worker_threads) to run calls off the event loop; ` +
      "run the function inline, or hand the work to another Worker or a Durable Object",
  );
}

/**
 * Cloudflare Workers has no child processes (not even with nodejs_compat, whose
 * node:child_process only throws). Pipes over Web Streams work there.
 */
export function workersHaveNoSubprocesses(where: string): NotImplementedError {
  return new NotImplementedError(
    `${where}: Cloudflare Workers has no subprocesses (a Worker cannot start a program); ` +
      "pipes over Web Streams (connectReadPipe, connectWritePipe) work",
  );
}
