/**
 * The I/O host of Deno, on Deno's own API: `Deno.connect`/`Deno.listen` (TCP and Unix
 * sockets), `Deno.connectTls`/`Deno.startTls`/`Deno.listenTls` (TLS, rustls), behind Deno's
 * permissions. Not Deno's node:net: loading any `node:` module makes Deno bootstrap its Node
 * layer, which replaces the global MessageChannel and MessagePort and adds `nodeBootstrap`
 * (the package changes no global), and node:net's data surfaces after an unknown number of
 * macrotasks, which the virtual clock cannot wait for.
 *
 * Sockets: a `Deno.Conn` behind StreamConnection (stream-connection.ts): one `read()` in
 * flight while reading is on (paused, none, so the kernel's window fills and the peer backs
 * up), writes queued in order with `bufferedAmount` counted from our own queue. The virtual
 * clock's host turn is streamHostTurn: host timers until one passes with nothing moving
 * (Deno polls the kernel for socket readiness only between timer and I/O phases; a
 * MessageChannel message never lets it).
 *
 * Permissions are asked first (`Deno.permissions.querySync`): without them the call is
 * refused with PermissionError naming the flag to grant (`--allow-net=127.0.0.1:8080`,
 * `--allow-net=127.0.0.1` for a port-0 server, `--allow-net=unix:PATH --allow-read=PATH
 * --allow-write=PATH` for a Unix socket, as Deno 2.9 asks). A permission in the "prompt" state counts as not granted: the loop never
 * stops to ask.
 *
 * TLS maps node:tls's option names onto what Deno takes (README, "I/O by runtime"): client
 * `ca`, `cert`/`key`, `ALPNProtocols`, `servername` (the name checked, through
 * `Deno.startTls`) and serverHostname "" (no name check); server `key`, `cert`,
 * `ALPNProtocols`, `handshakeTimeout`. An option Deno cannot honour (`minVersion`,
 * `ciphers`, `rejectUnauthorized: false`, client certificates on a server, TLS over Unix
 * sockets, ...) is refused with NotImplementedError naming it, never ignored. Deno gives no
 * peer certificate or cipher: those extra-info names answer the default.
 *
 * Deno: the executor's workers are module Web Workers from a Blob URL, as in browsers
 * (browser.ts); started that way they need no permission flag (what the called code does
 * inside needs the usual ones: a module URL on disk needs --allow-read).
 *
 * Not Deno's node:worker_threads, though it could unref() idle workers: loading any node:
 * module makes Deno bootstrap its Node layer, which replaces the global MessageChannel and
 * MessagePort and adds `nodeBootstrap`, and the package changes no global. The price: a Deno
 * Web Worker has no unref(), so idle workers keep `deno run` alive until their executor is
 * shut down (loop.close(), shutdownDefaultExecutor(), pool.shutdown(); run() does it).
 * Deno.exit() and close() in a worker end it silently; the worker script reports both first.
 */
import { FileNotFoundError, NotImplementedError, OSError, PermissionError, SSLCertVerificationError, SSLError } from "../../exceptions.js";
import type { EventLoop } from "../../loop.js";
import { osError, pyAddress } from "../os-errors.js";
import {
  acceptAnyServerName,
  type ConnectRequest,
  type HostConnection,
  type HostListener,
  type IoHost,
  type ListenRequest,
  type SocketAddress,
  type TlsOptions,
} from "./host.js";
import { StreamActivity, StreamConnection, streamHostTurn, type StreamSocket } from "./stream-connection.js";
import type { WorkerEvents, WorkerPort, WorkerScript } from "../threads.js";
import { spawnWebWorker } from "./browser.js";
import { webReadEnd, webWriteEnd, type WriteEnd, type WriteSink } from "../pipe-ends.js";
import type { ProcessHost, SpawnRequest } from "../spawn.js";

// ---- sockets: Deno.connect, Deno.listen and their TLS variants (IoHost)

/** Where a server on host null listens: every interface, dual-stack (IPv4 clients show as ::ffff:a.b.c.d), as Node's. */
const ANY_ADDRESS = "::";
/** How much one read takes from the kernel at most. */
const READ_SIZE = 64 * 1024;
/** A TLS server drops a client whose handshake takes longer (node:tls's default handshakeTimeout). */
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 120_000;
/** After a failed accept (out of file descriptors), wait this long before the next (asyncio's ACCEPT_RETRY_DELAY). */
const ACCEPT_RETRY_DELAY_MS = 1000;

