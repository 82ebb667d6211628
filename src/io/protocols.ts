/**
 * Protocols: what a transport calls when something happens on its connection (asyncio's
 * protocols.py). Every method is optional: a transport calls only what the protocol has, so
 * a plain object or a class that extends nothing works, and so do these base classes, whose
 * methods do nothing (extend them as Python code extends `asyncio.Protocol`).
 *
 * The calls a stream protocol receives, in order (asyncio's state machine):
 *
 *   start -> connectionMade [-> dataReceived*] [-> eofReceived?] -> connectionLost -> end
 *
 * Each is a loop callback of its own, except pauseWriting/resumeWriting: those run inside
 * the transport call that crossed a write-buffer mark (a `write()`, or the host reporting
 * that bytes left), so that a protocol writing in a loop sees the pause before it writes
 * again. connectionLost(exc) is called exactly once: `null` for an orderly close or an
 * abort, the error (ConnectionResetError, BrokenPipeError, ...) for a failure.
 */
import type { BaseTransport, SubprocessTransport, Transport } from "./transports.js";

/** The calls every protocol can receive (asyncio.BaseProtocol). */
export interface BaseProtocolLike {
  /** The connection is up; `transport` is how to write to it and close it. */
  connectionMade?(transport: BaseTransport): void;
  /** The connection is gone: `exc` is null for a close or an abort, else what broke it. Called once. */
  connectionLost?(exc: Error | null): void;
  /** The transport's write buffer went over its high-water mark: stop writing until resumeWriting(). */
  pauseWriting?(): void;
  /** The write buffer drained to its low-water mark: writing may go on. */
  resumeWriting?(): void;
}

/** A stream protocol (asyncio.Protocol): bytes arrive through dataReceived. */
export interface ProtocolLike extends BaseProtocolLike {
  connectionMade?(transport: Transport): void;
  /** Bytes arrived (a Uint8Array the protocol may keep: the transport never reuses it). */
  dataReceived?(data: Uint8Array): void;
  /**
   * The peer will send no more (it closed or half-closed). Return true to keep the
   * connection open for writing (then closing it is up to the protocol); anything else
   * closes the transport.
   */
  eofReceived?(): boolean | void;
}

/**
 * A stream protocol that lends the transport its own buffer (asyncio.BufferedProtocol):
 * the transport asks for a buffer with getBuffer(sizeHint), copies the bytes that arrived
 * into it and says how many with bufferUpdated(n).
 */
export interface BufferedProtocolLike extends BaseProtocolLike {
  connectionMade?(transport: Transport): void;
  /** A buffer to copy received bytes into; `sizeHint` is -1 (any size) or the bytes waiting. Must not be empty. */
  getBuffer(sizeHint: number): Uint8Array;
  /** `nbytes` bytes were copied to the start of the buffer getBuffer() returned last. */
  bufferUpdated(nbytes: number): void;
  eofReceived?(): boolean | void;
}

/** The calls a subprocess protocol receives (asyncio.SubprocessProtocol). */
export interface SubprocessProtocolLike extends BaseProtocolLike {
  connectionMade?(transport: SubprocessTransport): void;
  /** The child wrote `data` to its stdout (fd 1) or stderr (fd 2). */
  pipeDataReceived?(fd: number, data: Uint8Array): void;
  /** One of the child's pipes closed: `exc` null, or what broke it. */
  pipeConnectionLost?(fd: number, exc: Error | null): void;
  /** The child exited. */
  processExited?(): void;
}

/** What createConnection/createServer accept as a protocol. */
export type AnyProtocol = ProtocolLike | BufferedProtocolLike;

/** asyncio.BaseProtocol: every call does nothing. */
export class BaseProtocol implements BaseProtocolLike {
  connectionMade(_transport: BaseTransport): void {}
  connectionLost(_exc: Error | null): void {}
  pauseWriting(): void {}
  resumeWriting(): void {}
}

/**
 * asyncio.Protocol: every call does nothing; extend it and override what you need.
 * @example
 * class Echo extends Protocol {
 *   transport!: Transport;
 *   connectionMade(t: Transport) { this.transport = t; }
 *   dataReceived(data: Uint8Array) { this.transport.write(data); }
 * }
 */
export class Protocol extends BaseProtocol implements ProtocolLike {
  override connectionMade(_transport: Transport): void {}
  dataReceived(_data: Uint8Array): void {}
  eofReceived(): boolean | void {}
}

/** asyncio.BufferedProtocol: subclasses must implement getBuffer and bufferUpdated. */
export abstract class BufferedProtocol extends BaseProtocol implements BufferedProtocolLike {
  override connectionMade(_transport: Transport): void {}
  abstract getBuffer(sizeHint: number): Uint8Array;
  abstract bufferUpdated(nbytes: number): void;
  eofReceived(): boolean | void {}
}

/** asyncio.SubprocessProtocol: every call does nothing. */
export class SubprocessProtocol extends BaseProtocol implements SubprocessProtocolLike {
  override connectionMade(_transport: SubprocessTransport): void {}
  pipeDataReceived(_fd: number, _data: Uint8Array): void {}
  pipeConnectionLost(_fd: number, _exc: Error | null): void {}
  processExited(): void {}
}

/** @internal whether `p` takes bytes through getBuffer/bufferUpdated */
export function isBufferedProtocol(p: unknown): p is BufferedProtocolLike {
  return (
    p !== null &&
    typeof p === "object" &&
    typeof (p as BufferedProtocolLike).getBuffer === "function" &&
    typeof (p as BufferedProtocolLike).bufferUpdated === "function"
  );
}
