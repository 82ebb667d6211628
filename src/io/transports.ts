/**
 * Transports: the abstract classes of asyncio's transports.py, and the write flow control
 * every buffered transport shares (asyncio's _FlowControlMixin, here FlowControlTransport).
 *
 * A transport is what the loop gives a protocol to talk to one connection, pipe or child
 * process. Users never make one: createConnection/createServer (and later subprocesses and
 * pipes) do, and hand it to the protocol's connectionMade(). The classes here only say what
 * each kind offers; a method a concrete transport does not implement throws
 * NotImplementedError, as asyncio's do. JS has single inheritance, so Transport extends
 * BaseTransport with both halves, and `t instanceof ReadTransport` / `WriteTransport` are
 * true for every Transport (as for Python's `class Transport(ReadTransport, WriteTransport)`).
 *
 * Write flow control (FlowControlTransport): the transport buffers what the host has not
 * sent yet. When that buffer grows strictly over the high-water mark, the protocol's
 * pauseWriting() is called once; when it drains to the low-water mark or below,
 * resumeWriting() once. Both are called inside the transport call that crossed the mark,
 * not as loop callbacks (asyncio's rule: a protocol writing in a loop must see the pause
 * before its next write). Defaults: high 64 KiB, low a quarter of high.
 */
import { NotImplementedError } from "../exceptions.js";
import type { EventLoop } from "../loop.js";
import { describe } from "../validate.js";
import type { BaseProtocolLike } from "./protocols.js";

/** Default high-water mark of a transport's write buffer (bytes): asyncio's 64 KiB. */
export const DEFAULT_HIGH_WATER = 64 * 1024;

function notImplemented(cls: string, method: string): never {
  throw new NotImplementedError(`${cls}.${method}() is not implemented by this transport`);
}

/** asyncio.BaseTransport: extra information, closing, the protocol. */
export class BaseTransport {
  /** @internal what getExtraInfo() answers from */
  _extra: Record<string, unknown>;

  constructor(extra?: Record<string, unknown> | null) {
    this._extra = extra ?? {};
  }

  /**
   * Optional information about the transport, by name (the keys are asyncio's: "peername",
   * "sockname", "socket", "sslcontext", "peercert", "cipher", ... — see the README);
   * `dflt` (null unless given) when the transport has none.
   * @example
   * const [host, port] = transport.getExtraInfo("peername") as [string, number];
   */
  getExtraInfo(name: string, dflt: unknown = null): unknown {
    return Object.prototype.hasOwnProperty.call(this._extra, name) ? this._extra[name] : dflt;
  }

  /** True once the transport is closing or closed. */
  isClosing(): boolean {
    return notImplemented(this.constructor.name, "isClosing");
  }

  /**
   * Closes the transport: what is buffered is still sent, nothing more is received, and
   * the protocol's connectionLost(null) is called once the buffer is empty.
   */
  close(): void {
    notImplemented(this.constructor.name, "close");
  }

  /** Makes `protocol` the one that receives the calls from now on. */
  setProtocol(_protocol: BaseProtocolLike): void {
    notImplemented(this.constructor.name, "setProtocol");
  }

  /** The current protocol (null once the connection is lost). */
  getProtocol(): BaseProtocolLike | null {
    return notImplemented(this.constructor.name, "getProtocol");
  }
}

/** The receiving half (asyncio.ReadTransport). */
export class ReadTransport extends BaseTransport {
  /** True while the transport passes received data to the protocol. */
  isReading(): boolean {
    return notImplemented(this.constructor.name, "isReading");
  }

  /** Stops passing data to the protocol until resumeReading(); the host stops reading too, so the peer is slowed down. */
  pauseReading(): void {
    notImplemented(this.constructor.name, "pauseReading");
  }

  /** Passes data to the protocol again. */
  resumeReading(): void {
    notImplemented(this.constructor.name, "resumeReading");
  }

