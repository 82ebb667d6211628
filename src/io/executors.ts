/**
 * A loop's executors (asyncio base_events: run_in_executor, set_default_executor,
 * shutdown_default_executor, and what close() does to the default executor). EventLoop's
 * methods of those names call these; the per-loop state lives here, in a WeakMap.
 *
 * The default executor is a ThreadPoolExecutor made on the first runInExecutor(null, ...)
 * (its workers named asyncio_0, asyncio_1, ...; started through the loop's `host.worker`
 * capability if it has one). Once shutdownDefaultExecutor() or close() was called,
 * runInExecutor(null, ...) raises RuntimeError("Executor shutdown has been called"), as
 * asyncio; an executor passed explicitly is not affected.
 */
import { RuntimeError } from "../exceptions.js";
import type { Future } from "../futures.js";
import type { EventLoop } from "../loop.js";
import { CoroutineFuture } from "../coroutine-future.js";
import { checkTimeout, describe } from "../validate.js";
import { ExecutorFuture } from "./executor-future.js";
import { ThreadPoolExecutor, type Executor } from "./thread-pool-executor.js";
import { toWork } from "./work.js";
import { wrapFuture } from "./wrap-future.js";

interface LoopExecutors {
  default: ThreadPoolExecutor | null;
  /** shutdownDefaultExecutor() or close() was called */
  shutdownCalled: boolean;
}

const byLoop = new WeakMap<EventLoop, LoopExecutors>();

function stateOf(loop: EventLoop): LoopExecutors {
  let s = byLoop.get(loop);
  if (s === undefined) {
    s = { default: null, shutdownCalled: false };
    byLoop.set(loop, s);
  }
  return s;
}

/** @internal loop.runInExecutor (and toThread, with its own name for errors) */
export function runInExecutor(loop: EventLoop, where: string, executor: unknown, fn: unknown, args: unknown[]): Future<unknown> {
  loop._checkClosed();
  let ex: Executor;
  if (executor === null || executor === undefined) {
    const s = stateOf(loop);
    if (s.shutdownCalled) throw new RuntimeError("Executor shutdown has been called");
    toWork(where, fn); // a bad fn makes no default executor
    ex = s.default ??= new ThreadPoolExecutor({ threadNamePrefix: "asyncio", worker: loop._host.worker });
  } else if (typeof (executor as Executor).submit === "function") {
    ex = executor as Executor;
  } else {
    throw new TypeError(`${where}: executor must be a ThreadPoolExecutor (anything with submit()) or null, got ${describe(executor)}`);
  }
  const submitted = ex instanceof ThreadPoolExecutor ? ex._submit(where, fn, args) : ex.submit(fn, ...args);
  if (!(submitted instanceof ExecutorFuture) && !(submitted !== null && typeof (submitted as PromiseLike<unknown>).then === "function")) {
    throw new TypeError(`${where}: executor.submit() must return an ExecutorFuture or a promise, got ${describe(submitted)}`);
  }
  return wrapFuture(submitted, { loop });
}

/** @internal loop.setDefaultExecutor */
export function setDefaultExecutor(loop: EventLoop, executor: unknown): void {
  if (!(executor instanceof ThreadPoolExecutor)) {
    throw new TypeError(`setDefaultExecutor: executor must be a ThreadPoolExecutor, got ${describe(executor)}`);
  }
  stateOf(loop).default = executor;
}

/**
 * @internal loop.shutdownDefaultExecutor: a coroutine-like Future. Waits for the default
 * executor's workers to finish what they run and queue, and to be gone. With a `timeout`
 * (seconds), waits at most that long: then warns (asyncio's RuntimeWarning) and returns,
 * leaving the workers to finish on their own.
 */
export function shutdownDefaultExecutor(loop: EventLoop, timeout: number | null | undefined): Future<void> {
  const limit = checkTimeout("shutdownDefaultExecutor", "timeout", timeout);
  return new CoroutineFuture<void>(loop, function* () {
    const s = stateOf(loop);
    s.shutdownCalled = true;
    const executor = s.default;
    if (executor === null) return;
    const joined = loop.createFuture<boolean>();
    const settle = (done: boolean) => {
      if (!joined.done() && !loop.isClosed()) loop.callSoonThreadsafe(() => joined.done() || joined.setResult(done));
    };
    executor.shutdown({ wait: true }).then(() => settle(true), () => settle(true));
    const timer = limit === null ? null : loop.callLater(limit, () => joined.done() || joined.setResult(false));
    let done: boolean;
    try {
      done = yield* joined;
    } finally {
      timer?.cancel();
    }
    if (!done) {
      (globalThis as any).console?.warn?.(
        `RuntimeWarning: shutdownDefaultExecutor: the executor's workers did not finish within ${limit} seconds; ` +
          "it was shut down without waiting for them",
      );
    }
  });
}

/** @internal loop.close(): shuts the default executor down without waiting for it */
export function closeDefaultExecutor(loop: EventLoop): void {
  const s = byLoop.get(loop);
  if (s === undefined) return;
  s.shutdownCalled = true;
  const executor = s.default;
  if (executor === null) return;
  s.default = null;
  void executor.shutdown({ wait: false });
}
