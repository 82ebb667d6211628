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
 * The loop's own count of host I/O (base-events.ts, "Virtual time and host I/O") hears of
 * each operation too, which is what keeps a virtual clock from running ahead of it: a child
 * process is `busy` (its exit completes on its own, so the virtual clock stands still until
 * it exits), a pipe is `open` (data may come at any time, or never: the clock may jump after
 * the host had a turn).
 */
import { RuntimeError } from "../exceptions.js";
import type { BaseEventLoop } from "../base-events.js";

/** One operation: how to let go of it when its loop closes, and how the loop counts it. */
export interface HostOp {
  release(): void;
  readonly busy: boolean;
}

const inFlight = new WeakMap<object, Set<HostOp>>();
const syncRuns = new WeakSet<object>();

/**
 * An operation that reports through host events started on `loop` (`busy`: it completes on
 * its own, as a child's exit; else it is an open resource, as a pipe); returns its token for
 * endHostOp.
 */
export function beginHostOp(loop: BaseEventLoop, release: () => void, busy: boolean): HostOp {
  const op = { release, busy };
  loop._ioBegin(busy);
  let ops = inFlight.get(loop);
  if (ops === undefined) inFlight.set(loop, (ops = new Set()));
  ops.add(op);
  return op;
}

/** It ended: nothing more will come from the host for it. */
export function endHostOp(loop: BaseEventLoop, op: HostOp): void {
  if (inFlight.get(loop)?.delete(op)) loop._ioEnd(op.busy);
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