/*
 * The parts of the Deno namespace used here, typed by hand: the package's declarations
 * compile without Deno's types.
 */
interface DenoAddr {
  transport: string;
  hostname?: string;
  port?: number;
  path?: string | null;
}
interface DenoConn {
  read(p: Uint8Array): Promise<number | null>;
  write(p: Uint8Array): Promise<number>;
  closeWrite(): Promise<void>;
  close(): void;
  readonly localAddr: DenoAddr;
  readonly remoteAddr: DenoAddr;
  handshake?(): Promise<{ alpnProtocol: string | null }>;
  setNoDelay?(on?: boolean): void;
}
interface DenoListener {
  readonly addr: DenoAddr;
  accept(): Promise<DenoConn>;
  close(): void;
}
interface DenoNamespace {
  version: { deno: string };
  permissions: { querySync(desc: { name: string; host?: string; path?: string }): { state: string } };
  connect(options: object): Promise<DenoConn>;
  connectTls(options: object): Promise<DenoConn>;
  startTls(conn: DenoConn, options: object): Promise<DenoConn>;
  listen(options: object): DenoListener;
  listenTls(options: object): DenoListener;
  lstatSync(path: string): { isSocket: boolean | null };
  removeSync(path: string): void;
}

/** Deno's host, or null outside Deno. */
export function denoHost(): IoHost | null {
  const deno = (globalThis as { Deno?: DenoNamespace }).Deno;
  if (deno === undefined || typeof deno.connect !== "function" || typeof deno.permissions?.querySync !== "function") return null;
  const state: DenoState = {
    deno,
    runtime: `Deno ${deno.version?.deno ?? ""}`.trim(),
    activity: new StreamActivity(),
    releasing: new Set(),
  };
  return {
    runtime: state.runtime,
    external: true,
    connect: (req) => denoConnect(state, req),
    listen: (req) => denoListen(state, req),
    turn: streamHostTurn(state.activity),
  };
}

/** One Deno host's state. */
interface DenoState {
  deno: DenoNamespace;
  /** "Deno 2.9.6", for messages */
  runtime: string;
  /** what moves on this host's sockets, for the virtual clock's host turn */
  activity: StreamActivity;
  /**
   * Listeners closed and not yet released. Deno closes a listener's socket only once its
   * pending accept has ended (an event-loop tick after close()); a connect made meanwhile
   * would reach the dying socket and be reset instead of refused, so connects wait for these.
   */
  releasing: Set<Promise<void>>;
}

/** PermissionError naming the flag that grants what `address` needs, or null if granted. */
function denied(
  deno: DenoNamespace,
  runtime: string,
  what: "connect to" | "listen on",
  address: ConnectRequest["address"] | ListenRequest["address"],
): PermissionError | null {
  const permissions = deno.permissions;
  if ("path" in address) {
    // Deno 2.9 asks for net access to "unix:PATH" besides reading and writing the file
    const path = address.path;
    const missing: string[] = [];
    if (queryNet(permissions, `unix:${path}`) === false) missing.push(`--allow-net=unix:${path}`);
    for (const name of ["read", "write"]) {
      if (permissions.querySync({ name, path }).state !== "granted") missing.push(`--allow-${name}=${path}`);
    }
    if (missing.length === 0) return null;
    return new PermissionError(`${runtime} requires access to the Unix socket "${path}" to ${what} it: run again with ${missing.join(" ")}`);
  }
  const name = address.host ?? ANY_ADDRESS;
  const host = name.includes(":") ? `[${name}]` : name;
  if (permissions.querySync({ name: "net", host: `${host}:${address.port}` }).state === "granted") return null;
  const grant = address.port === 0 ? host : `${host}:${address.port}`;
  return new PermissionError(
    `${runtime} requires net access to "${host}:${address.port}" to ${what} it: run again with --allow-net=${grant}`,
  );
}

/** Whether net access to `host` is granted; undefined where this Deno cannot say (an older one, for "unix:" hosts). */
function queryNet(permissions: DenoNamespace["permissions"], host: string): boolean | undefined {
  try {
    return permissions.querySync({ name: "net", host }).state === "granted";
  } catch {
    return undefined;
  }
}

