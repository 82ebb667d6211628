/**
 * EventLoop: the loop users make. BaseEventLoop (base-events.ts) schedules and runs
 * callbacks; this class adds what needs Futures and Tasks on top: createFuture, createTask,
 * runUntilComplete(Sync). The layers import one way: base-events knows no Future, futures
 * and tasks know only BaseEventLoop, and this file knows both. events.ts makes the default
 * loop through the factory this file registers, so it needs no import of this file either.
 */
import { BaseEventLoop, type EventLoopOptions } from "./base-events.js";
import { _setLoopFactory } from "./events.js";
import { Future, type Awaitable } from "./futures.js";
import { Task } from "./tasks.js";
import { closeDefaultExecutor, runInExecutor, setDefaultExecutor, shutdownDefaultExecutor } from "./io/executors.js";
import type { Executor, ThreadPoolExecutor } from "./io/thread-pool-executor.js";
import type { ModuleFunction } from "./io/work.js";
import { toFuture } from "./ensure-future.js";
import { enterSyncRun, leaveSyncRun, releaseHostOps } from "./io/host-ops.js";
import { connectReadPipe, connectWritePipe } from "./io/pipes.js";
import type { BaseProtocolLike, ProtocolLike, SubprocessProtocolLike } from "./io/protocols.js";
import { subprocess, type SubprocessOptions } from "./io/subprocess-transport.js";
import type { ReadTransport, SubprocessTransport, WriteTransport } from "./io/transports.js";

export type { EventLoopOptions, ExceptionContext, ExceptionHandler } from "./base-events.js";

/**
 * The event loop.
 * @example
 * const loop = new EventLoop({ clock: "virtual" });
 * loop.callLater(3600, () => console.log("an hour later", loop.time()));
 * loop.runUntilCompleteSync(sleep(3600));   // returns at once: virtual time
 */
export class EventLoop extends BaseEventLoop {
  /** A new Future bound to this loop. */
  createFuture<T = unknown>(): Future<T> {
    return new Future<T>({ loop: this });
  }

  /**
   * Wraps a coroutine (generator) in a Task and schedules its first step.
   * @example
   * const task = loop.createTask(compute(1, 2), { name: "compute" });
   */
  createTask<T>(coro: Generator<unknown, T, any> | Future<T>, options?: { name?: string }): Task<T> {
    this._checkClosed();
    return new Task<T>(coro, { ...options, loop: this });
  }

  /**
   * Runs the loop on the host until `aw` is done; resolves to its result (rejects with its exception).
   * @example
   * const value = await loop.runUntilComplete(main());
   */
  async runUntilComplete<T>(aw: Awaitable<T>): Promise<T> {
    this._checkRunnable();
    const fut = toFuture<T>("runUntilComplete", "aw", aw, this);
    await this._runUntilDone(fut);
    return fut.result();
  }

  /**
   * Runs the loop on the caller's stack until `aw` is done and returns its result. On a
   * virtual clock it never waits; on a real clock it blocks between timers where the host
   * allows (Atomics.wait), else throws RuntimeError. Throws RuntimeError instead of hanging
   * when nothing left in the loop can complete `aw`.
   * @example
   * const loop = new EventLoop({ clock: "virtual" });
   * loop.runUntilCompleteSync(sleep(3600));   // loop.time() === 3600
   */
  runUntilCompleteSync<T>(aw: Awaitable<T>): T {
    this._checkRunnable();
    const fut = toFuture<T>("runUntilCompleteSync", "aw", aw, this);
    // child processes and pipes report through host events, which this run cannot receive
    enterSyncRun(this);
    try {
      this._runUntilDoneSync(fut);
    } finally {
      leaveSyncRun(this);
    }
    return fut.result();
  }

  /**
   * Runs `fn(...args)` in `executor`'s workers (null: the default executor, made on first
   * use) and returns a Future of its result (asyncio's run_in_executor). `fn` goes by its
   * source (self-contained: no closure variables) or is a `{ module, export }` descriptor;
   * arguments and result are structured-cloned. Cancelling the Future cancels a call that
   * has not started; a started one runs to its end. Results arrive through host events:
   * run the loop with `await runUntilComplete()`, not the synchronous run.
   * @example
   * const n = yield* loop.runInExecutor(null, (a, b) => a * b, 6, 7);   // 42, computed in a worker
   */
  runInExecutor<A extends unknown[], R>(
    executor: ThreadPoolExecutor | Executor | null,
    fn: ((...args: A) => R) | ModuleFunction<(...args: A) => R>,
    ...args: A
  ): Future<Awaited<R>> {
    return runInExecutor(this, "runInExecutor", executor, fn, args) as Future<Awaited<R>>;
  }

