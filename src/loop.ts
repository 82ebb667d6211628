/**
 * EventLoop: the loop users make. BaseEventLoop (base-events.ts) schedules and runs
 * callbacks; this class adds what needs Futures and Tasks on top: createFuture, createTask
 * (through the task factory), runUntilComplete(Sync). The layers import one way:
 * base-events knows no Future, futures and tasks know only BaseEventLoop, and this file
 * knows both. events.ts makes the default loop through the factory this file registers,
 * so it needs no import of this file either; each new loop tells events.ts it exists
 * (getEventLoop() outside a running loop returns the most recent open one).
 */
import { BaseEventLoop, type EventLoopOptions } from "./base-events.js";
import { _registerLoop, _setLoopFactory } from "./events.js";
import { Future, type Awaitable } from "./futures.js";
import { Task, checkCoro, checkSignal, linkSignal, type TaskFactory, type TaskFactoryOptions } from "./tasks.js";
import type { Executor, ThreadPoolExecutor } from "./io/thread-pool-executor.js";
import type { ModuleFunction } from "./io/work.js";
import { toFuture } from "./ensure-future.js";
import { CoroutineFuture } from "./coroutine-future.js";
import { checkContext, type Context } from "./contextvars.js";
import { checkOptions } from "./options.js";
import { describe } from "./validate.js";
// the I/O methods call src/io through the installed layer, and name its types only
import { _ioLayer, _ioLayerOrNull } from "./io-layer.js";
import type { CreateConnectionOptions, CreateServerOptions } from "./io/connections.js";
import type { Server } from "./io/server.js";
import type { AnyProtocol, BaseProtocolLike, ProtocolLike, SubprocessProtocolLike } from "./io/protocols.js";
import type { SubprocessOptions } from "./io/subprocess-transport.js";
import type { ReadTransport, SubprocessTransport, Transport, WriteTransport } from "./io/transports.js";

export type { EventLoopOptions, ExceptionContext, ExceptionHandler, CallOptions } from "./base-events.js";

/** What `createTask` takes besides the coroutine. */
export interface CreateTaskOptions {
  /** The task's name; default `Task-N`. */
  name?: string;
  /** Run every step of the task in this Context itself; default: a copy of the current context. */
  context?: Context;
  /** Cancel the task when this signal aborts, with its `reason` as the cancel message. */
  signal?: AbortSignal;
}

const CREATE_TASK_OPTIONS = ["name", "context", "signal"] as const;

/**
 * The event loop.
 * @example
 * const loop = new EventLoop({ clock: "virtual" });
 * loop.callLater(3600, () => console.log("an hour later", loop.time()));
 * loop.runUntilCompleteSync(sleep(3600));   // returns at once: virtual time
 */
export class EventLoop extends BaseEventLoop {
  #taskFactory: TaskFactory | null = null;
  /**
   * @internal The options createFuture() and a plain createTask() pass on, made once: an
   * object per call was a third of what making a Future allocated, and every allocation
   * brings the next scavenge closer (each one copies every young live Task and Future). The
   * Future and Task constructors recognise it: nothing in it to check.
   */
  readonly _own: { readonly loop: EventLoop } = Object.freeze({ loop: this });

  constructor(options: EventLoopOptions = {}) {
    super(options);
    _registerLoop(this);
    if (options.network != null) {
      _ioLayer("EventLoop: options.network").setNetwork(this, options.network);
    }
  }

  /**
   * A new Future bound to this loop.
   * @example
   * const fut = loop.createFuture<number>();
   * loop.callLater(1, () => fut.setResult(42));
   */
  createFuture<T = unknown>(): Future<T> {
    return new Future<T>(this._own);
  }