/**
 * Deno's failures as asyncio's errors; null for a socket closed under us (Deno's
 * BadResource and Interrupted: our own close, or someone closed the `Deno.Conn`).
 */
function denoFailure(err: any, context: "connect" | "bind" | null, address?: string): Error | null {
  const name: unknown = err?.name;
  const message = String(err?.message ?? err);
  if (name === "BadResource" || name === "Interrupted") return null;
  if (name === "NotCapable" || (name === "PermissionDenied" && typeof err?.code !== "string")) {
    return new PermissionError(message, { cause: err });
  }
  if (name === "InvalidData" && /certificate/i.test(message)) {
    return new SSLCertVerificationError(`[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${message}`, { cause: err });
  }
  if (name === "InvalidData") return new SSLError(message, { cause: err });
  const lookup = /failed to lookup address information: (.*)/.exec(message);
  if (lookup !== null) {
    const code = /temporary/i.test(lookup[1]) ? "EAI_AGAIN" : "ENOTFOUND";
    return osError(code, null, { cause: err });
  }
  const code: unknown = err?.code;
  if (typeof code === "string" && /^E[A-Z0-9]+$/.test(code)) return osError(code, null, { context, address, cause: err });
  if (err instanceof Error) return err;
  return new OSError(message, { cause: err });
}

/** A Deno.Conn as StreamConnection wants it. */
class DenoSocket implements StreamSocket {
  readonly #conn: DenoConn;
  readonly #tls: TlsOptions | null;
  readonly #buf = new Uint8Array(READ_SIZE);

  constructor(conn: DenoConn, tls: TlsOptions | null) {
    this.#conn = conn;
    this.#tls = tls;
  }

  async read(): Promise<Uint8Array | null> {
    try {
      const n = await this.#conn.read(this.#buf);
      return n === null ? null : this.#buf.slice(0, n);
    } catch (err: any) {
      // a TLS peer that closed without close_notify: an end of file (Python's suppress_ragged_eofs)
      if (err?.name === "UnexpectedEof") return null;
      throw err;
    }
  }

  write(data: Uint8Array): Promise<number> {
    return this.#conn.write(data);
  }

  closeWrite(): Promise<void> {
    return this.#conn.closeWrite();
  }

  close(): void {
    try {
      this.#conn.close();
    } catch {
      // already closed (from outside, through getExtraInfo("socket"))
    }
  }

  ends(): [string, string] | null {
    const { localAddr: local, remoteAddr: remote } = this.#conn;
    if (local.transport !== "tcp" || remote.transport !== "tcp") return null;
    const end = (a: DenoAddr) => `${(a.hostname ?? "").replace(/^::ffff:(?=\d+\.)/, "")}:${a.port}`;
    return [end(local), end(remote)];
  }

  extra(name: string): unknown {
    const conn = this.#conn;
    switch (name) {
      case "peername":
        return pyAddressOf(conn.remoteAddr);
      case "sockname":
        return pyAddressOf(conn.localAddr);
      case "socket":
        return conn;
    }
    if (this.#tls === null) return undefined;
    switch (name) {
      case "sslcontext":
        return this.#tls;
      case "ssl_object":
        return conn;
      case "compression":
        return null;
    }
    return undefined;
  }
}

/** asyncio's address forms: [host, port], [host, port, 0, 0] for IPv6, a Unix path ("" unnamed). */
function pyAddressOf(addr: DenoAddr | undefined): unknown {
  if (addr === undefined) return null;
  if (addr.transport === "unix") return addr.path ?? "";
  const host = addr.hostname ?? "";
  return host.includes(":") ? [host, addr.port, 0, 0] : [host, addr.port];
}

function socketAddress(addr: DenoAddr): SocketAddress {
  if (addr.transport === "unix") return { family: "unix", path: addr.path ?? "" };
  const host = addr.hostname ?? "";
  return { family: host.includes(":") ? "IPv6" : "IPv4", host, port: addr.port ?? 0 };
}

function connection(conn: DenoConn, tls: TlsOptions | null, activity: StreamActivity): HostConnection {
  return new StreamConnection(new DenoSocket(conn, tls), {
    halfClose: tls === null,
    translate: (err) => denoFailure(err, null),
    activity,
  });
}

// -- TLS options: node:tls's names → Deno's

/** PEM text from node:tls's forms (a string, bytes, or an array of either). */
function pemList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (typeof v === "string" ? v : new TextDecoder().decode(v as Uint8Array)));
}

