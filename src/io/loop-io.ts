/**
 * What a loop's I/O layer keeps per loop: the network host it uses (the loop's `network`
 * option, else the runtime's own host, found on first use) and the host sockets and
 * listeners that are open, so that closing the loop releases them (in JS an open socket
 * would keep the process alive; CPython leaves them to the garbage collector).
 *
 * It is also where the I/O layer tells the loop about host I/O, for the virtual clock's
 * rules (base-events.ts, "Virtual time and host I/O"): a host operation in flight (a
 * connect, a listen) holds the clock; an open host connection or listener makes the clock
 * give the host a turn before each jump. Hosts that run on the loop's own clock (the
 * in-memory network) are not counted.
 */
import { NotImplementedError } from "../exceptions.js";
import type { EventLoop } from "../loop.js";
import { describe } from "../validate.js";
import type { IoHost } from "./hosts/host.js";
import { denoHost } from "./hosts/deno.js";
import { nodeHost } from "./hosts/node.js";
import { socketConnectHost } from "./hosts/socket-connect.js";
import { unsupportedHost } from "./hosts/unsupported.js";

/** Something that holds a host socket or listener, released when its loop closes. */
export interface IoResource {
  /** @internal the loop closed: release the host resource now, quietly */
  _releaseForLoopClose(): void;
}

interface LoopIo {
  network: IoHost | null;
  resources: Set<IoResource>;
}

const perLoop = new WeakMap<EventLoop, LoopIo>();
let runtimeHost: IoHost | null = null;

function stateOf(loop: EventLoop): LoopIo {
  let s = perLoop.get(loop);
  if (s === undefined) perLoop.set(loop, (s = { network: null, resources: new Set() }));
  return s;
}

/** @internal EventLoop's constructor: the `network` option, checked. */
export function setNetwork(loop: EventLoop, network: unknown): void {
  if (network === undefined || network === null) return;
  const n = network as IoHost;
  if (
    typeof n !== "object" ||
    typeof n.runtime !== "string" ||
    typeof n.external !== "boolean" ||
    (n.connect !== undefined && typeof n.connect !== "function") ||
    (n.listen !== undefined && typeof n.listen !== "function")
  ) {
    throw new TypeError(
      `EventLoop: options.network must be a network host (a MemoryNetwork, or an object with runtime, external, connect and listen), got ${describe(network)}`,
    );
  }
  stateOf(loop).network = n;
}

/**
 * The network host `loop` uses: its `network` option; else a `connect` injected as its host
 * capability or through setConnect (Workers' cloudflare:sockets); else the runtime's own
 * sockets (Deno, then Node and Bun), or none.
 */
export function ioHostOf(loop: EventLoop): IoHost {
  const own = perLoop.get(loop)?.network;
  if (own) return own;
  return socketConnectHost(loop._host.connect) ?? (runtimeHost ??= denoHost() ?? nodeHost() ?? unsupportedHost());
}

/** NotImplementedError for a facility `host` lacks, naming the call, the runtime and what to do. */
export function lacking(where: string, host: IoHost, facility: string): NotImplementedError {
  return new NotImplementedError(`${where}: ${host.runtime} has no ${facility}${host.hint ? ` (${host.hint})` : ""}`);
}

/** A host resource opened for `loop`: released if the loop closes first; counted for the virtual clock if external. */
export function openResource(loop: EventLoop, host: IoHost, resource: IoResource): void {
  stateOf(loop).resources.add(resource);
  if (!host.external) return;
  loop._ioBegin(false);
  const turn = host.turn;
  if (turn !== undefined && loop._ioTurn === null) loop._ioTurn = (done) => turn.call(host, loop, done);
}

/** The resource was released. */
export function closeResource(loop: EventLoop, host: IoHost, resource: IoResource): void {
  const s = perLoop.get(loop);
  if (s === undefined || !s.resources.delete(resource)) return;
  if (host.external) loop._ioEnd(false);
}

/** @internal EventLoop.close(): releases what is still open. */
export function closeLoopIo(loop: EventLoop): void {
  const s = perLoop.get(loop);
  if (s === undefined) return;
  const open = [...s.resources];
  s.resources.clear();
  for (const r of open) {
    try {
      r._releaseForLoopClose();
    } catch {
      // the loop is closing: nothing to report to
    }
  }
}

/**
 * `yield*` a host operation's promise in the calling task: counted as host I/O in flight
 * (the virtual clock waits for it) until it settles. If the waiting task is cancelled, or
 * the loop closed, before a value arrives, `release(value)` frees it.
 */
export function* hostOperation<T>(
  loop: EventLoop,
  host: IoHost,
  promise: PromiseLike<T>,
  release: (value: T) => void,
): Generator<unknown, T, unknown> {
  const fut = loop.createFuture<T>();
  const counted = host.external;
  if (counted) loop._ioBegin(true);
  promise.then(
    (value) => {
      if (counted) loop._ioEnd(true);
      if (fut.done() || loop.isClosed()) release(value);
      else fut.setResult(value);
    },
    (err) => {
      if (counted) loop._ioEnd(true);
      if (!fut.done() && !loop.isClosed()) fut.setException(err);
    },
  );
  return yield* fut;
}
