/**
 * Threads: what an executor needs of its host, and which host this runtime is.
 *
 * An executor runs calls in workers. It asks the host for one thing, `SpawnWorker`: start a
 * thread that runs a given script (the executor's worker, executor-worker.ts, as source
 * text), pass messages both ways, report the thread's uncaught errors and its end, and stop
 * it: worker_threads in Node and Bun, module Web Workers in Deno and browsers. Each runtime's way of doing that lives in one file under hosts/ (node.ts, deno.ts,
 * browser.ts; workers.ts says why Cloudflare Workers has none); this file only picks one, at
 * the first call that needs a worker (never at import: the package stays importable where no
 * thread facility exists). A host may also inject its own as a capability,
 * `new EventLoop({ host: { worker } })` or `new ThreadPoolExecutor({ worker })` — an SES
 * compartment has no Worker of its own, but its host can lend one.
 */
import { NotImplementedError } from "../exceptions.js";
import { spawnNodeWorker, nodeThreadsMissing } from "./hosts/node.js";
import { spawnDenoWorker } from "./hosts/deno.js";
import { spawnWebWorker } from "./hosts/browser.js";
import { workersHaveNoThreads } from "./hosts/workers.js";

/** The script a worker runs: source text that is both a classic script and an ES module. */
export interface WorkerScript {
  /** The script's text: run it as a classic script or as an ES module. */
  readonly source: string;
  /** a name for debuggers and thread lists, e.g. `asyncio_0` */
  readonly name: string;
}

/** What a worker reports to the executor that started it. */
export interface WorkerEvents {
  /** a message the worker posted (already deserialized) */
  message(data: unknown): void;
  /** an error the worker did not catch, or a message that could not be deserialized; the executor stops and replaces the worker */
  error(error: unknown): void;
  /** the worker ended by itself (process.exit, a crash); never called after terminate() */
  exit(code: number | null): void;
}

/** The executor's handle on one worker. */
export interface WorkerPort {
  /** structured-clones `message` to the worker; throws (DataCloneError) if it cannot */
  postMessage(message: unknown): void;
  /** stops the worker; what it returns (a promise in Node) settles once the thread is gone */
  terminate(): unknown;
  /** keeps the host process alive while the worker works (Node, Bun, Deno) */
  ref?(): void;
  /** lets the host process exit while the worker idles */
  unref?(): void;
}

/**
 * A host capability: starts a worker running `script.source` and reports to `events`.
 * @example
 * // a plugin host lends its SES compartment Node's threads
 * import { Worker } from "node:worker_threads";
 * const worker = (script, events) => {
 *   const w = new Worker(script.source, { eval: true, name: script.name });
 *   w.on("message", events.message); w.on("error", events.error); w.on("exit", events.exit);
 *   return w;
 * };
 * new EventLoop({ host: { worker } });
 */
export type SpawnWorker = (script: WorkerScript, events: WorkerEvents) => WorkerPort;

/**
 * This runtime's way of starting workers: `given` if a host injected one, else the
 * runtime's own. Throws NotImplementedError naming the runtime where there is none.
 */
export function hostThreads(where: string, given: SpawnWorker | null | undefined): SpawnWorker {
  if (given !== null && given !== undefined) return given;
  const g = globalThis as any;
  if (g.navigator?.userAgent === "Cloudflare-Workers") throw workersHaveNoThreads(where);
  if (typeof g.Deno?.version?.deno === "string") return spawnDenoWorker;
  if (typeof g.Bun === "object" || typeof g.process?.versions?.node === "string") {
    const missing = nodeThreadsMissing();
    if (missing !== null) throw new NotImplementedError(`${where}: ${missing}`);
    return spawnNodeWorker;
  }
  if (typeof g.Worker === "function") return spawnWebWorker;
  throw new NotImplementedError(
    `${where}: ${runtimeName()} has no threads (no Worker, no node:worker_threads) to run calls off the event loop; ` +
      "a host can lend one: new EventLoop({ host: { worker } }) or new ThreadPoolExecutor({ worker })",
  );
}

function runtimeName(): string {
  const g = globalThis as any;
  if (typeof g.harden === "function" && typeof g.Compartment === "function") return "this SES compartment";
  return "this JavaScript host";
}