function cannot(runtime: string, option: string, why: string): NotImplementedError {
  return new NotImplementedError(`${runtime} cannot honour the TLS option ${option}: ${why}`);
}

interface DenoClientTls {
  /** the name the certificate is checked against (and sent as SNI) */
  hostname: string;
  caCerts?: string[];
  alpnProtocols?: string[];
  cert?: string;
  key?: string;
  unsafelyDisableHostnameVerification?: boolean;
}

/** The client TLS options Deno takes; NotImplementedError for one it cannot honour. */
function denoClientTls(runtime: string, tls: TlsOptions, host: string): DenoClientTls {
  const out: DenoClientTls = { hostname: typeof tls.servername === "string" ? tls.servername : host };
  for (const [option, value] of Object.entries(tls)) {
    if (value === undefined) continue;
    switch (option) {
      case "servername":
        break;
      case "ca":
        out.caCerts = pemList(value);
        break;
      case "cert":
      case "key":
        out[option] = pemList(value).join("\n");
        break;
      case "ALPNProtocols":
        if (!Array.isArray(value) || !value.every((p) => typeof p === "string")) {
          throw cannot(runtime, "ALPNProtocols", "Deno takes the protocols as an array of strings");
        }
        out.alpnProtocols = value;
        break;
      case "checkServerIdentity":
        if (value !== acceptAnyServerName) {
          throw cannot(runtime, "checkServerIdentity", "Deno checks the name itself; serverHostname: \"\" skips the check");
        }
        out.unsafelyDisableHostnameVerification = true;
        break;
      case "rejectUnauthorized":
        if (value === false) {
          throw cannot(runtime, "rejectUnauthorized: false", "Deno verifies every certificate unless run with --unsafely-ignore-certificate-errors");
        }
        break;
      default:
        throw cannot(runtime, option, "Deno.connectTls takes ca, cert, key, ALPNProtocols and the server name only");
    }
  }
  if ((out.cert === undefined) !== (out.key === undefined)) {
    throw cannot(runtime, out.cert === undefined ? "key" : "cert", "a client certificate needs both cert and key");
  }
  return out;
}

interface DenoServerTls {
  cert: string;
  key: string;
  alpnProtocols?: string[];
  handshakeTimeoutMs: number;
}

/** The server TLS options Deno takes; NotImplementedError for one it cannot honour. */
function denoServerTls(runtime: string, tls: TlsOptions): DenoServerTls {
  let cert: string | undefined;
  let key: string | undefined;
  let alpnProtocols: string[] | undefined;
  let handshakeTimeoutMs = DEFAULT_HANDSHAKE_TIMEOUT_MS;
  for (const [option, value] of Object.entries(tls)) {
    if (value === undefined) continue;
    switch (option) {
      case "cert":
        cert = pemList(value).join("\n");
        break;
      case "key":
        key = pemList(value).join("\n");
        break;
      case "ALPNProtocols":
        if (!Array.isArray(value) || !value.every((p) => typeof p === "string")) {
          throw cannot(runtime, "ALPNProtocols", "Deno takes the protocols as an array of strings");
        }
        alpnProtocols = value;
        break;
      case "handshakeTimeout":
        if (typeof value !== "number" || !(value > 0)) throw new TypeError(`tls.handshakeTimeout must be a positive number of milliseconds, got ${String(value)}`);
        handshakeTimeoutMs = value;
        break;
      case "ca":
      case "rejectUnauthorized":
        // without requestCert node:tls uses neither; with it, requestCert is refused below
        break;
      case "requestCert":
        if (value) throw cannot(runtime, "requestCert", "Deno.listenTls cannot ask for or verify client certificates");
        break;
      default:
        throw cannot(runtime, option, "Deno.listenTls takes cert, key and ALPNProtocols only");
    }
  }
  if (cert === undefined || key === undefined) {
    throw new TypeError(`${runtime}: a TLS server needs tls.cert and tls.key (PEM)`);
  }
  return { cert, key, alpnProtocols, handshakeTimeoutMs };
}

// -- connect

