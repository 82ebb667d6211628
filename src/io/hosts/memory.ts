/**
 * MemoryNetwork: an in-memory network that is "just another host" (Trio's
 * memory_stream_pair, for a whole network). Give it to a loop —
 * `new EventLoop({ clock: "virtual", network: new MemoryNetwork({ latency: 0.01 }) })` —
 * and createConnection/createServer/openConnection/startServer connect in memory, through
 * the same transports, servers and streams as real sockets, with every event a loop timer:
 * on a virtual clock a test of a whole client and server is deterministic and takes no real
 * time.
 *
 * The model, per connection and direction (A → B), in loop time:
 *
 *   A.write ─► A's send queue ─► (window open) in flight ── latency ──► B: delivered, or
 *              bufferedAmount         ≤ bufferSize bytes in flight        held while B is
 *              (A's transport's       or held unread at B                 paused (counts
 *               write buffer)                                             against the window)
 *
 * - connect: the SYN reaches the listener after `latency` (the server side accepts then);
 *   the client is connected after 2 × latency. No listener: ConnectionRefusedError after
 *   2 × latency (FileNotFoundError for a Unix path).
 * - Data keeps its order; each direction holds at most `bufferSize` bytes in flight or
 *   unread (a paused reader stops the window), beyond that the sender's host buffers it, so
 *   the sender's transport sees its write buffer grow and pauses its protocol, exactly as on
 *   a real socket. Window updates reach the sender at once (no ACK latency).
 * - shutdown sends EOF after the queued data; close sends EOF, or a reset when data arrived
 *   that was never read (as a kernel does); data reaching a closed end is answered with a
 *   reset; a reset makes the other end fail with ConnectionResetError.
 * - `getExtraInfo("socket")` is a MemorySocket with Node's `destroy()` and
 *   `resetAndDestroy()`, to make faults.
 * - Ports are handed out in order from 49152; "localhost" is 127.0.0.1; a server on host
 *   null listens on every address. Connections of different loops may share a network: each
 *   end's events run on its own loop.
 */
import { ConnectionRefusedError, ConnectionResetError, FileNotFoundError, NotImplementedError } from "../../exceptions.js";
import type { EventLoop } from "../../loop.js";
import { osError, pyAddress } from "../os-errors.js";
import { checkOptions } from "../../options.js";
import { describe } from "../../validate.js";
import { Settle } from "./settle.js";
import type {
  ConnectRequest,
  ConnectionSink,
  HostConnection,
  HostListener,
  IoHost,
  ListenRequest,
  SocketAddress,
} from "./host.js";

/** Options of MemoryNetwork. */
export interface MemoryNetworkOptions {
  /** one-way delay of every packet, in seconds of loop time (default 0: the next iteration) */
  latency?: number;
  /** bytes one direction holds in flight or unread before the sender's host buffers (default 256 KiB) */
  bufferSize?: number;
}

const FIRST_PORT = 49152;
const EOF = Symbol("eof");
type Held = Uint8Array | typeof EOF;

/** "127.0.0.1:80" / "unix:/path": where a listener is found */
function keyOf(address: { host: string | null; port: number } | { path: string }): string {
  if ("path" in address) return `unix:${address.path}`;
  return `${normalHost(address.host)}:${address.port}`;
}

function normalHost(host: string | null): string {
  if (host === null || host === "" || host === "0.0.0.0" || host === "::") return "*";
  if (host === "localhost") return "127.0.0.1";
  return host;
}

/** Whether two listening addresses would take the same slot (a wildcard host takes the port on every address). */
function sameSlot(a: SocketAddress, b: SocketAddress): boolean {
  if (a.family === "unix" || b.family === "unix") return a.family === b.family && (a as { path: string }).path === (b as { path: string }).path;
  if (a.port !== b.port) return false;
  const ha = normalHost(a.host);
  const hb = normalHost(b.host);
  return ha === "*" || hb === "*" || ha === hb;
}

function familyOf(host: string): "IPv4" | "IPv6" {
  return host.includes(":") ? "IPv6" : "IPv4";
}

/** Runs `fn(arg)` on `loop` after `delay` seconds of its time; nothing if the loop is closed. */
function later<A>(loop: EventLoop, delay: number, fn: (arg: A) => void, arg: A): void {
  if (loop.isClosed()) return;
  loop._at(loop.time() + delay, fn as (arg: unknown) => void, arg);
}