  /**
   * Wraps a coroutine (generator) in a Task and schedules its first step; with a task
   * factory set, the factory makes the task (asyncio's create_task). `coro` may also be a
   * `sleep()` / `waitFor()` / `wait()` nothing awaited yet, or a promise (awaited as by
   * `yield promise`). Options: `name`, `context` (run in that Context itself instead of a
   * copy of the current one), `signal` (cancel the task when it aborts).
   * @example
   * const task = loop.createTask(compute(1, 2), { name: "compute" });
   * const guarded = loop.createTask(download(url), { signal: AbortSignal.timeout(5000) });
   */
  createTask<T>(coro: Generator<unknown, T, any> | Future<T> | PromiseLike<T>, options?: CreateTaskOptions): Task<T> {
    this._checkClosed();
    const factory = this.#taskFactory;
    // the usual call: the Task checks coro itself, naming createTask (see its constructor)
    if (options === undefined && factory === null) return new Task<T>(coro, this._own);
    checkCoro("createTask", coro);
    if (options === undefined) return this.#fromFactory(factory!, coro, {}) as Task<T>;
    checkOptions("createTask", options, CREATE_TASK_OPTIONS);
    const { name, signal } = options;
    const context = checkContext("createTask", options.context);
    if (signal !== undefined) checkSignal("createTask", signal);
    if (factory === null) return new Task<T>(coro, { loop: this, name, context, signal });
    const given: TaskFactoryOptions = {};
    if (context !== undefined) given.context = context;
    if (signal !== undefined) given.signal = signal;
    const task = this.#fromFactory(factory, coro, given);
    // as asyncio 3.12: the factory is not given the name; it is set on what it returns
    if (name !== undefined && name !== null && typeof (task as Task<T>).setName === "function") (task as Task<T>).setName(name);
    if (signal !== undefined) linkSignal(task, signal); // a no-op for a task the factory linked already
    return task as Task<T>;
  }

