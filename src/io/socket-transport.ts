/**
 * SocketTransport: a stream connection's transport (asyncio's _SelectorSocketTransport),
 * over any host's HostConnection (hosts/host.ts): a Node or Bun socket, a TLS socket, an
 * in-memory one. This file is asyncio's socket transport logic; the host does the I/O.
 *
 * HOW and WHY
 *
 * asyncio polls a non-blocking socket and reads and writes it from loop callbacks. Here the
 * host pushes: it reports data, EOF, write progress and failures through the
 * ConnectionSink this transport attaches, from the host's own context. Every report is put
 * in `#inbox` (in arrival order) and one loop callback, `readReady`, delivers the inbox to
 * the protocol — so protocol calls always run as loop callbacks, in asyncio's order:
 *
 *   constructor: callSoon(connectionMade) → callSoon(start reading) → callSoon(waiter done)
 *   host data ──► inbox ──► readReady: dataReceived(chunk) ... per chunk, in order
 *   host EOF  ──► inbox ──► readReady: eofReceived(); falsy → close()
 *   host error ─► inbox ──► readReady: connectionLost(exc) (via forceClose)
 *
 * Reading: pauseReading() stops delivery at once (chunks already received wait in the inbox)
 * and pauses the host socket, whose own back-pressure then slows the peer. resumeReading()
 * delivers what waits in the next iteration. A failure is delivered even while paused (the
 * data before it is dropped, as a reset drops the kernel's receive queue).
 *
 * Writing: write() hands the bytes to the host at once (asyncio's "try to send now") and
 * the host buffers what it cannot send yet; getWriteBufferSize() is that buffer. Crossing
 * the high-water mark calls pauseWriting() inside write(); the host's progress reports
 * (loop callbacks) call resumeWriting() at the low-water mark, and, once the buffer is
 * empty, finish a pending close().
 *
 * States (asyncio's flags): open → closing (close(): no more reading; connectionLost(null)
 * once the buffer is empty) → lost (connectionLost called or scheduled; `#connLost` > 0;
 * writes are dropped, and counted). abort() and failures go straight to lost, dropping the
 * buffer. writeEof() half-closes: no more writes, reading goes on.
 */
import { OSError, RuntimeError, NotImplementedError, TimeoutError } from "../exceptions.js";
import type { Future } from "../futures.js";
import type { EventLoop } from "../loop.js";
import { toBytes } from "./bytes.js";
import type { ConnectionSink, HostConnection, IoHost } from "./hosts/host.js";
import { closeResource, openResource, type IoResource } from "./loop-io.js";
import { isBufferedProtocol, type AnyProtocol, type BaseProtocolLike, type BufferedProtocolLike, type ProtocolLike } from "./protocols.js";
import { FlowControlTransport } from "./transports.js";

/** After this many writes to a lost connection, each one logs a warning (asyncio's LOG_THRESHOLD_FOR_CONNLOST_WRITES). */
const LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;

/** @internal The server side of a transport: keeps its live connections (server.ts). */
export interface ServerLink {
  _attach(transport: SocketTransport): void;
  _detach(transport: SocketTransport): void;
}

const EOF = Symbol("eof");
/** what waits in the inbox: bytes, end of file, or the failure that ended the connection */
type Inbound = Uint8Array | typeof EOF | { failed: Error | null };

// a ConnectionSink for its host connection and an IoResource of its loop (structurally: both
// interfaces name internal members, which the shipped declarations leave out)
export class SocketTransport extends FlowControlTransport {
  #conn: HostConnection;
  readonly #host: IoHost;
  #server: ServerLink | null;
  /** @internal */ _protocolConnected = false;
  #closing = false;
  /** asyncio's _conn_lost: >0 once connectionLost is called or scheduled; counts writes after that */
  #connLost = 0;
  /** writeEof() was called */
  #eof = false;
  /** pauseReading() was called */
  #paused = false;
  /** reading started (after connectionMade) and not stopped by EOF or close */
  #reading = false;
  /** the connection was released to the host (closed, aborted or failed) */
  #released = false;
  /** a readReady callback is scheduled */
  #readScheduled = false;
  /** write progress matters: the buffer was non-empty after a write */
  #flushWanted = false;
  #writeScheduled = false;
  #inbox: Inbound[] = [];
  #inboxHead = 0;
  /** inside a host write: a failure the host reports now is the write's */
  #writing = false;
  #writeFailure: Error | null = null;