/**
 * An in-memory network: pass it as `new EventLoop({ network })`.
 * @example
 * const loop = new EventLoop({ clock: "virtual", network: new MemoryNetwork({ latency: 0.01 }) });
 * loop.runUntilCompleteSync((function* () {
 *   const server = yield* startServer(handler, "127.0.0.1", 8888);
 *   const [reader, writer] = yield* openConnection("127.0.0.1", 8888);   // at t = 0.02
 * })());
 */
export class MemoryNetwork implements IoHost {
  readonly runtime: string = "the in-memory network";
  readonly external: boolean = false;
  /** Seconds of loop time each chunk takes to reach the other end. */
  readonly latency: number;
  /** Bytes a connection holds in flight before the writer's buffer reports back-pressure. */
  readonly bufferSize: number;
  /** @internal */ readonly _listeners: Map<string, MemoryListener> = new Map();
  #nextPort = FIRST_PORT;

  constructor(options: MemoryNetworkOptions = {}) {
    checkOptions("MemoryNetwork", options, ["latency", "bufferSize"]);
    const { latency = 0, bufferSize = 256 * 1024 } = options;
    if (typeof latency !== "number" || !Number.isFinite(latency) || latency < 0) {
      throw new RangeError(`MemoryNetwork: options.latency must be a non-negative finite number of seconds, got ${describe(latency)}`);
    }
    if (typeof bufferSize !== "number" || !Number.isInteger(bufferSize) || bufferSize < 1) {
      throw new RangeError(`MemoryNetwork: options.bufferSize must be a positive integer of bytes, got ${describe(bufferSize)}`);
    }
    this.latency = latency;
    this.bufferSize = bufferSize;
  }

  /** A short description: the network's latency and its listeners. */
  toString(): string {
    return `<MemoryNetwork latency=${this.latency} bufferSize=${this.bufferSize} listeners=${this._listeners.size}>`;
  }

  /** @internal a free port (in order, never reused while listened on) */
  _port(): number {
    for (;;) {
      const p = this.#nextPort;
      this.#nextPort = p >= 65535 ? FIRST_PORT : p + 1;
      let used = false;
      for (const l of this._listeners.values()) if (l.address.family !== "unix" && l.address.port === p) used = true;
      if (!used) return p;
    }
  }

  /** @internal the listener a connection to `address` reaches, if any */
  _find(address: { host: string; port: number } | { path: string }): MemoryListener | undefined {
    if ("path" in address) return this._listeners.get(keyOf(address));
    return this._listeners.get(keyOf(address)) ?? this._listeners.get(`*:${address.port}`);
  }

  listen(req: ListenRequest): PromiseLike<HostListener> {
    const done = new Settle<HostListener>();
    if (req.tls !== null) {
      done.reject(new NotImplementedError("createServer: the in-memory network has no TLS"));
      return done;
    }
    const a = req.address;
    let address: SocketAddress;
    if ("path" in a) {
      address = { family: "unix", path: a.path };
    } else {
      const host = a.host === null || a.host === "" ? "0.0.0.0" : a.host === "localhost" ? "127.0.0.1" : a.host;
      address = { family: familyOf(host), host, port: a.port === 0 ? this._port() : a.port };
    }
    const key = keyOf("path" in address ? address : { host: address.host, port: address.port });
    if ([...this._listeners.values()].some((l) => sameSlot(l.address, address))) {
      done.reject(osError("EADDRINUSE", null, { context: "bind", address: pyAddress(a) }));
      return done;
    }
    const listener = new MemoryListener(this, key, address, req);
    this._listeners.set(key, listener);
    done.resolve(listener);
    return done;
  }