async function denoConnect(state: DenoState, req: ConnectRequest): Promise<HostConnection> {
  const { deno, runtime, activity } = state;
  const addr = req.address;
  const where = pyAddress(addr);
  const refused = denied(deno, runtime, "connect to", addr);
  if (refused !== null) throw refused;
  if (req.localAddress !== undefined) {
    throw new NotImplementedError(`${runtime} cannot bind a connection's local end (localAddr): Deno.connect has no such option`);
  }
  if (state.releasing.size > 0) await Promise.all(state.releasing);
  if ("path" in addr) {
    if (req.tls !== null) throw new NotImplementedError(`${runtime} has no TLS over Unix sockets (Deno.startTls takes TCP connections only)`);
    let conn: DenoConn;
    try {
      conn = await deno.connect({ transport: "unix", path: addr.path });
    } catch (err) {
      throw denoFailure(err, null, where) ?? err;
    }
    return connection(conn, null, activity);
  }
  const tls = req.tls === null ? null : denoClientTls(runtime, req.tls, addr.host);
  let conn: DenoConn | null = null;
  try {
    if (tls === null) {
      conn = await deno.connect({ hostname: addr.host, port: addr.port, transport: "tcp" });
      conn.setNoDelay?.(true);
      return connection(conn, null, activity);
    }
    const { hostname, ...options } = tls;
    if (hostname === addr.host || options.cert !== undefined) {
      if (hostname !== addr.host) {
        throw cannot(runtime, "servername", "with a client certificate Deno checks the address connected to (Deno.connectTls)");
      }
      conn = await deno.connectTls({ hostname: addr.host, port: addr.port, ...options });
    } else {
      // the name checked differs from the address: connect, then start TLS for that name
      const tcp = await deno.connect({ hostname: addr.host, port: addr.port, transport: "tcp" });
      conn = tcp;
      conn = await deno.startTls(tcp, { hostname, ...options });
    }
    conn.setNoDelay?.(true);
    await conn.handshake?.();
    return connection(conn, req.tls, activity);
  } catch (err) {
    try {
      conn?.close();
    } catch {
      // already closed by the failure
    }
    if (err instanceof NotImplementedError) throw err;
    throw denoFailure(err, "connect", where) ?? err;
  }
}

// -- listen

async function denoListen(state: DenoState, req: ListenRequest): Promise<HostListener> {
  const { deno, runtime } = state;
  const addr = req.address;
  const where = pyAddress(addr);
  const refused = denied(deno, runtime, "listen on", addr);
  if (refused !== null) throw refused;
  let tls: DenoServerTls | null = null;
  let listener: DenoListener;
  try {
    if ("path" in addr) {
      if (req.tls !== null) throw new NotImplementedError(`${runtime} has no TLS over Unix sockets (Deno.listenTls listens on TCP only)`);
      removeStaleSocket(deno, addr.path);
      listener = deno.listen({ transport: "unix", path: addr.path });
    } else {
      const options = { hostname: addr.host ?? ANY_ADDRESS, port: addr.port, transport: "tcp", tcpBacklog: req.backlog || undefined };
      if (req.tls !== null) tls = denoServerTls(runtime, req.tls);
      const bind = (hostname: string) =>
        tls === null
          ? deno.listen({ ...options, hostname })
          : deno.listenTls({ ...options, hostname, cert: tls.cert, key: tls.key, alpnProtocols: tls.alpnProtocols });
      try {
        listener = bind(options.hostname);
      } catch (err: any) {
        // every interface, on a system without IPv6: IPv4's only, as Node falls back
        if (addr.host !== null || !/^(EAFNOSUPPORT|EADDRNOTAVAIL|EINVAL)$/.test(String(err?.code))) throw err;
        const refusedV4 = denied(deno, runtime, "listen on", { host: "0.0.0.0", port: addr.port });
        if (refusedV4 !== null) throw refusedV4;
        listener = bind("0.0.0.0");
      }
    }
  } catch (err) {
    if (err instanceof NotImplementedError || err instanceof PermissionError || err instanceof TypeError) throw err;
    throw denoFailure(err, "bind", where) ?? err;
  }
  return new DenoServer(listener, req, tls, state);
}

/** asyncio's create_unix_server removes a stale socket file at the path before binding. */
function removeStaleSocket(deno: DenoNamespace, path: string): void {
  if (path.startsWith("\0")) return;
  try {
    if (deno.lstatSync(path).isSocket) deno.removeSync(path);
  } catch {
    // nothing there
  }
}

