/**
 * Server: what createServer/startServer return (asyncio's base_events.Server, 3.12.1).
 *
 * It owns the host listeners (one per address) and keeps its live connections: every
 * transport it accepted attaches at creation and detaches after connectionLost. close()
 * stops listening at once but leaves the connections alone (asyncio 3.12); waitClosed()
 * waits until the server is closed *and* its last connection is gone, in either order;
 * closeClients()/abortClients() (asyncio 3.13) close or abort those connections.
 *
 * Accepting, in asyncio's order: the host reports a connection (from its own context) → a
 * loop callback makes a Task (asyncio's _accept_connection2) → its first step calls the
 * protocol factory and makes the transport → connectionMade, reading, then the Task ends.
 * Until serving starts (startServing: false) arriving connections wait in the server:
 * hosts cannot bind a TCP socket without listening, so the socket is listening from
 * creation on.
 *
 * States: opening (listeners being made; connections wait) → listening (not serving:
 * connections wait) ⇄ serving → closed (listeners released; waiting connections dropped).
 */
import { CancelledError, RuntimeError } from "../exceptions.js";
import { CoroutineFuture } from "../coroutine-future.js";
import type { Future } from "../futures.js";
import type { EventLoop } from "../loop.js";
import { sleep } from "../sleep.js";
import type { HostConnection, HostListener, IoHost, TlsOptions } from "./hosts/host.js";
import { closeResource, openResource, type IoResource } from "./loop-io.js";
import type { AnyProtocol } from "./protocols.js";
import { SocketTransport, type ServerLink } from "./socket-transport.js";

/** What the server keeps of an accepted connection: its transport, to close or abort it. */
type ClientTransport = Pick<SocketTransport, "close" | "abort">;

/** Where a server listens: `server.sockets[0].port` (for a Unix socket `host` and `path` are the path, `port` 0). */
export interface SocketInfo {
  /** The address family. */
  family: "IPv4" | "IPv6" | "unix";
  /** The address listened on (a Unix socket: its path). */
  host: string;
  /** The port (0 for a Unix socket). */
  port: number;
  /** A Unix socket's path. */
  path?: string;
}

/**
 * A listening server (asyncio.Server), as createServer and startServer give it: `sockets`,
 * `close()`, `waitClosed()`, `startServing()`, `serveForever()`, `isServing()`,
 * `closeClients()`/`abortClients()` (3.13), and `aenter`/
 * `aexit` for asyncWith (the end of the block closes it and waits for it).
 * @example
 * const server = yield* startServer(handle, "127.0.0.1", 0);
 * yield* asyncWith(server, function* () {
 *   yield* server.serveForever();
 * });
 */
// (the ServerLink of its transports and an IoResource of its loop, structurally: both name
// internal members, which the shipped declarations leave out)
export class Server {
  readonly #loop: EventLoop;
  readonly #host: IoHost;
  readonly #factory: () => AnyProtocol;
  /** @internal the TLS options connections are made with (null: plain) */ readonly _tls: TlsOptions | null;
  /** null once closed */
  #listeners: HostListener[] | null = [];
  #opening = true;
  #serving = false;
  /** the transports of the connections it accepted, until each loses its connection (asyncio 3.13's _clients) */
  readonly #clients = new Set<ClientTransport>();
  /** closed listeners the host has not released yet (HostListener.released) */
  #releasing = 0;
  /** waitClosed() waiters; null once the server is closed and its last connection gone */
  #waiters: Future<void>[] | null = [];
  #servingForeverFut: Future<void> | null = null;
  /** connections that arrived before serving started */
  #held: HostConnection[] = [];

  /** @internal made by createServer */
  constructor(loop: EventLoop, host: IoHost, factory: () => AnyProtocol, tls: TlsOptions | null) {
    this.#loop = loop;
    this.#host = host;
    this.#factory = factory;
    this._tls = tls;
  }