  /** @internal transports are made by the loop */
  constructor(
    loop: EventLoop,
    conn: HostConnection,
    host: IoHost,
    protocol: AnyProtocol,
    waiter: Future<void> | null,
    server: ServerLink | null,
    extra: Record<string, unknown> = {},
  ) {
    super(extra, loop);
    this.#conn = conn;
    this.#host = host;
    this.#server = server;
    this.setProtocol(protocol);
    server?._attach(this);
    openResource(loop, host, this);
    loop._soon(callConnectionMade, this);
    // only start reading once connectionMade has run
    loop._soon(startReading, this);
    // only wake the waiter once connectionMade has run
    if (waiter !== null) loop._soon(setResultUnlessCancelled, waiter);
    // last: a failure the host kept for us is then reported after connectionMade
    conn.attach(this);
  }

  override toString(): string {
    const info = ["SocketTransport"];
    if (this.#released && this.#connLost > 0) info.push("closed");
    else if (this.#closing) info.push("closing");
    const peer = this.getExtraInfo("peername");
    if (peer !== null && peer !== undefined && peer !== "") info.push(`peer=${Array.isArray(peer) ? peer.slice(0, 2).join(":") : peer}`);
    info.push(`read=${this.isReading() ? "polling" : "idle"}`);
    info.push(`write=<bufsize=${this.getWriteBufferSize()}>`);
    return `<${info.join(" ")}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /**
   * Extra information: what the transport was given, else the host's answer (asked when
   * first wanted, and kept). After the connection is lost, an address never asked for is null.
   */
  override getExtraInfo(name: string, dflt: unknown = null): unknown {
    const own = this._extra;
    if (Object.prototype.hasOwnProperty.call(own, name)) return own[name];
    if (this.#released && this.#connLost > 0) return dflt;
    const v = this.#conn.extra(name);
    if (v === undefined) return dflt;
    own[name] = v;
    return v;
  }

  override setProtocol(protocol: BaseProtocolLike): void {
    this._protocol = protocol;
    this._protocolConnected = true;
  }

  override getProtocol(): BaseProtocolLike | null {
    return this._protocol;
  }

  override isClosing(): boolean {
    return this.#closing;
  }

  override isReading(): boolean {
    return !this.#closing && !this.#paused;
  }

  override pauseReading(): void {
    if (!this.isReading()) return;
    this.#paused = true;
    if (this.#reading) this.#conn.pauseReading();
  }

  override resumeReading(): void {
    if (this.#closing || !this.#paused) return;
    this.#paused = false;
    if (this.#reading) this.#conn.resumeReading();
    this.#scheduleRead();
  }

  override getWriteBufferSize(): number {
    return this.#released ? 0 : this.#conn.bufferedAmount;
  }

  override canWriteEof(): boolean {
    return this.#conn.halfClose;
  }

  // ---- the host's reports (ConnectionSink), from the host's context: queued for the loop

  /** @internal */
  data(chunk: Uint8Array): void {
    this.#inbox.push(chunk);
    this.#scheduleRead();
  }

  /** @internal */
  eof(): void {
    this.#inbox.push(EOF);
    this.#scheduleRead();
  }

  /** @internal */
  error(exc: Error): void {
    this.#released = true;
    if (this.#writing) {
      // the host refused a write at once: fail inside write(), as asyncio's send() does
      this.#writeFailure = exc;
      return;
    }
    this.#inbox.push({ failed: exc });
    this.#scheduleRead();
  }

  /** @internal the host socket was closed from outside (destroyed through getExtraInfo("socket")) */
  closed(): void {
    this.#released = true;
    this.#inbox.push({ failed: null });
    this.#scheduleRead();
  }

  /** @internal */
  written(): void {
    if (!this.#flushWanted || this.#writeScheduled) return;
    this.#writeScheduled = true;
    if (!this.#onLoop(writeReady)) this.#writeScheduled = false;
  }

  #scheduleRead(): void {
    if (this.#readScheduled) return;
    if (this.#paused || this.#closing || !this.#reading) {
      // held until resumed; a failure still goes through
      const last = this.#inbox[this.#inbox.length - 1];
      if (last === undefined || last instanceof Uint8Array || last === EOF) return;
    }
    this.#readScheduled = true;
    if (!this.#onLoop(readReady)) this.#readScheduled = false;
  }

  /** Schedules `fn(this)` on the loop; a closed loop gets nothing, and the connection is dropped. */
  #onLoop(fn: (t: SocketTransport) => void): boolean {
    const loop = this._loop;
    if (loop.isClosed()) {
      this._releaseForLoopClose();
      return false;
    }
    loop._soon(fn as (arg: unknown) => void, this);
    return true;
  }

  // ---- loop callbacks

  /** @internal delivers the inbox in order, while reading is on */
  _readReady(): void {
    this.#readScheduled = false;
    const inbox = this.#inbox;
    while (this.#inboxHead < inbox.length && this.#connLost === 0) {
      const item = inbox[this.#inboxHead];
      if (item instanceof Uint8Array || item === EOF) {
        if (this.#paused || this.#closing || !this.#reading) {
          // held; but a failure (always the inbox's last item) is not held up by the data before it
          const last = inbox[inbox.length - 1];
          if (last instanceof Uint8Array || last === EOF) break;
          this.#inboxHead = inbox.length - 1;
          continue;
        }
        this.#inboxHead++;
        if (item === EOF) this.#readEof();
        else this.#deliver(item);
      } else {
        this.#inboxHead++;
        const { failed } = item as { failed: Error | null };
        if (failed === null) this._forceClose(null);
        else this._fatalError(failed, "Fatal read error on socket transport");
      }
    }
    if (this.#inboxHead === inbox.length) {
      this.#inbox = [];
      this.#inboxHead = 0;
    } else if (this.#inboxHead > 1024) {
      this.#inbox = inbox.slice(this.#inboxHead);
      this.#inboxHead = 0;
    }
  }

  #deliver(data: Uint8Array): void {
    const protocol = this._protocol as AnyProtocol;
    if (isBufferedProtocol(protocol)) {
      this.#deliverBuffered(protocol, data);
      return;
    }
    try {
      (protocol as ProtocolLike).dataReceived?.(data);
    } catch (exc) {
      this._fatalError(exc as Error, "Fatal error: protocol.data_received() call failed.");
    }
  }

  #deliverBuffered(protocol: BufferedProtocolLike, data: Uint8Array): void {
    let offset = 0;
    while (offset < data.length && this.#connLost === 0) {
      let buf: Uint8Array;
      try {
        buf = protocol.getBuffer(-1);
        if (!buf || buf.length === 0) throw new RuntimeError("get_buffer() returned an empty buffer");
      } catch (exc) {
        this._fatalError(exc as Error, "Fatal error: protocol.get_buffer() call failed.");
        return;
      }
      const n = Math.min(buf.length, data.length - offset);
      buf.set(data.subarray(offset, offset + n));
      offset += n;
      try {
        protocol.bufferUpdated(n);
      } catch (exc) {
        this._fatalError(exc as Error, "Fatal error: protocol.buffer_updated() call failed.");
        return;
      }
    }
  }

  #readEof(): void {
    let keepOpen: unknown;
    try {
      keepOpen = (this._protocol as ProtocolLike).eofReceived?.();
    } catch (exc) {
      this._fatalError(exc as Error, "Fatal error: protocol.eof_received() call failed.");
      return;
    }
    if (keepOpen && !this.#conn.halfClose) {
      logWarning("returning true from eof_received() has no effect when using ssl");
      keepOpen = false;
    }
    if (keepOpen) {
      // the protocol may still write, but nothing more can be received
      this.#reading = false;
    } else {
      this.close();
    }
  }

  /** @internal the host sent some of the buffer */
  _writeReady(): void {
    this.#writeScheduled = false;
    if (this.#connLost > 0 || this.#released) return;
    this._maybeResumeProtocol(); // may write more
    if (this.#conn.bufferedAmount === 0) {
      this.#flushWanted = false;
      if (this.#closing) {
        this.#connLost++;
        this._callConnectionLost(null);
      }
    }
  }

  // ---- writing

  override write(data: Uint8Array | string): void {
    const bytes = toBytes("Transport.write", data);
    if (this.#eof) throw new RuntimeError("Cannot call write() after write_eof()");
    if (bytes.length === 0) return;
    if (this.#connLost > 0) {
      this.#lostWrite();
      return;
    }
    // the host failed or was closed under us: its report is on the way to connectionLost
    if (this.#released) return;
    this.#hostWrite(() => this.#conn.write(bytes));
  }

  /** Hands bytes to the host; a failure it reports at once ends the connection now. */
  #hostWrite(write: () => void): void {
    this.#writing = true;
    try {
      write();
    } finally {
      this.#writing = false;
    }
    const failure = this.#writeFailure;
    if (failure !== null) {
      this.#writeFailure = null;
      this._fatalError(failure, "Fatal write error on socket transport");
      return;
    }
    if (this.#conn.bufferedAmount > 0) this.#flushWanted = true;
    this._maybePauseProtocol();
  }

  override writelines(list: Iterable<Uint8Array | string>): void {
    if (this.#eof) throw new RuntimeError("Cannot call writelines() after write_eof()");
    const parts: Uint8Array[] = [];
    for (const data of list) {
      const bytes = toBytes("Transport.writelines", data);
      if (bytes.length > 0) parts.push(bytes);
    }
    if (parts.length === 0) return;
    if (this.#connLost > 0) {
      this.#lostWrite();
      return;
    }
    if (this.#released) return;
    this.#hostWrite(() => this.#conn.writev(parts));
  }

  #lostWrite(): void {
    if (this.#connLost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) logWarning("socket.send() raised exception.");
    this.#connLost++;
  }

  override writeEof(): void {
    if (this.#closing || this.#eof) return;
    if (!this.#conn.halfClose) throw new NotImplementedError("SSL doesn't support half-closes");
    this.#eof = true;
    if (!this.#released) this.#conn.shutdown();
  }

  // ---- closing

  override close(): void {
    if (this.#closing) return;
    this.#closing = true;
    if (this.#reading && !this.#paused && !this.#released) this.#conn.pauseReading();
    if (this.getWriteBufferSize() === 0) {
      this.#connLost++;
      this._loop._soon(callConnectionLost, [this, null]);
    } else {
      this.#flushWanted = true;
    }
  }

  override abort(): void {
    this._forceClose(null);
  }

  /** @internal a failure: reported unless it is an OSError (asyncio logs those only in debug mode), then the connection is lost */
  _fatalError(exc: Error, message = "Fatal error on transport"): void {
    if (!(exc instanceof OSError || exc instanceof TimeoutError)) {
      this._loop.callExceptionHandler({ message, exception: exc, transport: this, protocol: this._protocol });
    }
    this._forceClose(exc);
  }

  /** @internal closes now: what is buffered is lost; connectionLost(exc) comes as a loop callback */
  _forceClose(exc: Error | null): void {
    if (this.#connLost > 0) return;
    if (!this.#released) {
      this.#released = true;
      this.#conn.abort();
    }
    this.#closing = true;
    this.#connLost++;
    this._loop._soon(callConnectionLost, [this, exc]);
  }

  /** @internal calls connectionLost once, then lets go of the host connection, the protocol and the server */
  _callConnectionLost(exc: Error | null): void {
    try {
      if (this._protocolConnected) (this._protocol as BaseProtocolLike | null)?.connectionLost?.(exc);
    } finally {
      if (!this.#released) {
        this.#released = true;
        this.#conn.close();
      }
      this._protocol = null;
      this.#inbox = [];
      this.#inboxHead = 0;
      closeResource(this._loop, this.#host, this);
      const server = this.#server;
      if (server !== null) {
        this.#server = null;
        server._detach(this);
      }
    }
  }

  /** @internal the loop closed under an open connection: drop it */
  _releaseForLoopClose(): void {
    if (!this.#released) {
      this.#released = true;
      this.#conn.abort();
    }
    closeResource(this._loop, this.#host, this);
  }

  /** @internal (after connectionMade) */
  _startReading(): void {
    if (this.#closing || this.#released) return;
    this.#reading = true;
    if (!this.#paused) {
      this.#conn.resumeReading();
      this.#scheduleRead();
    }
  }
}

function callConnectionMade(t: SocketTransport): void {
  const protocol = t._protocol as BaseProtocolLike | null;
  protocol?.connectionMade?.(t);
}

function startReading(t: SocketTransport): void {
  t._startReading();
}

function readReady(t: SocketTransport): void {
  t._readReady();
}

function writeReady(t: SocketTransport): void {
  t._writeReady();
}

function callConnectionLost([t, exc]: [SocketTransport, Error | null]): void {
  t._callConnectionLost(exc);
}

function setResultUnlessCancelled(fut: Future<void>): void {
  if (!fut.cancelled()) fut.setResult(undefined);
}

function logWarning(message: string): void {
  const c = (globalThis as any).console;
  if (c && typeof c.warn === "function") c.warn(message);
}
