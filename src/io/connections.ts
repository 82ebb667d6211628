/**
 * createConnection / createServer and their Unix variants (asyncio's
 * base_events.create_connection/create_server, create_unix_connection/create_unix_server):
 * check the arguments, ask the loop's network host to connect or listen, and make the
 * SocketTransport or Server. EventLoop's methods of the same names (loop.ts) call these.
 *
 * Each returns a coroutine-like Future (coroutine-future.ts): `yield*` runs it inline in
 * the calling task, as `await loop.create_connection(...)` runs in asyncio. Arguments of
 * the wrong type are refused at the call; the rest (asyncio's ValueErrors, the host's
 * errors) come out of the Future.
 *
 * createConnection, in asyncio's order: the host connects (counted as host I/O in flight,
 * so a virtual clock waits for it) → protocolFactory() → the transport schedules
 * connectionMade, then reading, then the waiter → the Future's value is [transport,
 * protocol], connectionMade having run.
 */
import { NotImplementedError } from "../exceptions.js";
import { CoroutineFuture } from "../coroutine-future.js";
import type { Future } from "../futures.js";
import type { EventLoop } from "../loop.js";
import { sleep } from "../sleep.js";
import { checkOptions } from "../options.js";
import { describe } from "../validate.js";
import { acceptAnyServerName, type TlsOptions } from "./hosts/host.js";
import { hostOperation, ioHostOf, lacking } from "./loop-io.js";
import type { AnyProtocol } from "./protocols.js";
import { Server } from "./server.js";
import { SocketTransport } from "./socket-transport.js";
import type { Transport } from "./transports.js";

/** The TLS options a client accepts (node:tls names; see the README). */
export const TLS_CLIENT_KEYS = [
  "ca", "cert", "key", "passphrase", "pfx", "rejectUnauthorized", "ALPNProtocols",
  "minVersion", "maxVersion", "ciphers", "checkServerIdentity", "servername", "session",
] as const;

/** The TLS options a server accepts. */
export const TLS_SERVER_KEYS = [
  "ca", "cert", "key", "passphrase", "pfx", "requestCert", "rejectUnauthorized", "ALPNProtocols",
  "minVersion", "maxVersion", "ciphers", "handshakeTimeout", "sessionTimeout",
] as const;

/** Options of createConnection (asyncio's keyword arguments, camelCased; `ssl` is `tls`). */
export interface CreateConnectionOptions {
  /** true: TLS with the host's default CAs; or node:tls client options (see TLS_CLIENT_KEYS) */
  tls?: boolean | TlsOptions;
  /** the name TLS checks the certificate against and sends as SNI (default: host); "" skips the check */
  serverHostname?: string;
  /** bind the local end to [host, port] first (asyncio's local_addr) */
  localAddr?: [string, number];
}

/** Options of createServer. */
export interface CreateServerOptions {
  /** node:tls server options (key and cert at least; see TLS_SERVER_KEYS) */
  tls?: TlsOptions;
  /** the listen backlog (default 100, asyncio's) */
  backlog?: number;
  /** start accepting at once (default true); else call server.startServing() */
  startServing?: boolean;
  /**
   * asyncio's reuse_address: true is what the hosts always do (SO_REUSEADDR, asyncio's default
   * on POSIX); false cannot be honoured and is refused with NotImplementedError.
   */
  reuseAddress?: boolean;
}

const CONNECT_KEYS = ["tls", "serverHostname", "localAddr"];
const UNIX_CONNECT_KEYS = ["tls", "serverHostname"];
const SERVER_KEYS = ["tls", "backlog", "startServing", "reuseAddress"];

function checkFactory(where: string, factory: unknown): asserts factory is () => AnyProtocol {
  if (typeof factory !== "function") {
    throw new TypeError(`${where}: protocolFactory must be a function returning a protocol, got ${describe(factory)}`);
  }
}

function checkPort(where: string, port: unknown): number | null {
  if (port === null || port === undefined) return null;
  const n = typeof port === "string" && /^\d+$/.test(port) ? Number(port) : port;
  if (typeof n !== "number" || !Number.isInteger(n)) {
    throw new TypeError(`${where}: port must be an integer (0-65535) or null, got ${describe(port)}`);
  }
  if (n < 0 || n > 65535) throw new RangeError(`${where}: port must be 0-65535, got ${n}`);
  return n;
}