/** A Deno listener: accepts until closed, hands each connection over (over TLS, once its handshake is done). */
class DenoServer implements HostListener {
  readonly #listener: DenoListener;
  readonly #req: ListenRequest;
  readonly #tls: DenoServerTls | null;
  readonly #activity: StreamActivity;
  readonly #state: DenoState;
  readonly address: SocketAddress;
  /** Deno closes the socket once the accept in flight has ended: when the accept loop returns */
  readonly released: Promise<void>;
  #closed = false;

  constructor(listener: DenoListener, req: ListenRequest, tls: DenoServerTls | null, state: DenoState) {
    this.#listener = listener;
    this.#req = req;
    this.#tls = tls;
    this.#state = state;
    this.#activity = state.activity;
    this.address = socketAddress(listener.addr);
    this.released = this.#acceptLoop();
  }

  async #acceptLoop(): Promise<void> {
    const req = this.#req;
    while (!this.#closed) {
      let conn: DenoConn;
      try {
        conn = await this.#listener.accept();
      } catch (err) {
        if (this.#closed) return;
        const exc = denoFailure(err, null);
        if (exc === null) return; // closed under us
        this.#activity.delivered++;
        req.onError(exc);
        await new Promise<void>((resolve) => req.loop._host.setTimeout(resolve, ACCEPT_RETRY_DELAY_MS));
        continue;
      }
      if (this.#closed) {
        conn.close();
        return;
      }
      if (this.#tls === null) {
        conn.setNoDelay?.(true);
        this.#hand(conn);
      } else {
        void this.#handshake(conn, this.#tls);
      }
    }
  }

  #hand(conn: DenoConn): void {
    this.#activity.delivered++;
    this.#req.onConnection(connection(conn, this.#req.tls, this.#activity));
  }

  /**
   * A TLS client is handed over once its handshake is done; one that fails it, or takes
   * longer than handshakeTimeout, is dropped (asyncio logs it in debug mode). The handshake
   * is a host operation in flight for the virtual clock: it completes by itself.
   */
  async #handshake(conn: DenoConn, tls: DenoServerTls): Promise<void> {
    const loop: EventLoop = this.#req.loop;
    const host = loop._host;
    loop._ioBegin(true);
    let timer: unknown = null;
    try {
      const timedOut = new Promise<never>((_, reject) => {
        timer = host.setTimeout(() => reject(new Error("handshake timed out")), tls.handshakeTimeoutMs);
      });
      await Promise.race([conn.handshake!(), timedOut]);
      conn.setNoDelay?.(true);
      if (this.#closed) conn.close();
      else this.#hand(conn);
    } catch {
      try {
        conn.close();
      } catch {
        // closed already
      }
    } finally {
      host.clearTimeout(timer);
      loop._ioEnd(true);
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const releasing = this.#state.releasing;
    const released = this.released.then(() => void releasing.delete(released));
    releasing.add(released);
    try {
      this.#listener.close();
    } catch {
      // closed already
    }
  }
}


// ---- workers: the executor's threads (src/io/executors.ts)

/** Starts a worker for the executor on Deno: a module Web Worker (see the file's header). */
export function spawnDenoWorker(script: WorkerScript, events: WorkerEvents): WorkerPort {
  return spawnWebWorker(script, events);
}

// ---- child processes (io/spawn.ts) ----

/** Signal numbers where Deno runs (Deno.Signal names); others: Linux's. */
const DARWIN_SIGNALS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGEMT: 7, SIGFPE: 8, SIGKILL: 9, SIGBUS: 10,
  SIGSEGV: 11, SIGSYS: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGURG: 16, SIGSTOP: 17, SIGTSTP: 18, SIGCONT: 19,
  SIGCHLD: 20, SIGTTIN: 21, SIGTTOU: 22, SIGIO: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27,
  SIGWINCH: 28, SIGINFO: 29, SIGUSR1: 30, SIGUSR2: 31,
};
const LINUX_SIGNALS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10,
  SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18,
  SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26,
  SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPWR: 30, SIGSYS: 31,
};

