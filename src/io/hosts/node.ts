/**
 * The I/O host of Node (and of Bun, which has the same `node:net` and `node:tls`): TCP and
 * Unix stream sockets, plain or TLS.
 *
 * The modules are taken with `process.getBuiltinModule()` on first use (Node ≥ 20.16 and
 * 22.3, Bun, Deno 2), never imported: the package stays importable in browsers, Workers and
 * SES compartments, bundlers never see `node:net`, and no dynamic import appears in the source
 * (SES refuses to evaluate code that contains one).
 *
 * Sockets are made with `allowHalfOpen` (asyncio's eof_received may keep the write side
 * open) and handed over paused; the transport resumes them after connectionMade, and maps
 * pauseReading/resumeReading onto `socket.pause()/resume()`, which is Node's own
 * back-pressure: a paused socket stops reading from the kernel once its buffer is full, and
 * the peer's writes back up. `bufferedAmount` is `socket.writableLength`, the bytes Node has
 * not yet handed to the kernel; every write's callback reports progress.
 *
 * The executor's workers are worker_threads (the same API in Bun), taken the same way and
 * unref()'d while idle so they never keep the process alive. A worker runs the executor's
 * script from a `data:` URL, so no file of the package has to be found (or copied by a
 * bundler) at run time.
 *
 * Child processes (io/spawn.ts) come from node:child_process, loaded the same way; their pipes,
 * and any Node stream given to connectReadPipe/connectWritePipe, become pipe ends
 * (io/pipe-ends.ts) through nodeReadEnd/nodeWriteEnd below.
 */
import { FileNotFoundError, OSError, PermissionError, SSLCertVerificationError, SSLError } from "../../exceptions.js";
import { osError, pyAddress } from "../os-errors.js";
import { Settle } from "./settle.js";
import type {
  ConnectRequest,
  ConnectionSink,
  HostConnection,
  HostListener,
  IoHost,
  ListenRequest,
  SocketAddress,
  TlsOptions,
} from "./host.js";
import type { WorkerEvents, WorkerPort, WorkerScript } from "../threads.js";
import { pipeError, type ReadEnd, type ReadSink, type WriteEnd, type WriteSink } from "../pipe-ends.js";
import type { HostChild, ProcessHost, SpawnRequest } from "../spawn.js";
import { describe } from "../../validate.js";

/** How long a TLS close waits for its close_notify to be sent before it gives up (asyncio's ssl_shutdown_timeout). */
const TLS_SHUTDOWN_TIMEOUT_MS = 30_000;

/** Node's codes for a certificate that does not verify (OpenSSL's X509_V_ERR_* names, and the hostname check). */
const CERT_ERRORS = /^(ERR_TLS_CERT_ALTNAME_INVALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_.*|CERT_.*|INVALID_CA|PATH_LENGTH_EXCEEDED|INVALID_PURPOSE|CERT_UNTRUSTED|CERT_REJECTED|HOSTNAME_MISMATCH)$/;

/*
 * The parts of node:net, node:tls and node:fs used here, typed by hand: the package's
 * types must not need @types/node (browsers and Workers compile against them too).
 */
interface NodeSocket {
  readonly writableLength: number;
  readonly errored?: unknown;
  readonly destroyed: boolean;
  readonly remoteAddress?: string;
  readonly remoteFamily?: string;
  readonly remotePort?: number;
  readonly localAddress?: string;
  readonly localPort?: number;
  on(event: string, fn: (...args: any[]) => void): this;
  once(event: string, fn: (...args: any[]) => void): this;
  off(event: string, fn: (...args: any[]) => void): this;
  write(data: Uint8Array, cb?: (err?: Error | null) => void): boolean;
  end(cb?: () => void): this;
  destroy(): this;
  pause(): this;
  resume(): this;
  cork(): void;
  uncork(): void;
  getCipher?(): { name: string; standardName?: string; version: string };
  getPeerCertificate?(): object;
}
interface NodeServer {
  on(event: string, fn: (...args: any[]) => void): this;
  once(event: string, fn: (...args: any[]) => void): this;
  off(event: string, fn: (...args: any[]) => void): this;
  listen(options: object, cb: () => void): this;
  address(): { address: string; family: string; port: number } | string | null;
  close(): this;
}
interface Builtins {
  net: {
    connect(options: object): NodeSocket;
    createServer(options: object, onConnection: (sock: NodeSocket) => void): NodeServer;
  };
  tls: {
    connect(options: object): NodeSocket;
    createServer(options: object, onConnection: (sock: NodeSocket) => void): NodeServer;
  };
  fs: {
    statSync(path: string): { isSocket(): boolean };
    unlinkSync(path: string): void;
  };
}