  static override [Symbol.hasInstance](x: unknown): boolean {
    return Function.prototype[Symbol.hasInstance].call(this, x) || (this === ReadTransport && x instanceof Transport);
  }
}

/** The sending half (asyncio.WriteTransport). */
export class WriteTransport extends BaseTransport {
  /** Sets the write buffer's high- and low-water marks (bytes); see FlowControlTransport. */
  setWriteBufferLimits(_high?: number | null | { high?: number | null; low?: number | null }, _low?: number | null): void {
    notImplemented(this.constructor.name, "setWriteBufferLimits");
  }

  /** Bytes written but not yet handed on by the host. */
  getWriteBufferSize(): number {
    return notImplemented(this.constructor.name, "getWriteBufferSize");
  }

  /** `[low, high]`: the write buffer's water marks. */
  getWriteBufferLimits(): [number, number] {
    return notImplemented(this.constructor.name, "getWriteBufferLimits");
  }

  /** Queues `data` for sending; never blocks (see drain() and pauseWriting for back-pressure). */
  write(_data: Uint8Array | string): void {
    notImplemented(this.constructor.name, "write");
  }

  /** Writes each item of `list` in order. */
  writelines(list: Iterable<Uint8Array | string>): void {
    for (const data of list) this.write(data);
  }

  /** Half-closes: the peer gets an end of file once the buffer is sent; data may still be received. */
  writeEof(): void {
    notImplemented(this.constructor.name, "writeEof");
  }

  /** Whether writeEof() is possible (false for TLS). */
  canWriteEof(): boolean {
    return notImplemented(this.constructor.name, "canWriteEof");
  }

  /** Closes at once: buffered data is lost; the protocol's connectionLost(null) follows. */
  abort(): void {
    notImplemented(this.constructor.name, "abort");
  }

  static override [Symbol.hasInstance](x: unknown): boolean {
    return Function.prototype[Symbol.hasInstance].call(this, x) || (this === WriteTransport && x instanceof Transport);
  }
}

/**
 * A bidirectional stream transport (asyncio.Transport): ReadTransport and WriteTransport
 * together. What createConnection and createServer give a protocol.
 */
export class Transport extends BaseTransport {
  isReading(): boolean {
    return notImplemented(this.constructor.name, "isReading");
  }
  pauseReading(): void {
    notImplemented(this.constructor.name, "pauseReading");
  }
  resumeReading(): void {
    notImplemented(this.constructor.name, "resumeReading");
  }
  setWriteBufferLimits(_high?: number | null | { high?: number | null; low?: number | null }, _low?: number | null): void {
    notImplemented(this.constructor.name, "setWriteBufferLimits");
  }
  getWriteBufferSize(): number {
    return notImplemented(this.constructor.name, "getWriteBufferSize");
  }
  getWriteBufferLimits(): [number, number] {
    return notImplemented(this.constructor.name, "getWriteBufferLimits");
  }
  write(_data: Uint8Array | string): void {
    notImplemented(this.constructor.name, "write");
  }
  writelines(list: Iterable<Uint8Array | string>): void {
    for (const data of list) this.write(data);
  }
  writeEof(): void {
    notImplemented(this.constructor.name, "writeEof");
  }
  canWriteEof(): boolean {
    return notImplemented(this.constructor.name, "canWriteEof");
  }
  abort(): void {
    notImplemented(this.constructor.name, "abort");
  }
}

/** A child process (asyncio.SubprocessTransport). */
export class SubprocessTransport extends BaseTransport {
  /** The child's process id. */
  getPid(): number {
    return notImplemented(this.constructor.name, "getPid");
  }
  /** The exit status, or null while the child runs. */
  getReturncode(): number | null {
    return notImplemented(this.constructor.name, "getReturncode");
  }
  /** The transport of the child's pipe `fd` (0 stdin, 1 stdout, 2 stderr), or null. */
  getPipeTransport(_fd: number): BaseTransport | null {
    return notImplemented(this.constructor.name, "getPipeTransport");
  }
  sendSignal(_signal: string | number): void {
    notImplemented(this.constructor.name, "sendSignal");
  }
  terminate(): void {
    notImplemented(this.constructor.name, "terminate");
  }
  kill(): void {
    notImplemented(this.constructor.name, "kill");
  }
}

