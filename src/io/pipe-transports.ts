/**
 * Pipe transports: asyncio's _UnixReadPipeTransport and _UnixWritePipeTransport, over the
 * pipe ends of pipe-ends.ts instead of file descriptors. connectReadPipe/connectWritePipe
 * (pipes.ts) make them for users; the subprocess transport makes them for a child's pipes.
 *
 * Every host event (a chunk, the end, a write taken, an error) becomes a loop callback, as
 * asyncio's selector turns readiness into callbacks; protocols are only called from loop
 * callbacks. The order of the calls a protocol receives is asyncio's:
 *
 *   read:  connectionMade → dataReceived* → eofReceived → connectionLost(null)
 *          (an error from the stream: connectionLost(exc) instead of the last two)
 *   write: connectionMade → [pauseWriting → resumeWriting]* → connectionLost(null | exc)
 *
 * connectionMade is called in the iteration after the transport is made, reading starts in
 * that same iteration, and the connect call's waiter completes then too. Like asyncio, which
 * reads a pipe once per iteration, the protocol gets one chunk per iteration, however many
 * the host delivered at once. Read flow control: pauseReading() pauses the read end (the
 * host stops pulling, so the writer on the other side is slowed down); what arrived already
 * waits until resumeReading(). Between the host and the protocol the transport holds at most
 * the chunk the host read ahead (see #updateEnd).
 *
 * Write flow control is FlowControlTransport's, over the bytes written that the host has not
 * taken yet (getWriteBufferSize): asyncio writes at once what the pipe takes and counts the
 * rest; here every write is handed to the host at once and counted until the host says it
 * is through.
 */
import { BrokenPipeError, OSError } from "../exceptions.js";
import type { EventLoop } from "../loop.js";
import type { Future } from "../futures.js";
import { toBytes } from "./bytes.js";
import { beginHostOp, endHostOp, type HostOp } from "./host-ops.js";
import type { ReadEnd, ReadSink, WriteEnd } from "./pipe-ends.js";
import type { BaseProtocolLike, ProtocolLike } from "./protocols.js";
import { FlowControlTransport, ReadTransport } from "./transports.js";

/** asyncio's LOG_THRESHOLD_FOR_CONNLOST_WRITES: writes to a lost pipe are dropped, and warned about from this many on */
const LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;

/** What a read end delivered: bytes, its end (null), or its failure. */
type ReadItem = Uint8Array | null | { error: unknown };

/** Schedules `protocol[method](arg)` as a loop callback, if the protocol has that method. */
export function scheduleProtocolCall(loop: EventLoop, protocol: object | null, method: string, ...args: unknown[]): void {
  const fn = (protocol as Record<string, unknown> | null)?.[method];
  if (typeof fn === "function") loop.callSoon(fn.bind(protocol) as (...a: unknown[]) => void, ...args);
}

function setResultUnlessCancelled(waiter: Future<void>): void {
  if (!waiter.cancelled()) waiter.setResult(undefined);
}

/** asyncio's _fatal_error: every failure but an OSError reaches the exception handler. */
function reportFatal(loop: EventLoop, message: string, exc: unknown, transport: object, protocol: unknown, quietIf: (e: unknown) => boolean): void {
  if (quietIf(exc)) return;
  loop.callExceptionHandler({ message, exception: exc, transport, protocol });
}

/** The reading side of a pipe, as a transport (asyncio's read pipe transport). */
export class ReadPipeTransport extends ReadTransport {
  readonly #loop: EventLoop;
  readonly #end: ReadEnd;
  #protocol: ProtocolLike | null;
  /** close() was called, the end came, or the stream failed: nothing more reaches the protocol */
  #closing = false;
  #paused = false;
  /** connectionLost is scheduled or done */
  #lost = false;
  /** what the host delivered and the protocol has not seen yet, in order */
  #inbox: ReadItem[] = [];
  /** a #drainOne is scheduled */
  #scheduled = false;
  /** the read end is paused: by pauseReading(), or while a chunk waits in the inbox */
  #endPaused = false;
  readonly #drainOne = () => this.#onDrain();
  readonly #op: HostOp;

