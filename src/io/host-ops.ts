/**
 * Host operations in flight: child processes and pipes, whose news (data, an exit, an end)
 * comes from host events — promise jobs and stream callbacks — that only reach the loop
 * while the host's own event loop turns. `await runUntilComplete()` lets it turn between
 * iterations; `runUntilCompleteSync()` runs on the caller's stack and never does, so it
 * could only hang or give up. It refuses instead, clearly: at its start while such an
 * operation is in flight on its loop, and at the start of one during the run.
 *
 * Each operation also says how to let go of its host resources without calling anyone:
 * loop.close() does that for what is still in flight (pipes are closed, children no longer
 * keep the host process alive), as a Python process that exits closes its pipes without
 * waiting for its children.
 *
 * This registry is per loop and lives here until the loop keeps one count of its own for
 * every host operation (sockets too); then beginHostOp/endHostOp become calls to it.
 */
import { RuntimeError } from "../exceptions.js";

/** One operation: how to let go of it when its loop closes. */
export interface HostOp {
  release(): void;
}

const inFlight = new WeakMap<object, Set<HostOp>>();
const syncRuns = new WeakSet<object>();

/** An operation that reports through host events started on `loop`; returns its token for endHostOp. */
export function beginHostOp(loop: object, release: () => void): HostOp {
  const op = { release };
  let ops = inFlight.get(loop);
  if (ops === undefined) inFlight.set(loop, (ops = new Set()));
  ops.add(op);
  return op;
}

/** It ended: nothing more will come from the host for it. */
export function endHostOp(loop: object, op: HostOp): void {
  inFlight.get(loop)?.delete(op);
}

/** How many such operations are in flight on `loop`. */
export function hostOpsInFlight(loop: object): number {
  return inFlight.get(loop)?.size ?? 0;
}

/** @internal loop.close(): lets go of what is still in flight */
export function releaseHostOps(loop: object): void {
  const ops = inFlight.get(loop);
  if (ops === undefined) return;
  inFlight.delete(loop);
  for (const op of ops) {
    try {
      op.release();
    } catch {
      // the host resource is gone already
    }
  }
}

/** @internal runUntilCompleteSync: refuses to start while host operations are in flight; marks the run */
export function enterSyncRun(loop: object): void {
  const n = hostOpsInFlight(loop);
  if (n > 0) {
    throw new RuntimeError(
      `runUntilCompleteSync: ${n} child process${n === 1 ? "" : "es"} or pipe${n === 1 ? "" : "s"} of this loop ` +
        `report${n === 1 ? "s" : ""} through host events, which a synchronous run cannot receive; use await runUntilComplete()`,
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