  /** asyncio's repr: `<Server sockets=()>` once closed; each socket as `<socket laddr=('127.0.0.1', 8888)>`. */
  toString(): string {
    const socks = this.sockets.map((s) => `<socket laddr=${s.family === "unix" ? `'${s.path}'` : `('${s.host}', ${s.port})`}>`);
    return `<Server sockets=(${socks.join(", ")}${socks.length === 1 ? "," : ""})>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** @internal createServer: a listener is up (released if the server was closed meanwhile) */
  _addListener(listener: HostListener): void {
    if (this.#listeners === null) {
      listener.close();
      return;
    }
    if (this.#listeners.length === 0) openResource(this.#loop, this.#host, this);
    this.#listeners.push(listener);
  }

  /** @internal createServer: every listener is up */
  _opened(): void {
    this.#opening = false;
  }

  /** @internal a transport of this server was made */
  _attach(transport: ClientTransport): void {
    this.#clients.add(transport);
  }

  /** @internal a transport of this server lost its connection */
  _detach(transport: ClientTransport): void {
    this.#clients.delete(transport);
    if (this.#clients.size === 0 && this.#listeners === null && this.#releasing === 0) this.#wakeup();
  }

  /**
   * A closed listener's socket is released later: waitClosed() waits for it, and a virtual
   * clock counts it as host I/O in flight (it completes by itself).
   */
  #awaitRelease(released: PromiseLike<void>): void {
    const loop = this.#loop;
    const counted = this.#host.external;
    this.#releasing++;
    if (counted) loop._ioBegin(true);
    const done = () => {
      if (counted) loop._ioEnd(true);
      if (loop.isClosed()) return;
      loop._soon(listenerReleased, this);
    };
    released.then(done, done);
  }

  /** @internal a closed listener's socket was released */
  _listenerReleased(): void {
    this.#releasing--;
    if (this.#clients.size === 0 && this.#listeners === null && this.#releasing === 0) this.#wakeup();
  }

  #wakeup(): void {
    const waiters = this.#waiters;
    this.#waiters = null;
    if (waiters === null) return;
    for (const w of waiters) if (!w.done()) w.setResult(undefined);
  }

  /** @internal the host accepted a connection (host context) */
  _onConnection(conn: HostConnection): void {
    const loop = this.#loop;
    if (this.#listeners === null || loop.isClosed()) {
      conn.abort();
      return;
    }
    if (this.#opening || !this.#serving) {
      this.#held.push(conn);
      return;
    }
    loop._soon(acceptConnection, [this, conn]);
  }

  /** @internal accepting failed on the host (asyncio: "socket.accept() out of system resource") */
  _onAcceptError(exc: Error): void {
    const loop = this.#loop;
    if (loop.isClosed()) return;
    loop._soon(
      (ctx) => loop.callExceptionHandler(ctx as { message: string }),
      { message: "socket.accept() out of system resource", exception: exc, server: this },
    );
  }

  /** @internal the accept Task's body (asyncio's _accept_connection2) */
  *_accept(conn: HostConnection): Generator<unknown, void, unknown> {
    const loop = this.#loop;
    let protocol: AnyProtocol | null = null;
    let transport: SocketTransport | null = null;
    try {
      protocol = this.#factory();
      const waiter = loop.createFuture<void>();
      transport = new SocketTransport(loop, conn, this.#host, protocol, waiter, this);
      try {
        yield* waiter;
      } catch (e) {
        transport.close();
        throw e;
      }
      // from here on the connection is the protocol's
    } catch (exc) {
      if (transport === null) conn.abort();
      if (loop.getDebug()) {
        const context: Record<string, unknown> = { message: "Error on transport creation for incoming connection", exception: exc };
        if (protocol !== null) context.protocol = protocol;
        if (transport !== null) context.transport = transport;
        loop.callExceptionHandler(context as { message: string });
      }
    }
  }

  /** @internal starts accepting (asyncio's _start_serving) */
  _startServing(): void {
    if (this.#serving || this.#listeners === null) return;
    this.#serving = true;
    const held = this.#held;
    this.#held = [];
    for (const conn of held) this.#loop._soon(acceptConnection, [this, conn]);
  }

  /** The loop this server belongs to. */
  getLoop(): EventLoop {
    return this.#loop;
  }

  /** True while accepting connections. */
  isServing(): boolean {
    return this.#serving;
  }

  /** Where the server listens, one entry per listening socket; empty once closed. */
  get sockets(): SocketInfo[] {
    if (this.#listeners === null) return [];
    return this.#listeners.map(({ address: a }) =>
      a.family === "unix" ? { family: "unix", host: a.path, port: 0, path: a.path } : { family: a.family, host: a.host, port: a.port },
    );
  }

  /**
   * Stops listening: the sockets close, serving stops, a serveForever() is cancelled.
   * Connections already made stay open (asyncio 3.12); waitClosed() waits for them.
   */
  close(): void {
    const listeners = this.#listeners;
    if (listeners === null) return;
    this.#listeners = null;
    for (const l of listeners) {
      l.close();
      if (l.released !== undefined) this.#awaitRelease(l.released);
    }
    const held = this.#held;
    this.#held = [];
    for (const conn of held) conn.abort();
    closeResource(this.#loop, this.#host, this);
    this.#serving = false;
    const fut = this.#servingForeverFut;
    if (fut !== null && !fut.done()) {
      fut.cancel();
      this.#servingForeverFut = null;
    }
    if (this.#clients.size === 0 && this.#releasing === 0) this.#wakeup();
  }

  /**
   * Closes the transport of every connection the server accepted that is still open
   * (asyncio 3.13's close_clients): each flushes what it buffered and then loses its
   * connection. Often called after close(), so that waitClosed() need not wait for clients.
   * @example
   * server.close();
   * server.closeClients();
   * yield* server.waitClosed();
   */
  closeClients(): void {
    for (const t of [...this.#clients]) t.close();
  }

  /**
   * Aborts the transport of every connection the server accepted that is still open
   * (asyncio 3.13's abort_clients): buffered data is dropped and each connection is lost
   * at once.
   * @example
   * server.close();
   * server.abortClients();
   */
  abortClients(): void {
    for (const t of [...this.#clients]) t.abort();
  }

  /** Starts accepting connections (after createServer with startServing: false); returns after one iteration. */
  startServing(): Future<void> {
    return new CoroutineFuture(this.#loop, () => this.#startServingBody());
  }

  *#startServingBody(): Generator<unknown, void, unknown> {
    this._startServing();
    // one iteration, as asyncio's, for the listeners to be in place
    yield* sleep(0);
  }

  /**
   * Serves until cancelled; cancelled, it closes the server and waits for it. RuntimeError
   * if another serveForever() is running or the server is closed.
   * @example
   * yield* asyncWith(server, function* () { yield* server.serveForever(); });
   */
  serveForever(): Future<void> {
    return new CoroutineFuture(this.#loop, () => this.#serveForeverBody());
  }

  *#serveForeverBody(): Generator<unknown, void, unknown> {
    if (this.#servingForeverFut !== null) {
      throw new RuntimeError(`server ${this} is already being awaited on serve_forever()`);
    }
    if (this.#listeners === null) throw new RuntimeError(`server ${this} is closed`);
    this._startServing();
    const fut = this.#loop.createFuture<void>();
    this.#servingForeverFut = fut;
    try {
      yield* fut;
    } catch (e) {
      if (e instanceof CancelledError) {
        try {
          this.close();
          yield* this.waitClosed();
        } finally {
          // eslint-disable-next-line no-unsafe-finally
          throw e;
        }
      }
      throw e;
    } finally {
      this.#servingForeverFut = null;
    }
  }

  /**
   * Waits until the server is closed and every connection it accepted is gone (asyncio
   * 3.12.1's rule: both, in either order).
   */
  waitClosed(): Future<void> {
    return new CoroutineFuture(this.#loop, () => this.#waitClosedBody());
  }

  *#waitClosedBody(): Generator<unknown, void, unknown> {
    if (this.#waiters === null) return;
    const waiter = this.#loop.createFuture<void>();
    this.#waiters.push(waiter);
    yield* waiter;
  }

  /** `async with server:` enters with the server itself. */
  aenter(): Future<Server> {
    return new CoroutineFuture(this.#loop, function* (this: Server) {
      return this;
    }.bind(this));
  }

  /** Leaving `async with server:` closes it and waits for it (waitClosed). */
  aexit(_exc: unknown): Future<boolean> {
    return new CoroutineFuture(this.#loop, () => this.#aexitBody());
  }

  *#aexitBody(): Generator<unknown, boolean, unknown> {
    this.close();
    yield* this.waitClosed();
    return false;
  }

  /** @internal the loop closed: release the listeners and waiting connections */
  _releaseForLoopClose(): void {
    const listeners = this.#listeners;
    this.#listeners = null;
    this.#serving = false;
    if (listeners !== null) for (const l of listeners) l.close();
    for (const conn of this.#held) conn.abort();
    this.#held = [];
    closeResource(this.#loop, this.#host, this);
  }
}

function listenerReleased(server: Server): void {
  server._listenerReleased();
}

function acceptConnection([server, conn]: [Server, HostConnection]): void {
  const loop = server.getLoop();
  loop.createTask(server._accept(conn));
}
