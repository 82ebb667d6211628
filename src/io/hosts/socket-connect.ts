/**
 * The I/O host of Cloudflare Workers: `connect(address, options)` from `cloudflare:sockets`,
 * which the package cannot import itself (the module exists only in Workers, and the
 * package's entries must load everywhere). The Worker hands it over, per loop as a host
 * capability, `new EventLoop({ host: { connect } })`, or once for every loop,
 * `setConnect(connect)` (for `run()` and the default loop). Any other host can inject a
 * function of the same shape — an SES compartment's host, a browser extension with a raw
 * socket API — and gets the same client connections.
 *
 * What it offers: TCP client connections (`openConnection`, `createConnection`), plain or
 * TLS. Made with `allowHalfOpen: true`, so an EOF from the peer leaves the write side to
 * asyncio's rules (eofReceived), and `writeEof()` half-closes by closing the writable
 * stream. TLS is `secureTransport: "on"`: the platform verifies the certificate against its
 * own trust store and the name connected to; no asyncio TLS option but the server name
 * maps (a CA, a client certificate, `rejectUnauthorized: false`, a server name other than
 * the host: NotImplementedError naming the option; workerd ignores startTls's
 * expectedServerHostname, so the package does not offer it). What it lacks: servers (no
 * listen: NotImplementedError naming the runtime and "servers") and Unix sockets.
 *
 * The socket is Web streams; StreamConnection (stream-connection.ts) turns them into a
 * HostConnection, with the write queue counted as the host's buffer, and streamHostTurn as
 * the virtual clock's host turn (workerd delivers socket data between its timer turns).
 */
import { NotImplementedError, OSError, SSLCertVerificationError, SSLError } from "../../exceptions.js";
import { describe } from "../../validate.js";
import { osError, pyAddress } from "../os-errors.js";
import { acceptAnyServerName, type ConnectRequest, type HostConnection, type IoHost, type TlsOptions } from "./host.js";
import { StreamActivity, StreamConnection, streamHostTurn, type StreamSocket } from "./stream-connection.js";
import { describeRuntime } from "./unsupported.js";

/** What `opened` resolves to (Workers' SocketInfo): addresses as "host:port". */
export interface ConnectSocketInfo {
  /** the peer's address, "host:port" */
  remoteAddress?: string;
  /** the local address, "host:port" */
  localAddress?: string;
}

/** The socket a `connect` capability returns (Workers' Socket; only what the package uses). */
export interface ConnectSocket {
  /** the bytes received */
  readonly readable: {
    /** locks the stream to one reader (the package's) */
    getReader(): {
      /** the next chunk, or `done` at end of file; rejects when the connection fails */
      read(): Promise<{
        /** true at end of file */
        done: boolean;
        /** the chunk */
        value?: Uint8Array | ArrayBuffer;
      }>;
    };
  };
  /** the bytes to send; closing it sends end of file */
  readonly writable: {
    /** locks the stream to one writer (the package's) */
    getWriter(): {
      /** sends `chunk`; resolves once the runtime has taken it */
      write(chunk: Uint8Array): Promise<void>;
      /** sends end of file (with allowHalfOpen, reading goes on) */
      close(): Promise<void>;
    };
  };
  /** resolves once connected; rejects if the connection could not be made */
  readonly opened: Promise<ConnectSocketInfo>;
  /** closes both directions */
  close(): Promise<void> | void;
}

/** Options the package passes to `connect` (Workers' SocketOptions). */
export interface ConnectSocketOptions {
  /** "on": TLS from the start; "off": plain */
  secureTransport: "on" | "off";
  /** true: EOF from the peer does not close the write side */
  allowHalfOpen: boolean;
}

/**
 * A host capability: Cloudflare Workers' `connect()` from `cloudflare:sockets`, or a
 * function of that shape.
 * @example
 * import { connect } from "cloudflare:sockets";
 * const loop = new EventLoop({ host: { connect } });
 */
export type SocketConnect = (address: { hostname: string; port: number }, options: ConnectSocketOptions) => ConnectSocket;

let defaultConnect: SocketConnect | null = null;
const hosts = new WeakMap<SocketConnect, IoHost>();

/**
 * Gives every loop without its own `host.connect` this `connect` (Workers' from
 * `cloudflare:sockets`): `openConnection` and `createConnection` then work in `run()`, the
 * default loop and every `new EventLoop()`. `null` takes it back.
 * @example
 * import { connect } from "cloudflare:sockets";
 * import { setConnect } from "wasmloop/workers";
 * setConnect(connect);
 */
export function setConnect(connect: SocketConnect | null): void {
  if (connect !== null && typeof connect !== "function") {
    throw new TypeError(`setConnect: connect must be a function (connect from "cloudflare:sockets") or null, got ${describe(connect)}`);
  }
  defaultConnect = connect;
}

/** The connect host for `given` (a loop's capability), else setConnect's, else null. */
export function socketConnectHost(given: SocketConnect | null): IoHost | null {
  const connect = given ?? defaultConnect;
  if (connect === null) return null;
  let host = hosts.get(connect);
  if (host === undefined) hosts.set(connect, (host = makeHost(connect)));
  return host;
}

function makeHost(connect: SocketConnect): IoHost {
  const { runtime } = describeRuntime();
  const activity = new StreamActivity();
  const source = runtime === "Cloudflare Workers" ? 'connect() from "cloudflare:sockets"' : "the injected connect()";
  return {
    runtime,
    external: true,
    hint: `${source} opens client connections only`,
    connect: (req) => connectWith(connect, runtime, source, activity, req),
    turn: streamHostTurn(activity),
  };
}