function checkPath(where: string, path: unknown): string {
  if (typeof path !== "string" || path.length === 0) {
    throw new TypeError(`${where}: path must be a non-empty string, got ${describe(path)}`);
  }
  return path;
}

function tlsCopy(where: string, tls: unknown, known: readonly string[]): TlsOptions {
  if (tls === null || typeof tls !== "object" || Array.isArray(tls)) {
    throw new TypeError(`${where}: options.tls must be ${known === TLS_CLIENT_KEYS ? "true or " : ""}an object of TLS options, got ${describe(tls)}`);
  }
  checkOptions(`${where}: options.tls`, tls, known);
  return { ...(tls as TlsOptions) };
}

/** The client's TLS options with SNI and the name to check, as asyncio derives server_hostname. */
function clientTls(where: string, options: CreateConnectionOptions, host: string | null): TlsOptions | null {
  const { tls, serverHostname } = options;
  if (serverHostname !== undefined && typeof serverHostname !== "string") {
    throw new TypeError(`${where}: options.serverHostname must be a string, got ${describe(serverHostname)}`);
  }
  if (tls === undefined || tls === false || tls === null) {
    if (serverHostname !== undefined) throw new RangeError(`${where}: serverHostname is only meaningful with tls`);
    return null;
  }
  const opts = tls === true ? {} : tlsCopy(where, tls, TLS_CLIENT_KEYS);
  const name = serverHostname ?? host;
  if (name === null || name === undefined) {
    throw new RangeError(`${where}: You must set serverHostname when using tls without a host`);
  }
  if (name === "") {
    // asyncio: an empty server_hostname bypasses the hostname check
    opts.checkServerIdentity ??= acceptAnyServerName;
  } else {
    if (!isIpAddress(name)) opts.servername ??= name;
    if (serverHostname !== undefined) {
      // check the certificate against the name given, not the address connected to
      opts.servername ??= name;
    }
  }
  return opts;
}

function isIpAddress(s: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || s.includes(":");
}

/** @internal loop.createConnection */
export function createConnection(
  loop: EventLoop,
  factory: () => AnyProtocol,
  host: string | null,
  port: number | string | null,
  options: CreateConnectionOptions = {},
): Future<[Transport, AnyProtocol]> {
  const where = "createConnection";
  checkFactory(where, factory);
  if (host !== null && host !== undefined && typeof host !== "string") {
    throw new TypeError(`${where}: host must be a string or null, got ${describe(host)}`);
  }
  const p = checkPort(where, port);
  checkOptions(where, options, CONNECT_KEYS);
  const local = options.localAddr;
  if (local !== undefined && !(Array.isArray(local) && typeof local[0] === "string" && checkPort(where, local[1]) !== null)) {
    throw new TypeError(`${where}: options.localAddr must be [host, port], got ${describe(local)}`);
  }
  const h = host ?? null;
  return new CoroutineFuture(loop, function* () {
    if (h === null && p === null) throw new RangeError("host and port was not specified and no sock specified");
    if (h === null || p === null) throw new RangeError(`${where}: host and port must both be given`);
    const tls = clientTls(where, options, h);
    return yield* connectBody(loop, where, factory, { host: h, port: p }, tls, local && { host: local[0], port: local[1] });
  });
}

/** @internal loop.createUnixConnection */
export function createUnixConnection(
  loop: EventLoop,
  factory: () => AnyProtocol,
  path: string,
  options: CreateConnectionOptions = {},
): Future<[Transport, AnyProtocol]> {
  const where = "createUnixConnection";
  checkFactory(where, factory);
  checkPath(where, path);
  checkOptions(where, options, UNIX_CONNECT_KEYS);
  return new CoroutineFuture(loop, function* () {
    const tls = clientTls(where, options, null);
    return yield* connectBody(loop, where, factory, { path }, tls, undefined);
  });
}

function* connectBody(
  loop: EventLoop,
  where: string,
  factory: () => AnyProtocol,
  address: { host: string; port: number } | { path: string },
  tls: TlsOptions | null,
  localAddress: { host: string; port: number } | undefined,
): Generator<unknown, [Transport, AnyProtocol], unknown> {
  const host = ioHostOf(loop);
  if (host.connect === undefined) throw lacking(where, host, "path" in address ? "Unix sockets" : "TCP sockets");
  const conn = yield* hostOperation(loop, host, host.connect({ loop, address, tls, localAddress }), (c) => c.abort());
  let protocol: AnyProtocol;
  try {
    protocol = factory();
  } catch (e) {
    conn.abort();
    throw e;
  }
  const waiter = loop.createFuture<void>();
  const transport = new SocketTransport(loop, conn, host, protocol, waiter, null);
  try {
    yield* waiter;
  } catch (e) {
    transport.close();
    throw e;
  }
  return [transport, protocol];
}