  connect(req: ConnectRequest): PromiseLike<HostConnection> {
    const done = new Settle<HostConnection>();
    if (req.tls !== null) {
      done.reject(new NotImplementedError("createConnection: the in-memory network has no TLS"));
      return done;
    }
    const loop = req.loop;
    const a = req.address;
    const latency = this.latency;
    const local: SocketAddress =
      "path" in a
        ? { family: "unix", path: "" }
        : { family: familyOf(a.host), host: req.localAddress?.host ?? (familyOf(a.host) === "IPv6" ? "::1" : "127.0.0.1"), port: req.localAddress?.port || this._port() };
    // the SYN reaches the listener after one latency; the answer comes back after another
    later(loop, latency, () => {
      const listener = this._find(a);
      if (listener === undefined) {
        const exc =
          "path" in a
              ? new FileNotFoundError("[Errno 2] No such file or directory", { errno: 2, code: "ENOENT" })
              : new ConnectionRefusedError(`[Errno 111] Connect call failed ${pyAddress(a)}`, { errno: 111, code: "ECONNREFUSED" });
        later(loop, latency, () => done.reject(exc), null);
        return;
      }
      const client = new MemoryEnd(this, loop, local, listener.address);
      const server = new MemoryEnd(this, listener.loop, listener.address, local);
      client.peer = server;
      server.peer = client;
      listener.accept(server);
      later(loop, latency, () => {
        if (client.released) done.reject(new ConnectionResetError("[Errno 104] Connection reset by peer", { errno: 104, code: "ECONNRESET" }));
        else done.resolve(client);
      }, null);
    }, null);
    return done;
  }
}

class MemoryListener implements HostListener {
  readonly loop: EventLoop;
  #open = true;

  constructor(
    readonly net: MemoryNetwork,
    readonly key: string,
    readonly address: SocketAddress,
    readonly req: ListenRequest,
  ) {
    this.loop = req.loop;
  }

