/**
 * The I/O layer as the loop sees it. Seed 001 puts I/O on the loop itself (createConnection,
 * createServer, subprocessExec, connectReadPipe, runInExecutor, ...), but a bundler cannot
 * drop a method a program never calls, so a loop that imported src/io directly would carry
 * every host's sockets, children and workers into every bundle. Instead the EventLoop
 * methods call through this one object, and src/io/layer.ts installs it:
 *
 *   "wasmloop" (and "wasmloop/workers")   installs it: every method works
 *   "wasmloop/lite"                       does not: the asyncio layer alone, a third of the
 *                                         size; the I/O methods refuse until "wasmloop/io"
 *                                         is imported (which installs it)
 *
 * Without the layer a loop has nothing of it to shut down or release, so close(),
 * shutdownDefaultExecutor() and the synchronous run's checks are no-ops there.
 */
import { NotImplementedError } from "./exceptions.js";
import type { EventLoop } from "./loop.js";

/** What the EventLoop's I/O methods call (src/io/layer.ts implements it). */
export interface IoLayer {
  setNetwork(loop: EventLoop, network: unknown): void;
  /** loop.close(): release host sockets, children and pipes; shut the default executor down without waiting */
  closeLoop(loop: EventLoop): void;
  /** runUntilCompleteSync: refuse while host operations the run could not hear of are in flight */
  enterSyncRun(loop: EventLoop): void;
  leaveSyncRun(loop: EventLoop): void;
  createConnection(loop: EventLoop, ...args: unknown[]): unknown;
  createUnixConnection(loop: EventLoop, ...args: unknown[]): unknown;
  createServer(loop: EventLoop, ...args: unknown[]): unknown;
  createUnixServer(loop: EventLoop, ...args: unknown[]): unknown;
  subprocess(loop: EventLoop, where: string, shell: boolean, protocolFactory: unknown, args: unknown[]): unknown;
  connectReadPipe(loop: EventLoop, protocolFactory: unknown, pipe: unknown): unknown;
  connectWritePipe(loop: EventLoop, protocolFactory: unknown, pipe: unknown): unknown;
  runInExecutor(loop: EventLoop, where: string, executor: unknown, fn: unknown, args: unknown[]): unknown;
  setDefaultExecutor(loop: EventLoop, executor: unknown): void;
  shutdownDefaultExecutor(loop: EventLoop, timeout: number | null): unknown;
}

let installed: IoLayer | null = null;

/** @internal src/io/layer.ts: the I/O layer is here */
export function _installIoLayer(layer: IoLayer): void {
  installed = layer;
}

/** @internal the I/O layer, or null in a build of "wasmloop/lite" without "wasmloop/io" */
export function _ioLayerOrNull(): IoLayer | null {
  return installed;
}

/** @internal the I/O layer; NotImplementedError naming `where` and the remedy when it is not in this build */
export function _ioLayer(where: string): IoLayer {
  if (installed !== null) return installed;
  throw new NotImplementedError(
    `${where}: the I/O layer is not loaded: this program imports "wasmloop/lite", the asyncio layer alone; ` +
      `add import "wasmloop/io" (or import from "wasmloop")`,
  );
}