/** @internal checks a water mark: a non-negative integer of bytes, or null/undefined for the default */
function checkMark(name: string, v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    throw new RangeError(`setWriteBufferLimits: ${name} must be a non-negative integer of bytes, got ${describe(v)}`);
  }
  return v;
}

/**
 * A Transport with a write buffer and asyncio's flow control over it (_FlowControlMixin).
 * Subclasses implement getWriteBufferSize() and call _maybePauseProtocol() after the
 * buffer grows and _maybeResumeProtocol() after it shrinks.
 */
export abstract class FlowControlTransport extends Transport {
  /** @internal */ _loop: EventLoop;
  /** @internal the protocol, null once the connection is lost */ _protocol: BaseProtocolLike | null = null;
  /** @internal pauseWriting() was called and resumeWriting() not yet */ _protocolPaused = false;
  /** @internal */ _highWater = DEFAULT_HIGH_WATER;
  /** @internal */ _lowWater = DEFAULT_HIGH_WATER / 4;

  constructor(extra: Record<string, unknown> | null, loop: EventLoop) {
    super(extra);
    this._loop = loop;
  }

  abstract override getWriteBufferSize(): number;

  /** @internal pauses the protocol if the buffer is strictly over the high-water mark */
  _maybePauseProtocol(): void {
    if (this.getWriteBufferSize() <= this._highWater || this._protocolPaused) return;
    this._protocolPaused = true;
    const protocol = this._protocol;
    try {
      protocol?.pauseWriting?.();
    } catch (exc) {
      this._loop.callExceptionHandler({ message: "protocol.pause_writing() failed", exception: exc, transport: this, protocol });
    }
  }

  /** @internal resumes a paused protocol once the buffer is at or under the low-water mark */
  _maybeResumeProtocol(): void {
    if (!this._protocolPaused || this.getWriteBufferSize() > this._lowWater) return;
    this._protocolPaused = false;
    const protocol = this._protocol;
    try {
      protocol?.resumeWriting?.();
    } catch (exc) {
      this._loop.callExceptionHandler({ message: "protocol.resume_writing() failed", exception: exc, transport: this, protocol });
    }
  }

  override getWriteBufferLimits(): [number, number] {
    return [this._lowWater, this._highWater];
  }

  /**
   * Sets the write buffer's marks: `high` defaults to 64 KiB (or 4 × low when only low is
   * given), `low` to high / 4. `high = 0` pauses the protocol whenever anything is buffered;
   * `low = 0` resumes it only once the buffer is empty. Also takes `{ high, low }`.
   * RangeError unless high >= low >= 0.
   * @example
   * transport.setWriteBufferLimits(256 * 1024);   // low: 64 KiB
   */
  override setWriteBufferLimits(
    high?: number | null | { high?: number | null; low?: number | null },
    low?: number | null,
  ): void {
    if (high !== null && typeof high === "object") {
      if (low !== undefined) throw new TypeError("setWriteBufferLimits: give either (high, low) or ({ high, low }), not both");
      ({ high, low } = high);
    }
    let h = checkMark("high", high);
    let l = checkMark("low", low);
    if (h === null) h = l === null ? DEFAULT_HIGH_WATER : 4 * l;
    if (l === null) l = Math.floor(h / 4);
    if (!(h >= l && l >= 0)) throw new RangeError(`high (${h}) must be >= low (${l}) must be >= 0`);
    this._highWater = h;
    this._lowWater = l;
    this._maybePauseProtocol();
  }
}