  accept(end: MemoryEnd): void {
    if (this.#open) this.req.onConnection(end);
  }

  close(): void {
    if (!this.#open) return;
    this.#open = false;
    if (this.net._listeners.get(this.key) === this) this.net._listeners.delete(this.key);
  }
}

/** What `getExtraInfo("socket")` gives on the in-memory network: Node's two ways to end a socket from outside. */
export class MemorySocket {
  readonly #end: MemoryEnd;
  /** @internal made by the in-memory network */
  constructor(end: MemoryEnd) {
    this.#end = end;
  }
  /** Closes the connection under its transport (the transport sees connectionLost(null)); the peer gets EOF. */
  destroy(): void {
    this.#end.destroyFromOutside(false);
  }
  /** Resets the connection: the peer fails with ConnectionResetError (Node's socket.resetAndDestroy()). */
  resetAndDestroy(): void {
    this.#end.destroyFromOutside(true);
  }
  /** The connection's two addresses. */
  toString(): string {
    return `<MemorySocket ${this.#end}>`;
  }
}

/** One end of an in-memory connection. */
class MemoryEnd implements HostConnection {
  peer!: MemoryEnd;
  #sink: ConnectionSink | null = null;
  /** released (closed, aborted, reset): nothing is reported any more */
  released = false;
  #reading = false;
  /** bytes written and not yet in flight */
  #queue: Uint8Array[] = [];
  #queued = 0;
  /** bytes in flight towards the peer, or held unread there */
  inWindow = 0;
  /** what arrived while reading was paused */
  #held: Held[] = [];
  /** shutdown() was called; the EOF goes once the queue is empty */
  #finWanted = false;
  #finSent = false;
  readonly halfClose = true;
  readonly #socket = new MemorySocket(this);

  constructor(
    readonly net: MemoryNetwork,
    readonly loop: EventLoop,
    readonly local: SocketAddress,
    readonly remote: SocketAddress,
  ) {}

  toString(): string {
    const name = (a: SocketAddress) => (a.family === "unix" ? a.path || "unix" : `${a.host}:${a.port}`);
    return `${name(this.local)}->${name(this.remote)}`;
  }

  attach(sink: ConnectionSink): void {
    this.#sink = sink;
    const ended = this.#ended;
    this.#ended = null;
    ended?.(sink);
  }

  /** the end of the connection, reported now or, before attach(), kept for it */
  #report(fn: (sink: ConnectionSink) => void): void {
    if (this.#sink !== null) fn(this.#sink);
    else this.#ended = fn;
  }
  #ended: ((sink: ConnectionSink) => void) | null = null;

  get bufferedAmount(): number {
    return this.#queued;
  }

  write(data: Uint8Array): void {
    if (this.released || this.#finWanted) return;
    this.#queue.push(data);
    this.#queued += data.length;
    this.#pump();
  }

  writev(list: readonly Uint8Array[]): void {
    for (const d of list) this.write(d);
  }

  /** Moves queued bytes into flight while the window has room; sends the EOF once all are out. */
  #pump(): void {
    const peer = this.peer;
    let moved = false;
    while (this.#queue.length > 0 && this.inWindow < this.net.bufferSize) {
      let chunk = this.#queue[0];
      const room = this.net.bufferSize - this.inWindow;
      if (chunk.length > room) {
        this.#queue[0] = chunk.subarray(room);
        chunk = chunk.subarray(0, room);
      } else {
        this.#queue.shift();
      }
      this.#queued -= chunk.length;
      this.inWindow += chunk.length;
      moved = true;
      later(peer.loop, this.net.latency, arrive, [peer, chunk] as const);
    }
    if (this.#queue.length === 0 && this.#finWanted && !this.#finSent) {
      this.#finSent = true;
      later(peer.loop, this.net.latency, arrive, [peer, EOF] as const);
    }
    if (moved && !this.released) this.#sink?.written();
  }

  /** @internal data or EOF reached this end */
  _arrive(item: Held): void {
    const peer = this.peer;
    if (this.released) {
      // nobody here: the kernel answers data with a reset
      if (item !== EOF) {
        peer.inWindow -= item.length;
        later(peer.loop, this.net.latency, resetArrives, peer);
      }
      return;
    }
    if (this.#reading && this.#held.length === 0) this.#deliver(item);
    else this.#held.push(item);
  }

  #deliver(item: Held): void {
    if (item === EOF) {
      this.#sink?.eof();
      return;
    }
    this.peer.inWindow -= item.length;
    this.#sink?.data(item);
    this.peer.#pump();
  }

  pauseReading(): void {
    this.#reading = false;
  }

  resumeReading(): void {
    if (this.released) return;
    this.#reading = true;
    while (this.#reading && this.#held.length > 0 && !this.released) this.#deliver(this.#held.shift()!);
  }

  shutdown(): void {
    if (this.released || this.#finWanted) return;
    this.#finWanted = true;
    this.#pump();
  }

  close(): void {
    this.#release(false);
  }

  abort(): void {
    this.#queue = [];
    this.#queued = 0;
    this.#release(false);
  }

  /** @internal destroy()/resetAndDestroy() through the MemorySocket: the transport learns it as a close */
  destroyFromOutside(reset: boolean): void {
    if (this.released) return;
    this.#queue = [];
    this.#queued = 0;
    this.#release(reset);
    // as Node emits 'close' after destroy(): in a later callback
    later(this.loop, 0, () => this.#report((sink) => sink.closed()), null);
  }

  /** Lets go of this end: the peer gets EOF, or a reset if data was left unread here (or one is asked for). */
  #release(reset: boolean): void {
    if (this.released) return;
    // bytes that arrived and were never read: the kernel answers the close with a reset
    const unread = this.#held.some((h) => h !== EOF);
    this.released = true;
    this.#reading = false;
    const peer = this.peer;
    if (reset || unread) {
      later(peer.loop, this.net.latency, resetArrives, peer);
    } else if (!this.#finSent) {
      this.#finSent = true;
      later(peer.loop, this.net.latency, arrive, [peer, EOF] as const);
    }
    for (const h of this.#held) if (h !== EOF) peer.inWindow -= h.length;
    this.#held = [];
  }

  /** @internal a reset reached this end */
  _reset(): void {
    if (this.released) return;
    this.released = true;
    this.#reading = false;
    this.#held = [];
    this.#queue = [];
    this.#queued = 0;
    const exc = new ConnectionResetError("[Errno 104] Connection reset by peer", { errno: 104, code: "ECONNRESET" });
    this.#report((sink) => sink.error(exc));
  }

  extra(name: string): unknown {
    const addr = (a: SocketAddress) => (a.family === "unix" ? a.path : a.family === "IPv6" ? [a.host, a.port, 0, 0] : [a.host, a.port]);
    if (name === "peername") return addr(this.remote);
    if (name === "sockname") return addr(this.local);
    if (name === "socket") return this.#socket;
    return undefined;
  }
}

function arrive([end, item]: readonly [MemoryEnd, Held]): void {
  end._arrive(item);
}

function resetArrives(end: MemoryEnd): void {
  end._reset();
}