  /** Makes `executor` the one runInExecutor(null, ...) and toThread use (asyncio's set_default_executor). */
  setDefaultExecutor(executor: ThreadPoolExecutor): void {
    setDefaultExecutor(this, executor);
  }

  /**
   * Shuts the default executor down and waits until its workers are gone (a coroutine-like
   * Future); at most `timeout` seconds if given. Afterwards runInExecutor(null, ...) raises
   * RuntimeError. asyncio.run() / Runner await this before closing the loop.
   * @example
   * await loop.runUntilComplete(loop.shutdownDefaultExecutor());
   */
  shutdownDefaultExecutor(timeout: number | null = null): Future<void> {
    return shutdownDefaultExecutor(this, timeout);
  }

  /**
   * Starts `program` with `args` and connects `protocolFactory()`'s protocol to it
   * (asyncio's subprocess_exec): a coroutine-like Future of `[transport, protocol]`, complete
   * once the child runs and connectionMade() was called. `stdin`, `stdout` and `stderr`
   * default to PIPE; the other options are createSubprocessExec's. The protocol receives
   * pipeDataReceived(fd, data), pipeConnectionLost(fd, exc), processExited(), then
   * connectionLost(null). Run the loop with `await runUntilComplete()`.
   * @example
   * const [transport, protocol] = yield* loop.subprocessExec(() => new MyProtocol(), "ls", "-l");
   */
  subprocessExec<P extends SubprocessProtocolLike>(
    protocolFactory: () => P,
    program: string,
    ...args: (string | SubprocessOptions)[]
  ): Future<[SubprocessTransport, P]> {
    return subprocess(this, "subprocessExec", false, protocolFactory, [program, ...args]);
  }

  /**
   * Runs `cmd` through the shell (`/bin/sh -c cmd`) with `protocolFactory()`'s protocol
   * connected to it (asyncio's subprocess_shell); as subprocessExec otherwise.
   * @example
   * const [transport] = yield* loop.subprocessShell(() => new MyProtocol(), "echo hi >&2");
   */
  subprocessShell<P extends SubprocessProtocolLike>(protocolFactory: () => P, cmd: string, options?: SubprocessOptions): Future<[SubprocessTransport, P]> {
    return subprocess(this, "subprocessShell", true, protocolFactory, options === undefined ? [cmd] : [cmd, options]);
  }

  /**
   * Connects `protocolFactory()`'s protocol to the reading side of `pipe`, a
   * `ReadableStream<Uint8Array>` or a Node `stream.Readable` (asyncio's connect_read_pipe):
   * a coroutine-like Future of `[transport, protocol]`. The transport pauses and resumes
   * reading; the stream is closed with it.
   * @example
   * const reader = new StreamReader();
   * yield* loop.connectReadPipe(() => new StreamReaderProtocol(reader), response.body!);
   */
  connectReadPipe<P extends ProtocolLike>(protocolFactory: () => P, pipe: ReadableStream<Uint8Array> | object): Future<[ReadTransport, P]> {
    return connectReadPipe(this, protocolFactory, pipe);
  }

  /**
   * Connects `protocolFactory()`'s protocol to the writing side of `pipe`, a
   * `WritableStream<Uint8Array>` or a Node `stream.Writable` (asyncio's connect_write_pipe):
   * a coroutine-like Future of `[transport, protocol]`, whose transport has asyncio's write
   * flow control; writeEof() and close() close the stream once what was written is through.
   * @example
   * const [transport] = yield* loop.connectWritePipe(() => new BaseProtocol(), stream);
   * transport.write(bytes);
   */
  connectWritePipe<P extends BaseProtocolLike>(protocolFactory: () => P, pipe: WritableStream<Uint8Array> | object): Future<[WriteTransport, P]> {
    return connectWritePipe(this, protocolFactory, pipe);
  }

  /**
   * Closes the loop (see BaseEventLoop.close), shuts the default executor down without
   * waiting for it, and lets go of child processes and pipes still in flight: their pipes
   * are closed, and the children (not killed, as asyncio does not) no longer keep the host alive.
   */
  override close(): void {
    super.close();
    closeDefaultExecutor(this);
    releaseHostOps(this);
  }
}

_setLoopFactory((options) => new EventLoop(options));
