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
import { ensureFuture } from "./ensure-future.js";
import {
  createConnection,
  createServer,
  createUnixConnection,
  createUnixServer,
  type CreateConnectionOptions,
  type CreateServerOptions,
} from "./io/connections.js";
import { closeLoopIo, setNetwork } from "./io/loop-io.js";
import type { Server } from "./io/server.js";
import type { AnyProtocol } from "./io/protocols.js";
import type { Transport } from "./io/transports.js";

export type { EventLoopOptions, ExceptionContext, ExceptionHandler } from "./base-events.js";

/**
 * The event loop.
 * @example
 * const loop = new EventLoop({ clock: "virtual" });
 * loop.callLater(3600, () => console.log("an hour later", loop.time()));
 * loop.runUntilCompleteSync(sleep(3600));   // returns at once: virtual time
 */
export class EventLoop extends BaseEventLoop {
  constructor(options: EventLoopOptions = {}) {
    super(options);
    setNetwork(this, options.network);
  }

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
    const fut = ensureFuture(aw, { loop: this });
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
    const fut = ensureFuture(aw, { loop: this });
    this._runUntilDoneSync(fut);
    return fut.result();
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
    return createConnection(this, protocolFactory, host, port, options) as Future<[Transport, P]>;
  }

  /** createConnection over the Unix domain socket at `path` (asyncio's create_unix_connection). */
  createUnixConnection<P extends AnyProtocol>(protocolFactory: () => P, path: string, options?: CreateConnectionOptions): Future<[Transport, P]> {
    return createUnixConnection(this, protocolFactory, path, options) as Future<[Transport, P]>;
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
    return createServer(this, protocolFactory, host, port, options);
  }

  /** createServer on a Unix domain socket at `path` (asyncio's create_unix_server; a stale socket file there is removed first). */
  createUnixServer(protocolFactory: () => AnyProtocol, path: string, options?: CreateServerOptions): Future<Server> {
    return createUnixServer(this, protocolFactory, path, options);
  }

  /** Closes the loop (BaseEventLoop.close) and releases the host sockets and servers still open. */
  override close(): void {
    super.close();
    closeLoopIo(this);
  }
}

_setLoopFactory((options) => new EventLoop(options));