async function connectWith(
  connect: SocketConnect,
  runtime: string,
  source: string,
  activity: StreamActivity,
  req: ConnectRequest,
): Promise<HostConnection> {
  const addr = req.address;
  if ("path" in addr) throw new NotImplementedError(`${runtime} has no Unix sockets (${source} opens TCP connections only)`);
  if (req.localAddress !== undefined) {
    throw new NotImplementedError(`${runtime} cannot bind a connection's local end (localAddr): ${source} has no such option`);
  }
  if (req.tls !== null) checkTls(runtime, source, req.tls, addr.host);
  const where = pyAddress(addr);
  let sock: ConnectSocket;
  let info: ConnectSocketInfo;
  try {
    sock = connect({ hostname: addr.host, port: addr.port }, { secureTransport: req.tls === null ? "off" : "on", allowHalfOpen: true });
  } catch (err) {
    throw failure(err, where, req.tls !== null) ?? err;
  }
  try {
    info = (await sock.opened) ?? {};
  } catch (err) {
    closeQuietly(sock);
    throw failure(err, where, req.tls !== null) ?? err;
  }
  return new StreamConnection(new WebSocketStreams(sock, info, req.tls), {
    halfClose: req.tls === null,
    translate: (err) => failure(err, null, req.tls !== null),
    activity,
  });
}

/** Refuses the TLS options `connect()` cannot honour: it takes none but the name, and checks that against the host. */
function checkTls(runtime: string, source: string, tls: TlsOptions, host: string): void {
  for (const [option, value] of Object.entries(tls)) {
    if (value === undefined) continue;
    if (option === "servername" && value === host) continue;
    if (option === "rejectUnauthorized" && value === true) continue;
    const what =
      option === "servername"
        ? `serverHostname ${JSON.stringify(value)}: ${source} checks the certificate against the host connected to (${JSON.stringify(host)})`
        : option === "checkServerIdentity" && value === acceptAnyServerName
          ? `serverHostname "": ${source} always checks the certificate's name`
          : `the TLS option ${option}: ${source} verifies against the platform's trust store and takes no TLS options`;
    throw new NotImplementedError(`${runtime} cannot honour ${what}`);
  }
}

/** The runtime's failures as asyncio's errors; null for a socket closed under us. */
function failure(err: unknown, where: string | null, tls: boolean): Error | null {
  if (err instanceof OSError) return err;
  const message = String((err as { message?: unknown })?.message ?? err);
  const init = { cause: err };
  if (tls && /certificate/i.test(message)) {
    return new SSLCertVerificationError(`[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${message}`, init);
  }
  if (tls && /\b(tls|ssl|handshake)\b/i.test(message)) return new SSLError(message, init);
  if (where !== null) {
    if (/refused/i.test(message)) return osError("ECONNREFUSED", null, { context: "connect", address: where, cause: err });
    return new OSError(`Connect call failed ${where}: ${message}`, init);
  }
  if (/stream was closed|socket.*closed|closed socket/i.test(message)) return null;
  // workerd's "Network connection lost.": the peer reset or the path broke
  if (/connection (lost|reset)|reset by peer/i.test(message)) return osError("ECONNRESET", null, { cause: err });
  return new OSError(message, init);
}

function closeQuietly(sock: ConnectSocket): void {
  try {
    Promise.resolve(sock.close()).catch(() => {});
  } catch {
    // closed already
  }
}

/** A connect() socket's streams as StreamConnection wants them. */
class WebSocketStreams implements StreamSocket {
  readonly #sock: ConnectSocket;
  readonly #info: ConnectSocketInfo;
  readonly #tls: TlsOptions | null;
  readonly #reader: ReturnType<ConnectSocket["readable"]["getReader"]>;
  readonly #writer: ReturnType<ConnectSocket["writable"]["getWriter"]>;

  constructor(sock: ConnectSocket, info: ConnectSocketInfo, tls: TlsOptions | null) {
    this.#sock = sock;
    this.#info = info;
    this.#tls = tls;
    this.#reader = sock.readable.getReader();
    this.#writer = sock.writable.getWriter();
  }

  async read(): Promise<Uint8Array | null> {
    const { done, value } = await this.#reader.read();
    if (done || value === undefined) return null;
    return value instanceof Uint8Array ? value : new Uint8Array(value);
  }

  async write(data: Uint8Array): Promise<number> {
    await this.#writer.write(data);
    return data.length;
  }

  closeWrite(): Promise<void> {
    return this.#writer.close();
  }

  close(): void {
    closeQuietly(this.#sock);
  }

  extra(name: string): unknown {
    switch (name) {
      case "peername":
        return hostPort(this.#info.remoteAddress);
      case "sockname":
        return hostPort(this.#info.localAddress);
      case "socket":
        return this.#sock;
    }
    if (this.#tls === null) return undefined;
    switch (name) {
      case "sslcontext":
        return this.#tls;
      case "ssl_object":
        return this.#sock;
      case "compression":
        return null;
    }
    return undefined;
  }
}

/** "1.2.3.4:80" → ["1.2.3.4", 80]; "[::1]:80" → ["::1", 80, 0, 0]; unknown → null. */
function hostPort(address: string | undefined): unknown {
  if (typeof address !== "string") return null;
  const m = /^\[(.*)\]:(\d+)$/.exec(address) ?? /^(.*):(\d+)$/.exec(address);
  if (m === null) return address;
  return m[1].includes(":") ? [m[1], Number(m[2]), 0, 0] : [m[1], Number(m[2])];
}