  /** @internal made by connectReadPipe and the subprocess transport */
  constructor(loop: EventLoop, end: ReadEnd, protocol: ProtocolLike, waiter: Future<void> | null, extra: Record<string, unknown>) {
    super(extra);
    this.#loop = loop;
    this.#end = end;
    this.#protocol = protocol;
    this.#op = beginHostOp(loop, () => end.close(), false);
    scheduleProtocolCall(loop, protocol, "connectionMade", this);
    // reading starts only once connectionMade() has been called
    loop._soon(() => this.#startReading(), undefined);
    if (waiter !== null) loop._soon(setResultUnlessCancelled, waiter);
  }

  #startReading(): void {
    if (this.#lost) return;
    const sink: ReadSink = {
      data: (chunk) => this.#fromHost(chunk),
      end: () => this.#fromHost(null),
      error: (exc) => this.#fromHost({ error: exc }),
    };
    this.#end.start(sink);
  }

  /** A host event: into the inbox (dropped once the loop is closed or the transport closing). */
  #fromHost(item: ReadItem): void {
    if (this.#loop.isClosed() || this.#closing) return;
    this.#inbox.push(item);
    this.#updateEnd();
    this.#schedule();
  }

  /**
   * The read end flows only while the protocol reads and the inbox is empty: the host reads
   * one chunk ahead, not more, and a stream that has data at once (a ReadableStream whose
   * reads resolve as promise jobs) cannot keep the host busy without the loop getting a turn.
   */
  #updateEnd(): void {
    if (this.#closing) return;
    const flowing = !this.#paused && this.#inbox.length === 0;
    if (flowing !== this.#endPaused) return;
    this.#endPaused = !flowing;
    if (flowing) this.#end.resume();
    else this.#end.pause();
  }

  /**
   * One item of the inbox per loop iteration, as asyncio reads a pipe once per iteration:
   * a protocol that pauses reading on what it got sees nothing more until it resumes,
   * however much the host read ahead.
   */
  #schedule(): void {
    if (this.#scheduled || this.#paused || this.#closing || this.#inbox.length === 0) return;
    this.#scheduled = true;
    this.#loop._soon(this.#drainOne, undefined);
  }

  #onDrain(): void {
    this.#scheduled = false;
    if (this.#paused || this.#closing) return;
    const item = this.#inbox.shift();
    if (item === undefined) return;
    this.#process(item);
    this.#updateEnd();
    this.#schedule();
  }

  #process(item: ReadItem): void {
    if (item instanceof Uint8Array) {
      this.#protocol?.dataReceived?.(item);
    } else if (item === null) {
      this.#closing = true;
      this.#end.close();
      scheduleProtocolCall(this.#loop, this.#protocol, "eofReceived");
      this.#scheduleLost(null);
    } else {
      const exc = item.error;
      reportFatal(this.#loop, "Fatal read error on pipe transport", exc, this, this.#protocol, (e) => e instanceof OSError && e.errno === 5);
      this.#close(exc instanceof Error ? exc : new OSError(String(exc)));
    }
  }

  #close(exc: Error | null): void {
    this.#closing = true;
    this.#inbox = [];
    this.#end.close();
    this.#scheduleLost(exc);
  }

  #scheduleLost(exc: Error | null): void {
    if (this.#lost) return;
    this.#lost = true;
    this.#loop._soon((e: Error | null) => this.#callConnectionLost(e), exc);
  }

  #callConnectionLost(exc: Error | null): void {
    try {
      this.#protocol?.connectionLost?.(exc);
    } finally {
      this.#protocol = null;
      endHostOp(this.#loop, this.#op);
    }
  }

  override isReading(): boolean {
    return !this.#paused && !this.#closing;
  }

  /** Stops passing data to the protocol; the host stops reading, so the writer is held back. */
  override pauseReading(): void {
    if (!this.isReading()) return;
    this.#paused = true;
    this.#updateEnd();
  }

  /** Passes data again, starting with what arrived while paused. */
  override resumeReading(): void {
    if (this.#closing || !this.#paused) return;
    this.#paused = false;
    this.#updateEnd();
    this.#schedule();
  }

  override setProtocol(protocol: BaseProtocolLike): void {
    this.#protocol = protocol as ProtocolLike;
  }

  override getProtocol(): BaseProtocolLike | null {
    return this.#protocol;
  }

  override isClosing(): boolean {
    return this.#closing;
  }

  /** Stops reading and closes the pipe; the protocol's connectionLost(null) follows. */
  override close(): void {
    if (!this.#closing) this.#close(null);
  }

  toString(): string {
    const state = this.#lost ? "closed" : this.#closing ? "closing" : this.#paused ? "paused" : "reading";
    return `<ReadPipeTransport ${state}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** The writing side of a pipe, as a transport with asyncio's write flow control (asyncio's write pipe transport). */
export class WritePipeTransport extends FlowControlTransport {
  readonly #end: WriteEnd;
  /** bytes handed to the host that it has not taken yet */
  #pending = 0;
  /** writeEof(), close(), abort() or a failure: no more writes */
  #closing = false;
  /** writes attempted after the pipe was lost (asyncio's _conn_lost) */
  #connLost = 0;
  /** connectionLost is scheduled or done */
  #lost = false;
  /** the host end was closed (end()) or aborted */
  #endDone = false;
  readonly #op: HostOp;

  /** @internal made by connectWritePipe and the subprocess transport */
  constructor(loop: EventLoop, end: WriteEnd, protocol: BaseProtocolLike, waiter: Future<void> | null, extra: Record<string, unknown>) {
    super(extra, loop);
    this.#end = end;
    this._protocol = protocol;
    this.#op = beginHostOp(loop, () => end.abort(), false);
    scheduleProtocolCall(loop, protocol, "connectionMade", this);
    // watch for the reader going away only once connectionMade() has been called
    loop._soon(() => {
      if (!this.#lost) end.start({ closed: (exc) => this.#fromHost(() => this.#onClosedByPeer(exc)) });
    }, undefined);
    if (waiter !== null) loop._soon(setResultUnlessCancelled, waiter);
  }

  #fromHost(fn: () => void): void {
    if (this._loop.isClosed()) return;
    this._loop._soon(fn, undefined);
  }

  override getWriteBufferSize(): number {
    return this.#pending;
  }

  /**
   * Hands `data` to the host (a string as UTF-8); never blocks. Past the high-water mark the
   * protocol's pauseWriting() is called. After close() or a failure, data is dropped (as
   * asyncio drops it), with a warning from the fifth such write on.
   */
  override write(data: Uint8Array | string): void {
    const bytes = toBytes("WritePipeTransport.write", data);
    if (bytes.length === 0) return;
    if (this.#connLost > 0 || this.#closing) {
      if (this.#connLost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) {
        (globalThis as any).console?.warn?.("pipe closed by peer or os.write(pipe, data) raised exception.");
      }
      this.#connLost++;
      return;
    }
    const n = bytes.length;
    this.#pending += n;
    this.#end.write(bytes, (exc) => this.#fromHost(() => this.#onWritten(n, exc)));
    this._maybePauseProtocol();
  }

  #onWritten(n: number, exc: unknown): void {
    if (this.#endDone) return; // aborted or failed: the buffer was dropped
    if (exc !== null) {
      this.#fatalError(exc);
      return;
    }
    this.#pending -= n;
    this._maybeResumeProtocol(); // may write more
    if (this.#closing && this.#pending === 0 && !this.#lost) {
      this.#lost = true;
      this.#callConnectionLost(null);
    }
  }

  /** The reader went away (or the stream failed) without us closing it. */
  #onClosedByPeer(exc: unknown): void {
    if (this.#lost) return;
    if (exc !== null) this.#fatalError(exc);
    else if (this.#pending > 0) this.#close(new BrokenPipeError("[Errno 32] Broken pipe", { errno: 32, code: "EPIPE" }));
    else this.#close(null);
  }

  #fatalError(exc: unknown): void {
    this.#connLost++;
    reportFatal(this._loop, "Fatal write error on pipe transport", exc, this, this._protocol, (e) => e instanceof OSError);
    this.#close(exc instanceof Error ? exc : new OSError(String(exc)));
  }

  /** Closes at once: what the host has not taken is dropped. */
  #close(exc: Error | null): void {
    this.#closing = true;
    this.#pending = 0;
    if (!this.#endDone) {
      this.#endDone = true;
      this.#end.abort();
    }
    if (this.#lost) return;
    this.#lost = true;
    this._loop._soon((e: Error | null) => this.#callConnectionLost(e), exc);
  }

  #callConnectionLost(exc: Error | null): void {
    try {
      this._protocol?.connectionLost?.(exc);
    } finally {
      if (!this.#endDone) {
        this.#endDone = true;
        this.#end.end();
      }
      this._protocol = null;
      endHostOp(this._loop, this.#op);
    }
  }

  override canWriteEof(): boolean {
    return true;
  }

  /** Closes the pipe once what was written is through: the reader gets its end of file. */
  override writeEof(): void {
    if (this.#closing) return;
    this.#closing = true;
    if (this.#pending === 0 && !this.#lost) {
      this.#lost = true;
      this._loop._soon((e: Error | null) => this.#callConnectionLost(e), null);
    }
  }

  /** As writeEof(): the pipe closes once the buffer is through, then connectionLost(null). */
  override close(): void {
    if (!this.#closing) this.writeEof();
  }

  /** Closes at once, dropping what the host has not taken; connectionLost(null) follows. */
  override abort(): void {
    this.#close(null);
  }

  override setProtocol(protocol: BaseProtocolLike): void {
    this._protocol = protocol;
  }

  override getProtocol(): BaseProtocolLike | null {
    return this._protocol;
  }

  override isClosing(): boolean {
    return this.#closing;
  }

  toString(): string {
    const state = this.#lost ? "closed" : this.#closing ? "closing" : "open";
    return `<WritePipeTransport ${state} bufsize=${this.#pending}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
