/**
 * What the loop needs from the host, looked up on globalThis when a loop is created (never
 * at import) and replaceable through `new EventLoop({ host })` where a global is missing
 * (SES compartments, plugin sandboxes): a monotonic clock, one-shot timers, a fast
 * macrotask, and a way to block the thread for the synchronous run.
 */
import { RuntimeError } from "./exceptions.js";
import { describe } from "./validate.js";
import type { SpawnWorker } from "./io/threads.js";
import type { SocketConnect } from "./io/hosts/socket-connect.js";

/** Host capabilities a loop can be given instead of globals; every field is optional. */
export interface HostCapabilities {
  /** Monotonic milliseconds (default: `performance.now`). */
  now?: () => number;
  /** One-shot timer (default: `setTimeout`). */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  /** Cancels a `setTimeout` timer (default: `clearTimeout`). */
  clearTimeout?: (handle: unknown) => void;
  /** Runs `fn` soon, after pending I/O and promise jobs (default: `setImmediate`, else a `MessageChannel`, else `setTimeout(fn, 0)`). */
  macrotask?: (fn: () => void) => void;
  /**
   * Blocks the thread for `ms` milliseconds, for `runUntilCompleteSync` on a real clock
   * (default: `Atomics.wait` where the host allows it). `null` says the host cannot block:
   * `runUntilCompleteSync` then throws RuntimeError when it would have to wait for a timer.
   */
  block?: ((ms: number) => void) | null;
  /**
   * Starts a worker thread for the default executor (runInExecutor(null, ...), toThread)
   * where the runtime has none of its own, or to replace its own (default: worker_threads in
   * Node and Bun, a module Web Worker in Deno and browsers; none in Workers and SES). See SpawnWorker.
   */
  worker?: SpawnWorker | null;
  /**
   * Opens TCP client connections for openConnection/createConnection where the runtime's own
   * sockets are out of reach: Cloudflare Workers' `connect` from `cloudflare:sockets`, or a
   * function of its shape that a host injects (an SES compartment's host). TLS goes through its
   * `secureTransport: "on"`. A loop with it has no servers (NotImplementedError). See SocketConnect.
   * @example
   * import { connect } from "cloudflare:sockets";
   * const loop = new EventLoop({ host: { connect } });
   */
  connect?: SocketConnect | null;
}

/** A channel of macrotasks for one asynchronous run; closed when the run ends so it never keeps a host alive. */
export interface Macrotasks {
  post(fn: () => void): void;
  close(): void;
}

export interface Host {
  now: (() => number) | null;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  openMacrotasks(): Macrotasks;
  /** null when the host cannot block (browser main thread); the reason is in `blockUnavailable` */
  block: ((ms: number) => void) | null;
  blockUnavailable: string;
  /** the injected worker capability, or null: the runtime's own (io/threads.ts) */
  worker: SpawnWorker | null;
  /** the injected connect capability, or null: setConnect's, else the runtime's own sockets (io/loop-io.ts) */
  connect: SocketConnect | null;
}

const HOST_KEYS = ["now", "setTimeout", "clearTimeout", "macrotask", "block"] as const;

export function resolveHost(given: HostCapabilities | undefined): Host {
  if (given !== undefined) {
    if (given === null || typeof given !== "object") {
      throw new TypeError(`EventLoop: options.host must be an object, got ${describe(given)}`);
    }
    for (const key of HOST_KEYS) {
      const fn = given[key];
      if (fn !== undefined && typeof fn !== "function" && !(key === "block" && fn === null)) {
        throw new TypeError(`EventLoop: options.host.${key} must be a function${key === "block" ? " or null" : ""}, got ${describe(fn)}`);
      }
    }
    if (given.worker !== undefined && given.worker !== null && typeof given.worker !== "function") {
      throw new TypeError(`EventLoop: options.host.worker must be a function (SpawnWorker) or null, got ${describe(given.worker)}`);
    }
    if (given.connect !== undefined && given.connect !== null && typeof given.connect !== "function") {
      throw new TypeError(`EventLoop: options.host.connect must be a function (connect from "cloudflare:sockets") or null, got ${describe(given.connect)}`);
    }
  }
  const g = globalThis as any;
  const caps = given ?? {};
  const perf = g.performance;
  const now = caps.now ?? (perf && typeof perf.now === "function" ? () => perf.now() : null);
  const setT = caps.setTimeout ?? (typeof g.setTimeout === "function" ? (fn: () => void, ms: number) => g.setTimeout(fn, ms) : null);
  const clearT = caps.clearTimeout ?? (typeof g.clearTimeout === "function" ? (h: unknown) => g.clearTimeout(h) : null);
  const missing = (what: string) => () => {
    throw new RuntimeError(`this host has no ${what}; pass it in new EventLoop({ host: { ${what}: ... } })`);
  };
  let block: ((ms: number) => void) | null = caps.block ?? null;
  let blockUnavailable = "";
  if (caps.block === null) blockUnavailable = "options.host.block is null (the host cannot block)";
  else if (block === null) [block, blockUnavailable] = atomicsBlock();
  return {
    now,
    setTimeout: setT ?? missing("setTimeout"),
    clearTimeout: clearT ?? (() => {}),
    openMacrotasks: () => openMacrotasks(caps.macrotask, setT),
    block,
    blockUnavailable,
    worker: caps.worker ?? null,
    connect: caps.connect ?? null,
  };
}

function openMacrotasks(
  given: ((fn: () => void) => void) | undefined,
  setT: ((fn: () => void, ms: number) => unknown) | null,
): Macrotasks {
  const g = globalThis as any;
  if (given !== undefined) return { post: given, close() {} };
  if (typeof g.setImmediate === "function") return { post: (fn) => g.setImmediate(fn), close() {} };
  if (typeof g.MessageChannel === "function") {
    // FIFO of callbacks behind one port; closed at the end of the run, since an open port
    // with a listener keeps Deno and browsers' workers alive
    const channel = new g.MessageChannel();
    const queue: (() => void)[] = [];
    let head = 0;
    channel.port1.onmessage = () => {
      const fn = queue[head];
      queue[head++] = undefined as never;
      if (head === queue.length) queue.length = head = 0;
      fn();
    };
    return {
      post(fn) {
        queue.push(fn);
        channel.port2.postMessage(0);
      },
      close() {
        channel.port1.onmessage = null;
        channel.port1.close();
        channel.port2.close();
      },
    };
  }
  if (setT !== null) return { post: (fn) => setT(fn, 0), close() {} };
  return {
    post() {
      throw new RuntimeError("this host has no setImmediate, MessageChannel or setTimeout; pass options.host.macrotask");
    },
    close() {},
  };
}

function atomicsBlock(): [((ms: number) => void) | null, string] {
  const g = globalThis as any;
  if (typeof g.SharedArrayBuffer !== "function" || typeof g.Atomics?.wait !== "function") {
    return [null, "this host has no SharedArrayBuffer/Atomics.wait"];
  }
  const cell = new Int32Array(new g.SharedArrayBuffer(4));
  try {
    g.Atomics.wait(cell, 0, 0, 0);
  } catch {
    return [null, "Atomics.wait is not allowed on this thread (browsers forbid it on a page's main thread, Cloudflare Workers everywhere)"];
  }
  return [(ms: number) => void g.Atomics.wait(cell, 0, 0, ms), ""];
}