/** The Node host of this runtime, or null where there is no `process.getBuiltinModule`. */
export function nodeHost(): IoHost | null {
  const proc = (globalThis as any).process;
  if (!proc || typeof proc.getBuiltinModule !== "function" || typeof proc.versions?.node !== "string") return null;
  const versions = proc.versions;
  const runtime = versions.bun ? `Bun ${versions.bun}` : versions.deno ? `Deno ${versions.deno}` : `Node ${proc.version}`;
  let mods: Builtins | null = null;
  const load = (): Builtins =>
    (mods ??= {
      net: proc.getBuiltinModule("node:net"),
      tls: proc.getBuiltinModule("node:tls"),
      fs: proc.getBuiltinModule("node:fs"),
    });
  return {
    runtime,
    external: true,
    connect: (req) => connect(load(), req),
    listen: (req) => listen(load(), req),
  };
}

/** Node's errors as asyncio's classes; Deno's permission refusals as PermissionError. */
function translate(err: any, context: "connect" | "bind" | null, address?: string): Error {
  if (err && (err.name === "NotCapable" || err.name === "PermissionDenied")) {
    return new PermissionError(`${err.message} (grant network access: deno run --allow-net)`, { cause: err });
  }
  const code: string | undefined = typeof err?.code === "string" ? err.code : undefined;
  if (code === undefined) return err instanceof Error ? err : new Error(String(err));
  // TLS failures keep the TLS library's words, as Python's ssl errors keep OpenSSL's
  if (CERT_ERRORS.test(code)) {
    return new SSLCertVerificationError(`[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${err.message}`, { code, cause: err });
  }
  if (code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_") || code.startsWith("ERR_OSSL_")) {
    return new SSLError(err.message, { code, cause: err });
  }
  if (!/^E[A-Z_]+$/.test(code) || code.startsWith("ERR_")) return new OSError(err.message, { code, cause: err });
  return osError(code, typeof err.errno === "number" ? err.errno : null, { context, address, cause: err });
}

function addressOf(family: string | undefined, host: string | undefined, port: number | undefined): unknown {
  if (host === undefined) return null;
  // asyncio's tuples: (host, port) for IPv4, (host, port, flowinfo, scope_id) for IPv6
  return family === "IPv6" ? [host, port, 0, 0] : [host, port];
}

function connect(m: Builtins, req: ConnectRequest): PromiseLike<HostConnection> {
  const done = new Settle<HostConnection>();
  const addr = req.address;
  const where = pyAddress(addr);
  // asyncio says "Connect call failed" for a TCP connect; a Unix one fails with the plain strerror
  const context = "path" in addr ? null : "connect";
  let sock: NodeSocket;
  let ready: string;
  try {
    const base: Record<string, unknown> =
      "path" in addr
        ? { path: addr.path, allowHalfOpen: true }
        : { host: addr.host, port: addr.port, allowHalfOpen: true, noDelay: true };
    if (req.localAddress !== undefined && !("path" in addr)) {
      base.localAddress = req.localAddress.host;
      base.localPort = req.localAddress.port || undefined;
    }
    if (req.tls !== null) {
      sock = m.tls.connect({ ...base, ...req.tls });
      ready = "secureConnect";
    } else {
      sock = m.net.connect(base);
      ready = "connect";
    }
  } catch (e) {
    done.reject(translate(e, context, where));
    return done;
  }
  sock.pause();
  const onError = (err: unknown) => {
    sock.off(ready, onReady);
    sock.destroy();
    done.reject(translate(err, context, where));
  };
  const onReady = () => {
    sock.off("error", onError);
    done.resolve(new NodeConnection(sock, req.tls, "path" in addr ? { path: addr.path, client: true } : null));
  };
  sock.once("error", onError);
  sock.once(ready, onReady);
  return done;
}