function serverOptions(where: string, options: CreateServerOptions): { tls: TlsOptions | null; backlog: number; start: boolean } {
  checkOptions(where, options, SERVER_KEYS);
  const { tls, backlog = 100, startServing = true, reuseAddress } = options;
  if (reuseAddress !== undefined && typeof reuseAddress !== "boolean") {
    throw new TypeError(`${where}: options.reuseAddress must be a boolean, got ${describe(reuseAddress)}`);
  }
  if (reuseAddress === false) {
    throw new NotImplementedError(`${where}: reuseAddress: false is not possible here (the host always sets SO_REUSEADDR)`);
  }
  if (typeof backlog !== "number" || !Number.isInteger(backlog) || backlog < 0) {
    throw new TypeError(`${where}: options.backlog must be a non-negative integer, got ${describe(backlog)}`);
  }
  if (typeof startServing !== "boolean") {
    throw new TypeError(`${where}: options.startServing must be a boolean, got ${describe(startServing)}`);
  }
  if (typeof tls === "boolean") throw new TypeError(`${where}: options.tls must be an object of TLS options (key, cert, ...), not a boolean`);
  return { tls: tls === undefined || tls === null ? null : tlsCopy(where, tls, TLS_SERVER_KEYS), backlog, start: startServing };
}

/** @internal loop.createServer */
export function createServer(
  loop: EventLoop,
  factory: () => AnyProtocol,
  host: string | readonly string[] | null,
  port: number | string | null,
  options: CreateServerOptions = {},
): Future<Server> {
  const where = "createServer";
  checkFactory(where, factory);
  let hosts: (string | null)[];
  if (host === null || host === undefined || host === "") hosts = [null];
  else if (typeof host === "string") hosts = [host];
  else if (Array.isArray(host) && host.every((h) => typeof h === "string")) hosts = [...new Set(host as string[])];
  else throw new TypeError(`${where}: host must be a string, an array of strings or null, got ${describe(host)}`);
  const p = checkPort(where, port);
  const opts = serverOptions(where, options);
  return new CoroutineFuture(loop, function* () {
    if ((host === null || host === undefined) && p === null) throw new RangeError("Neither host/port nor sock were specified");
    const addresses = hosts.map((h) => ({ host: h, port: p ?? 0 }));
    return yield* serveBody(loop, where, factory, addresses, opts, "TCP servers");
  });
}

/** @internal loop.createUnixServer */
export function createUnixServer(
  loop: EventLoop,
  factory: () => AnyProtocol,
  path: string,
  options: CreateServerOptions = {},
): Future<Server> {
  const where = "createUnixServer";
  checkFactory(where, factory);
  checkPath(where, path);
  const opts = serverOptions(where, options);
  return new CoroutineFuture(loop, () => serveBody(loop, where, factory, [{ path }], opts, "Unix socket servers"));
}

function* serveBody(
  loop: EventLoop,
  where: string,
  factory: () => AnyProtocol,
  addresses: ({ host: string | null; port: number } | { path: string })[],
  opts: { tls: TlsOptions | null; backlog: number; start: boolean },
  facility: string,
): Generator<unknown, Server, unknown> {
  const host = ioHostOf(loop);
  if (host.listen === undefined) throw lacking(where, host, facility);
  const server = new Server(loop, host, factory, opts.tls);
  try {
    for (const address of addresses) {
      const listener = yield* hostOperation(
        loop,
        host,
        host.listen({
          loop,
          address,
          backlog: opts.backlog,
          tls: opts.tls,
          onConnection: (conn) => server._onConnection(conn),
          onError: (exc) => server._onAcceptError(exc),
        }),
        (l) => l.close(),
      );
      server._addListener(listener);
    }
  } catch (e) {
    server.close();
    throw e;
  }
  server._opened();
  if (opts.start) {
    server._startServing();
    // one iteration, as asyncio's create_server, for the listeners to be in place
    yield* sleep(0);
  }
  return server;
}
