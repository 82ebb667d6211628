/**
 * Host operations in flight: child processes and pipes, whose news (data, an exit, an end)
 * comes from host events — promise jobs and stream callbacks — that only reach the loop
 * while the host's own event loop turns. `await runUntilComplete()` lets it turn between
 * iterations; `runUntilCompleteSync()` runs on the caller's stack and never does, so it
 * could only hang or give up. It refuses instead, clearly: at its start while such an
 * operation is in flight on its loop, and at the start of one during the run.
 *
 * The count is kept here, per loop, until the loop keeps one of its own for every host
 * operation (sockets too): then beginHostOp/endHostOp become calls to it.
 */
import { RuntimeError } from "../exceptions.js";

const inFlight = new WeakMap<object, number>();
const syncRuns = new WeakSet<object>();

/** An operation that reports through host events started on `loop`. */
export function beginHostOp(loop: object): void {
  inFlight.set(loop, (inFlight.get(loop) ?? 0) + 1);
}

/** It ended: nothing more will come from the host for it. */
export function endHostOp(loop: object): void {
  const n = (inFlight.get(loop) ?? 0) - 1;
  if (n > 0) inFlight.set(loop, n);
  else inFlight.delete(loop);
}

/** How many such operations are in flight on `loop`. */
export function hostOpsInFlight(loop: object): number {
  return inFlight.get(loop) ?? 0;
}

/** @internal runUntilCompleteSync: refuses to start while host operations are in flight; marks the run */
export function enterSyncRun(loop: object): void {
  const n = hostOpsInFlight(loop);
  if (n > 0) {
    throw new RuntimeError(
      `runUntilCompleteSync: ${n} child process${n === 1 ? "" : "es"} or pipe${n === 1 ? "" : "s"} of this loop ` +
        "report through host events, which a synchronous run cannot receive; use await runUntilComplete()",
    );
  }
  syncRuns.add(loop);
}

/** @internal the synchronous run ended */
export function leaveSyncRun(loop: object): void {
  syncRuns.delete(loop);
}

/** RuntimeError if `loop` runs synchronously: `where` would start an operation whose news it could never receive. */
export function checkHostEventsReachable(loop: object, where: string): void {
  if (syncRuns.has(loop)) {
    throw new RuntimeError(
      `${where}: child processes and pipes report through host events, which runUntilCompleteSync cannot receive; ` +
        "run the loop with await runUntilComplete()",
    );
  }
}
