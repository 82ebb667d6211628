/**
 * loop.connectReadPipe / loop.connectWritePipe (asyncio base_events): a protocol on one side
 * of a pipe. asyncio takes a file object already switched to non-blocking; here a pipe is a
 * stream: a Web Stream (`ReadableStream<Uint8Array>` / `WritableStream<Uint8Array>`, in every
 * runtime) or a Node stream (`stream.Readable` / `Writable`, e.g. `process.stdin`), checked
 * when the call is made, locked (Web) or listened to (Node) when the coroutine starts, and
 * closed with the transport.
 *
 * Both are asyncio coroutines: each returns a coroutine-like Future of `[transport, protocol]`
 * that completes in the iteration in which the protocol's connectionMade() is called.
 */
import { CoroutineFuture } from "../coroutine-future.js";
import type { Future } from "../futures.js";
import type { EventLoop } from "../loop.js";
import { checkFunction, describe } from "../validate.js";
import { checkHostEventsReachable } from "./host-ops.js";
import { isNodeReadable, isNodeWritable, nodeReadEnd, nodeWriteEnd } from "./hosts/node.js";
import { webReadEnd, webWriteEnd, type ReadEnd, type WriteEnd } from "./pipe-ends.js";
import { ReadPipeTransport, WritePipeTransport } from "./pipe-transports.js";
import type { BaseProtocolLike, ProtocolLike } from "./protocols.js";

function isWebStream(x: unknown, method: "getReader" | "getWriter"): boolean {
  return x !== null && typeof x === "object" && typeof (x as Record<string, unknown>)[method] === "function" && "locked" in x;
}

/** The read end of what connectReadPipe was given: a ReadableStream or a Node Readable; TypeError for anything else. */
export function toReadEnd(where: string, pipe: unknown): ReadEnd;
export function toReadEnd(where: string, pipe: unknown, checkOnly: true): null;
export function toReadEnd(where: string, pipe: unknown, checkOnly = false): ReadEnd | null {
  if (isWebStream(pipe, "getReader")) {
    if ((pipe as ReadableStream).locked) throw new TypeError(`${where}: the ReadableStream is locked (another reader holds it)`);
    return checkOnly ? null : webReadEnd(pipe as ReadableStream<Uint8Array>);
  }
  if (isNodeReadable(pipe)) return checkOnly ? null : nodeReadEnd(pipe);
  throw new TypeError(`${where}: pipe must be a ReadableStream<Uint8Array> or a Node stream.Readable, got ${describe(pipe)}`);
}

/** The write end of what connectWritePipe was given: a WritableStream or a Node Writable; TypeError for anything else. */
export function toWriteEnd(where: string, pipe: unknown): WriteEnd;
export function toWriteEnd(where: string, pipe: unknown, checkOnly: true): null;
export function toWriteEnd(where: string, pipe: unknown, checkOnly = false): WriteEnd | null {
  if (isWebStream(pipe, "getWriter")) {
    if ((pipe as WritableStream).locked) throw new TypeError(`${where}: the WritableStream is locked (another writer holds it)`);
    return checkOnly ? null : webWriteEnd(pipe as WritableStream<Uint8Array>);
  }
  if (isNodeWritable(pipe)) return checkOnly ? null : nodeWriteEnd(pipe);
  throw new TypeError(`${where}: pipe must be a WritableStream<Uint8Array> or a Node stream.Writable, got ${describe(pipe)}`);
}

/** @internal connectReadPipe's coroutine over a read end (the subprocess transport connects its child's pipes with it) */
export function* connectReadEnd<P extends ProtocolLike>(
  loop: EventLoop,
  protocolFactory: () => P,
  end: ReadEnd | (() => ReadEnd),
  pipe: unknown,
): Generator<unknown, [ReadPipeTransport, P], unknown> {
  const protocol = protocolFactory();
  // the stream is taken only once the protocol exists
  if (typeof end === "function") end = end();
  const waiter = loop.createFuture<void>();
  const transport = new ReadPipeTransport(loop, end, protocol, waiter, { pipe });
  try {
    yield* waiter;
  } catch (e) {
    transport.close();
    throw e;
  }
  return [transport, protocol];
}

/** @internal connectWritePipe's coroutine over a write end */
export function* connectWriteEnd<P extends BaseProtocolLike>(
  loop: EventLoop,
  protocolFactory: () => P,
  end: WriteEnd | (() => WriteEnd),
  pipe: unknown,
): Generator<unknown, [WritePipeTransport, P], unknown> {
  const protocol = protocolFactory();
  // the stream is taken only once the protocol exists
  if (typeof end === "function") end = end();
  const waiter = loop.createFuture<void>();
  const transport = new WritePipeTransport(loop, end, protocol, waiter, { pipe });
  try {
    yield* waiter;
  } catch (e) {
    transport.close();
    throw e;
  }
  return [transport, protocol];
}

/** @internal loop.connectReadPipe */
export function connectReadPipe<P extends ProtocolLike>(loop: EventLoop, protocolFactory: () => P, pipe: unknown): Future<[ReadPipeTransport, P]> {
  loop._checkClosed();
  checkFunction("connectReadPipe", "protocolFactory", protocolFactory);
  checkHostEventsReachable(loop, "connectReadPipe");
  toReadEnd("connectReadPipe", pipe, true);
  return new CoroutineFuture(loop, () => connectReadEnd(loop, protocolFactory, () => toReadEnd("connectReadPipe", pipe), pipe));
}

/** @internal loop.connectWritePipe */
export function connectWritePipe<P extends BaseProtocolLike>(loop: EventLoop, protocolFactory: () => P, pipe: unknown): Future<[WritePipeTransport, P]> {
  loop._checkClosed();
  checkFunction("connectWritePipe", "protocolFactory", protocolFactory);
  checkHostEventsReachable(loop, "connectWritePipe");
  toWriteEnd("connectWritePipe", pipe, true);
  return new CoroutineFuture(loop, () => connectWriteEnd(loop, protocolFactory, () => toWriteEnd("connectWritePipe", pipe), pipe));
}