/** The spawn error as Python's: FileNotFoundError (naming the cwd if that is what is missing), PermissionError, ... */
function denoSpawnError(e: any, where: string, request: SpawnRequest): unknown {
  const D = (globalThis as any).Deno;
  const name = e?.name;
  const message = String(e?.message ?? e);
  if (name === "NotCapable" || (name === "PermissionDenied" && /--allow-run/.test(message))) {
    return new PermissionError(`${where}: Deno denies running subprocesses; grant the permission with --allow-run (${message})`, {
      errno: 13,
      code: "EACCES",
      cause: e,
    });
  }
  let what = request.argv[0];
  if (name === "NotFound" && request.cwd !== null && /No such cwd/i.test(message)) what = request.cwd;
  else if (name === "NotFound" && request.cwd !== null) {
    try {
      if (!D.statSync(request.cwd).isDirectory) what = request.cwd;
    } catch (s: any) {
      if (s?.name === "NotFound") what = request.cwd;
    }
  }
  if (name === "NotFound") return new FileNotFoundError(`[Errno 2] No such file or directory: '${what}'`, { errno: 2, code: "ENOENT", cause: e });
  if (name === "PermissionDenied") return new PermissionError(`[Errno 13] Permission denied: '${what}'`, { errno: 13, code: "EACCES", cause: e });
  return e instanceof Error ? new OSError(`${message}: '${what}'`, { cause: e }) : e;
}

/**
 * Deno's child processes (`Deno.Command`; the run permission, `--allow-run`, is needed, or
 * every spawn fails with PermissionError). Its pipes are Web Streams. Deno cannot hand a
 * child a file descriptor of ours, and has no `cmd.exe` command line of its own: those
 * requests are refused with NotImplementedError. Deno closes nothing when a child exits, so
 * the child's stdin is reported closed then (Node does the same by itself).
 */
export function denoProcessHost(): ProcessHost {
  const D = (globalThis as any).Deno;
  const windows = D.build?.os === "windows";
  const stdioOf = (where: string, name: string, mode: SpawnRequest["stdin"]) => {
    if (typeof mode === "number") throw new NotImplementedError(`${where}: Deno cannot give a child a file descriptor (${name}=${mode}); use PIPE, DEVNULL or inherit`);
    return mode === "pipe" ? "piped" : mode === "devnull" ? "null" : "inherit";
  };
  const signals = D.build?.os === "darwin" ? DARWIN_SIGNALS : LINUX_SIGNALS;
  return {
    name: "Deno",
    windows,
    signals,
    spawn(request, onExit, where = "subprocess") {
      let child: any;
      try {
        if (request.windowsShell) throw new NotImplementedError(`${where}: shell commands are not supported on Deno for Windows; run cmd.exe with createSubprocessExec`);
        const [file, ...args] = request.argv;
        const command = new D.Command(file, {
          args,
          cwd: request.cwd ?? undefined,
          env: request.env ?? undefined,
          clearEnv: request.env !== null,
          stdin: stdioOf(where, "stdin", request.stdin),
          stdout: stdioOf(where, "stdout", request.stdout),
          stderr: stdioOf(where, "stderr", request.stderr),
          detached: request.startNewSession || undefined,
        });
        child = command.spawn();
      } catch (e) {
        return Promise.reject(e instanceof NotImplementedError ? e : denoSpawnError(e, where, request));
      }
      let exited = false;
      let stdinSink: WriteSink | null = null;
      const stdin: WriteEnd | null = request.stdin === "pipe" ? webWriteEnd(child.stdin) : null;
      // the child's exit closes its end of stdin: say so, as Node does
      const stdinEnd: WriteEnd | null = stdin && {
        ...stdin,
        start(sink) {
          stdinSink = sink;
          stdin.start(sink);
          if (exited) sink.closed(null);
        },
      };
      child.status.then((status: { code: number; signal: string | null }) => {
        exited = true;
        stdinSink?.closed(null);
        onExit(status.signal !== null ? -(signals[status.signal] ?? status.code - 128) : status.code);
      });
      return Promise.resolve({
        pid: child.pid,
        stdin: stdinEnd,
        stdout: request.stdout === "pipe" ? webReadEnd(child.stdout) : null,
        stderr: request.stderr === "pipe" ? webReadEnd(child.stderr) : null,
        handle: child,
        unref: () => child.unref(),
        kill(signal: string) {
          if (exited) return;
          try {
            child.kill(signal);
          } catch (e: any) {
            // it ended before its status was reported: nothing to signal (Popen.send_signal after exit)
            if (!/already terminated/i.test(String(e?.message))) throw e;
          }
        },
      });
    },
  };
}