/** A Node socket behind the HostConnection interface. */
class NodeConnection implements HostConnection {
  readonly #sock: NodeSocket;
  readonly #tls: TlsOptions | null;
  #sink: ConnectionSink | null = null;
  /** we released the socket, or it failed: no more reports */
  #released = false;
  readonly #onWritten = () => {
    if (!this.#released) this.#sink?.written();
  };
  readonly halfClose: boolean;

  /** for a Unix socket: its path, and whether this is the connecting end */
  readonly #unix: { path: string; client: boolean } | null;

  constructor(sock: NodeSocket, tls: TlsOptions | null, unix: { path: string; client: boolean } | null) {
    this.#sock = sock;
    this.#tls = tls;
    this.#unix = unix;
    this.halfClose = tls === null;
    sock.on("data", (chunk: Uint8Array) => {
      // a plain Uint8Array over the same memory: Buffer's slice() would alias, Uint8Array's copies
      if (!this.#released) this.#sink?.data(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    });
    sock.on("end", () => {
      // Bun ends a socket destroyed from outside too: that is no EOF from the peer
      if (!this.#released && !sock.destroyed) this.#sink?.eof();
    });
    sock.on("error", (err: unknown) => {
      if (this.#released) return;
      this.#released = true;
      sock.destroy();
      const exc = translate(err, null);
      this.#report((sink) => sink.error(exc));
    });
    sock.on("close", () => {
      if (this.#released) return;
      this.#released = true;
      this.#report((sink) => sink.closed());
    });
  }

  /** the end of the connection, reported now or, before attach(), kept for it */
  #report(fn: (sink: ConnectionSink) => void): void {
    if (this.#sink !== null) fn(this.#sink);
    else this.#ended = fn;
  }
  #ended: ((sink: ConnectionSink) => void) | null = null;

  attach(sink: ConnectionSink): void {
    this.#sink = sink;
    const ended = this.#ended;
    this.#ended = null;
    ended?.(sink);
  }

  write(data: Uint8Array): void {
    this.#sock.write(data, this.#onWritten);
    this.#failedNow();
  }

  writev(list: readonly Uint8Array[]): void {
    const sock = this.#sock;
    sock.cork();
    for (let i = 0; i < list.length - 1; i++) sock.write(list[i]);
    sock.write(list[list.length - 1], this.#onWritten);
    sock.uncork();
    this.#failedNow();
  }

  /**
   * A write the kernel refused at once (EPIPE, ECONNRESET) marks the socket errored
   * synchronously, though Node emits 'error' later: report it now, inside write(), as
   * asyncio's transport learns it from send().
   */
  #failedNow(): void {
    const err = this.#sock.errored;
    if (err === null || err === undefined || this.#released) return;
    this.#released = true;
    this.#sock.destroy();
    const exc = translate(err, null);
    this.#report((sink) => sink.error(exc));
  }

  get bufferedAmount(): number {
    return this.#sock.writableLength;
  }

  shutdown(): void {
    this.#sock.end();
  }

  close(): void {
    if (this.#released) return;
    this.#released = true;
    const sock = this.#sock;
    if (this.#tls === null) {
      // everything written is with the kernel: closing sends it, then FIN (asyncio's sock.close())
      sock.destroy();
      return;
    }
    // TLS: send close_notify first, then release (bounded, as asyncio's SSL shutdown is)
    const timer = setTimeout(() => sock.destroy(), TLS_SHUTDOWN_TIMEOUT_MS);
    (timer as any).unref?.();
    sock.end(() => {
      clearTimeout(timer);
      sock.destroy();
    });
  }

  abort(): void {
    if (this.#released && this.#sock.destroyed) return;
    this.#released = true;
    this.#sock.destroy();
  }

  pauseReading(): void {
    this.#sock.pause();
  }

  resumeReading(): void {
    this.#sock.resume();
  }

  extra(name: string): unknown {
    const sock = this.#sock;
    switch (name) {
      case "peername":
      case "sockname": {
        const remote = name === "peername";
        // a Unix socket: the listening end has the path, the connecting end is unnamed ("")
        if (this.#unix !== null) return remote === this.#unix.client ? this.#unix.path : "";
        const host = remote ? sock.remoteAddress : sock.localAddress;
        if (host === undefined) return null;
        const port = remote ? sock.remotePort : sock.localPort;
        const family = remote ? sock.remoteFamily : host.includes(":") ? "IPv6" : "IPv4";
        return addressOf(family, host, port);
      }
      case "socket":
        return sock;
    }
    if (this.#tls === null) return undefined;
    switch (name) {
      case "sslcontext":
        return this.#tls;
      case "ssl_object":
        return sock;
      case "peercert":
        return sock.getPeerCertificate?.() ?? null;
      case "cipher": {
        const c = sock.getCipher?.();
        return c ? [c.standardName ?? c.name, c.version, null] : null;
      }
      case "compression":
        return null;
    }
    return undefined;
  }

}

function listen(m: Builtins, req: ListenRequest): PromiseLike<HostListener> {
  const done = new Settle<HostListener>();
  const addr = req.address;
  const where = pyAddress(addr);
  let server: NodeServer;
  const onConn = (sock: NodeSocket) => {
    sock.pause();
    req.onConnection(new NodeConnection(sock, req.tls, "path" in addr ? { path: addr.path, client: false } : null));
  };
  try {
    if ("path" in addr) removeStaleSocket(m.fs, addr.path);
    if (req.tls !== null) {
      server = m.tls.createServer({ ...req.tls, allowHalfOpen: true }, onConn);
      // a client that fails its handshake never reaches the server (asyncio logs it in debug mode)
      server.on("tlsClientError", () => {});
    } else {
      server = m.net.createServer({ allowHalfOpen: true, pauseOnConnect: true, noDelay: true }, onConn);
    }
  } catch (e) {
    done.reject(translate(e, "bind", where));
    return done;
  }
  const onListenError = (err: unknown) => {
    server.close();
    done.reject(translate(err, "bind", where));
  };
  server.once("error", onListenError);
  const opts =
    "path" in addr ? { path: addr.path, backlog: req.backlog } : { host: addr.host ?? undefined, port: addr.port, backlog: req.backlog };
  server.listen(opts, () => {
    server.off("error", onListenError);
    server.on("error", (err: unknown) => req.onError(translate(err, null)));
    done.resolve(new NodeListener(server));
  });
  return done;
}

/** asyncio's create_unix_server removes a stale socket file at the path before binding. */
function removeStaleSocket(fs: Builtins["fs"], path: string): void {
  if (path.startsWith("\0")) return;
  try {
    if (fs.statSync(path).isSocket()) fs.unlinkSync(path);
  } catch {
    // nothing there
  }
}

class NodeListener implements HostListener {
  readonly #server: NodeServer;
  readonly address: SocketAddress;

  constructor(server: NodeServer) {
    this.#server = server;
    const a = server.address();
    this.address =
      typeof a === "string" || a === null
        ? { family: "unix", path: a ?? "" }
        : { family: a.family === "IPv6" ? "IPv6" : "IPv4", host: a.address, port: a.port };
  }

  close(): void {
    this.#server.close();
  }
}


// ---- workers: the executor's threads (src/io/executors.ts)

/** Why this Node cannot start worker threads, or null if it can. */
export function nodeThreadsMissing(): string | null {
  const p = (globalThis as any).process;
  if (typeof p?.getBuiltinModule === "function") return null;
  return (
    `Node ${String(p?.version ?? "")} has no process.getBuiltinModule (Node 20.16+ or 22.3+), which wasmloop needs ` +
    "to load node:worker_threads on first use; upgrade Node, or lend a worker: new EventLoop({ host: { worker } })"
  );
}

/** Starts a worker_threads Worker running `script`; idle, it does not keep the process alive once unref()'d. */
export function spawnNodeWorker(script: WorkerScript, events: WorkerEvents): WorkerPort {
  const { Worker } = (globalThis as any).process.getBuiltinModule("node:worker_threads");
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(script.source)}`), { name: script.name });
  worker.on("message", (data: unknown) => events.message(data));
  worker.on("messageerror", (error: unknown) => events.error(error));
  worker.on("error", (error: unknown) => events.error(error));
  worker.on("exit", (code: number) => events.exit(code));
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
  };
}

// ---- pipes and child processes (io/pipes.ts, io/spawn.ts) ----
//
// Node streams are recognised by shape, not by class: nothing here imports node:stream, so a
// Readable from any copy of Node's stream module (or readable-stream) works.


type Listener = (...args: any[]) => void;
interface NodeEmitter {
  on(event: string, fn: Listener): unknown;
  removeListener(event: string, fn: Listener): unknown;
}
interface NodeReadable extends NodeEmitter {
  pause(): unknown;
  resume(): unknown;
  read(): unknown;
  destroy(error?: unknown): unknown;
}
interface NodeWritable extends NodeEmitter {
  write(chunk: Uint8Array, cb: (err?: unknown) => void): boolean;
  end(): unknown;
  destroy(error?: unknown): unknown;
}

/** Whether `x` looks like a Node stream.Readable (on, pause, resume, read). */
export function isNodeReadable(x: unknown): boolean {
  const s = x as NodeReadable | null;
  return s !== null && typeof s === "object" && typeof s.on === "function" && typeof s.pause === "function" &&
    typeof s.resume === "function" && typeof s.read === "function";
}

/** Whether `x` looks like a Node stream.Writable (on, write, end). */
export function isNodeWritable(x: unknown): boolean {
  const s = x as NodeWritable | null;
  return s !== null && typeof s === "object" && typeof s.on === "function" && typeof s.write === "function" &&
    typeof s.end === "function";
}

/** A Buffer as a plain Uint8Array over the same bytes (Buffer's own methods differ: slice() shares memory). */
function plainBytes(chunk: Uint8Array): Uint8Array {
  return chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * A Node Readable as a read end. The listeners go on at once and the stream is paused until
 * start(): Node discards a child's output that nobody listens to when the child exits, and a
 * paused stream with a listener keeps it (and stops reading the pipe once its buffer is full).
 */
export function nodeReadEnd(stream: unknown): ReadEnd {
  const s = stream as NodeReadable;
  let sink: ReadSink | null = null;
  let paused = false;
  let over = false;
  let closed = false;
  /** what came before start() or while paused, in order: chunks, then maybe the end */
  const early: (Uint8Array | { error: unknown } | null)[] = [];
  const deliver = (item: Uint8Array | { error: unknown } | null) => {
    if (item === null) sink!.end();
    else if (item instanceof Uint8Array) sink!.data(item);
    else sink!.error(item.error);
  };
  const push = (item: Uint8Array | { error: unknown } | null) => {
    if (over) return;
    if (item === null || !(item instanceof Uint8Array)) over = true;
    if (sink === null || paused || early.length > 0) early.push(item);
    else deliver(item);
    if (over) detach();
  };
  const onData = (chunk: unknown) => {
    if (chunk instanceof Uint8Array) push(plainBytes(chunk));
    else push({ error: new TypeError(`a pipe's Readable must give bytes, got ${describe(chunk)} (is an encoding set?)`) });
  };
  const onEnd = () => push(null);
  const onError = (e: unknown) => push({ error: pipeError(e) });
  const detach = () => {
    s.removeListener("data", onData);
    s.removeListener("end", onEnd);
    // the error listener stays: an error after the end must not become an uncaught exception
  };
  s.on("data", onData);
  s.on("end", onEnd);
  s.on("error", onError);
  s.pause();
  const flush = () => {
    while (sink !== null && !paused && early.length > 0) deliver(early.shift()!);
    if (!over && sink !== null && !paused) s.resume();
  };
  return {
    start(k) {
      sink = k;
      flush();
    },
    pause() {
      paused = true;
      if (!over) s.pause();
    },
    resume() {
      paused = false;
      flush();
    },
    close() {
      if (closed) return;
      closed = true;
      early.length = 0;
      const wasOver = over;
      over = true;
      detach();
      if (!wasOver) s.destroy();
    },
  };
}

/** A Node Writable as a write end; its 'close' or 'error' without end()/abort() reports the reader gone. */
export function nodeWriteEnd(stream: unknown): WriteEnd {
  const s = stream as NodeWritable;
  let sink: WriteSink | null = null;
  let ours = false;
  /** what happened before start(): undefined if nothing */
  let early: { exc: unknown } | undefined;
  const report = (exc: unknown) => {
    if (ours) return;
    ours = true; // once
    if (sink === null) early = { exc };
    else sink.closed(exc);
  };
  s.on("error", (e: unknown) => report(pipeError(e)));
  s.on("close", () => report(null));
  return {
    start(k) {
      sink = k;
      if (early !== undefined) k.closed(early.exc);
    },
    write(chunk, done) {
      try {
        s.write(chunk, (err?: unknown) => done(err ? pipeError(err) : null));
      } catch (e) {
        done(pipeError(e));
      }
    },
    end() {
      ours = true;
      s.end();
    },
    abort() {
      ours = true;
      s.destroy();
    },
  };
}

/** Why this Node cannot start child processes, or null if it can (the same need as for threads). */
function nodeProcessesMissing(): string | null {
  const p = (globalThis as any).process;
  if (typeof p?.getBuiltinModule === "function") return null;
  return (
    `Node ${String(p?.version ?? "")} has no process.getBuiltinModule (Node 20.16+ or 22.3+), which wasmloop needs ` +
    "to load node:child_process on first use; upgrade Node"
  );
}

/** The spawn error as Python's OSError subclass: FileNotFoundError naming the program (or the cwd), PermissionError, ... */
function spawnError(e: any, request: SpawnRequest, cwdExists: (cwd: string) => boolean): unknown {
  const code = e?.code;
  const errno = typeof e?.errno === "number" ? Math.abs(e.errno) : null;
  const what = request.cwd !== null && code === "ENOENT" && !cwdExists(request.cwd) ? request.cwd : request.argv[0];
  if (code === "ENOENT") return new FileNotFoundError(`[Errno 2] No such file or directory: '${what}'`, { errno: 2, code, cause: e });
  if (code === "EACCES" || code === "EPERM") {
    const n = code === "EACCES" ? 13 : 1;
    return new PermissionError(`[Errno ${n}] ${code === "EACCES" ? "Permission denied" : "Operation not permitted"}: '${what}'`, { errno: n, code, cause: e });
  }
  if (typeof code === "string" && code.startsWith("E")) {
    return new OSError(`[Errno ${errno ?? "?"}] ${e.message ?? code}: '${what}'`, { errno, code, cause: e });
  }
  return e;
}

/**
 * Node's and Bun's child processes (node:child_process, loaded on first use), or the reason
 * there are none. A child's pipes become pipe ends at once, before the 'spawn' event: its
 * output is kept from the first byte.
 */
export function nodeProcessHost(): ProcessHost | string {
  const missing = nodeProcessesMissing();
  if (missing !== null) return missing;
  const p = (globalThis as any).process;
  const cp = p.getBuiltinModule("node:child_process");
  const fs = p.getBuiltinModule("node:fs");
  const signals: Record<string, number> = { ...p.getBuiltinModule("node:os").constants.signals };
  const windows = p.platform === "win32";
  const cwdExists = (cwd: string) => {
    try {
      return fs.statSync(cwd).isDirectory();
    } catch {
      return false;
    }
  };
  const stdioOf = (mode: SpawnRequest["stdin"]) => (mode === "devnull" ? "ignore" : mode);
  return {
    name: typeof (globalThis as any).Bun === "object" ? "Bun" : "Node",
    windows,
    signals,
    spawn(request, onExit) {
      const [file, ...args] = request.argv;
      let child: any;
      try {
        child = cp.spawn(file, args, {
          cwd: request.cwd ?? undefined,
          env: request.env ?? undefined,
          stdio: [stdioOf(request.stdin), stdioOf(request.stdout), stdioOf(request.stderr)],
          detached: request.startNewSession,
          shell: request.windowsShell,
          windowsHide: true,
        });
      } catch (e) {
        return Promise.reject(spawnError(e, request, cwdExists));
      }
      const stdin = child.stdin ? nodeWriteEnd(child.stdin) : null;
      const stdout = child.stdout ? nodeReadEnd(child.stdout) : null;
      const stderr = child.stderr ? nodeReadEnd(child.stderr) : null;
      return new Promise<HostChild>((resolve, reject) => {
        let spawned = false;
        child.on("error", (e: unknown) => {
          if (spawned) return; // a failed kill(): the child is gone, which its exit reports
          stdout?.close();
          stderr?.close();
          stdin?.abort();
          reject(spawnError(e, request, cwdExists));
        });
        child.on("exit", (code: number | null, signal: string | null) => {
          onExit(signal !== null ? -(signals[signal] ?? 0) : (code ?? 0));
        });
        child.on("spawn", () => {
          spawned = true;
          resolve({
            pid: child.pid,
            stdin,
            stdout,
            stderr,
            handle: child,
            kill(signal) {
              if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            },
            unref: () => child.unref(),
          });
        });
      });
    },
  };
}