  #fromFactory(factory: TaskFactory, coro: unknown, options: TaskFactoryOptions): Future<unknown> {
    const task = factory(this, coro as Generator<unknown, unknown, unknown>, options);
    if (!(task instanceof Future)) {
      throw new TypeError(`createTask: the task factory must return a Future (usually a Task), got ${describe(task)}`);
    }
    return task;
  }

  /**
   * Sets the factory createTask (and so ensureFuture, gather, runUntilComplete...) makes
   * tasks with: `factory(loop, coro, { context?, signal? })` returns a Future, usually a
   * Task. `null` restores the default. `eagerTaskFactory` starts tasks eagerly.
   * @example
   * loop.setTaskFactory(eagerTaskFactory);
   * loop.setTaskFactory((loop, coro, opts) => new Task(coro, { ...opts, loop, name: "made here" }));
   */
  setTaskFactory(factory: TaskFactory | null): void {
    if (factory !== null && typeof factory !== "function") {
      throw new TypeError(`setTaskFactory: factory must be a function or null, got ${describe(factory)}`);
    }
    this.#taskFactory = factory;
  }

  /**
   * The task factory, or null when the default one is in use.
   * @example
   * if (loop.getTaskFactory() === null) loop.setTaskFactory(eagerTaskFactory);
   */
  getTaskFactory(): TaskFactory | null {
    return this.#taskFactory;
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
    const io = _ioLayerOrNull();
    io?.enterSyncRun(this);
    try {
      this._runUntilDoneSync(fut);
    } finally {
      io?.leaveSyncRun(this);
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
    return _ioLayer("runInExecutor").runInExecutor(this, "runInExecutor", executor, fn, args) as Future<Awaited<R>>;
  }

  /** Makes `executor` the one runInExecutor(null, ...) and toThread use (asyncio's set_default_executor). */
  setDefaultExecutor(executor: ThreadPoolExecutor): void {
    _ioLayer("setDefaultExecutor").setDefaultExecutor(this, executor);
  }

  /**
   * Shuts the default executor down and waits until its workers are gone (a coroutine-like
   * Future); at most `timeout` seconds if given. Afterwards runInExecutor(null, ...) raises
   * RuntimeError. asyncio.run() / Runner await this before closing the loop.
   * @example
   * await loop.runUntilComplete(loop.shutdownDefaultExecutor());
   */
  shutdownDefaultExecutor(timeout: number | null = null): Future<void> {
    const io = _ioLayerOrNull();
    if (io !== null) return io.shutdownDefaultExecutor(this, timeout) as Future<void>;
    // without the I/O layer there is no executor to shut down; still asyncio's coroutine
    // (a Task under runUntilComplete, taking its iterations), as with the layer
    return new CoroutineFuture<void>(this, noExecutorToShutDown);
  }

  // ---- networking (src/io): asyncio's create_connection / create_server and Unix variants

  /**
   * Connects to `host`:`port` and returns `[transport, protocol]` once the protocol's
   * connectionMade has run (asyncio's create_connection). Options: `tls`, `serverHostname`,
   * `localAddr` (see the README's I/O section).
   * @example
   * const [transport, protocol] = yield* loop.createConnection(() => new EchoClient(), "127.0.0.1", 8888);
   */
  createConnection<P extends AnyProtocol>(
    protocolFactory: () => P,
    host: string | null,
    port: number | string | null,
    options?: CreateConnectionOptions,
  ): Future<[Transport, P]> {
    return _ioLayer("createConnection").createConnection(this, protocolFactory, host, port, options) as Future<[Transport, P]>;
  }

  /** createConnection over the Unix domain socket at `path` (asyncio's create_unix_connection). */
  createUnixConnection<P extends AnyProtocol>(protocolFactory: () => P, path: string, options?: CreateConnectionOptions): Future<[Transport, P]> {
    return _ioLayer("createUnixConnection").createUnixConnection(this, protocolFactory, path, options) as Future<[Transport, P]>;
  }

  /**
   * Listens on `host`:`port` (host null: every interface; an array: each of them; port 0:
   * any free port) and makes a transport and a protocol for each connection (asyncio's
   * create_server). Options: `tls`, `backlog`, `startServing`.
   * @example
   * const server = yield* loop.createServer(() => new EchoServer(), "127.0.0.1", 0);
   * console.log(server.sockets[0].port);
   */
  createServer(
    protocolFactory: () => AnyProtocol,
    host: string | readonly string[] | null,
    port: number | string | null,
    options?: CreateServerOptions,
  ): Future<Server> {
    return _ioLayer("createServer").createServer(this, protocolFactory, host, port, options) as Future<Server>;
  }

  /** createServer on a Unix domain socket at `path` (asyncio's create_unix_server; a stale socket file there is removed first). */
  createUnixServer(protocolFactory: () => AnyProtocol, path: string, options?: CreateServerOptions): Future<Server> {
    return _ioLayer("createUnixServer").createUnixServer(this, protocolFactory, path, options) as Future<Server>;
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
    return _ioLayer("subprocessExec").subprocess(this, "subprocessExec", false, protocolFactory, [program, ...args]) as Future<[SubprocessTransport, P]>;
  }

  /**
   * Runs `cmd` through the shell (`/bin/sh -c cmd`) with `protocolFactory()`'s protocol
   * connected to it (asyncio's subprocess_shell); as subprocessExec otherwise.
   * @example
   * const [transport] = yield* loop.subprocessShell(() => new MyProtocol(), "echo hi >&2");
   */
  subprocessShell<P extends SubprocessProtocolLike>(protocolFactory: () => P, cmd: string, options?: SubprocessOptions): Future<[SubprocessTransport, P]> {
    return _ioLayer("subprocessShell").subprocess(this, "subprocessShell", true, protocolFactory, options === undefined ? [cmd] : [cmd, options]) as Future<[SubprocessTransport, P]>;
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
    return _ioLayer("connectReadPipe").connectReadPipe(this, protocolFactory, pipe) as Future<[ReadTransport, P]>;
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
    return _ioLayer("connectWritePipe").connectWritePipe(this, protocolFactory, pipe) as Future<[WriteTransport, P]>;
  }

  /**
   * Closes the loop (BaseEventLoop.close), releases the host sockets and servers still open,
   * shuts the default executor down without waiting for it (seed 001), and lets go of child
   * processes and pipes still in flight: their pipes are closed, and the children (not killed,
   * as asyncio does not) no longer keep the host alive.
   */
  override close(): void {
    super.close();
    _ioLayerOrNull()?.closeLoop(this);
  }
}

_setLoopFactory((options) => new EventLoop(options));

/** shutdownDefaultExecutor's body without the I/O layer: there is no executor, so it returns at once. */
// eslint-disable-next-line require-yield
function* noExecutorToShutDown(): Generator<never, void, unknown> {
  return;
}
