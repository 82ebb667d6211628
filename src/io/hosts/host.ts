/**
 * The one narrow interface every runtime's I/O host implements (node.ts for Node and Bun,
 * deno.ts, socket-connect.ts for Cloudflare Workers' connect() and any host that injects
 * one, memory.ts, unsupported.ts). Transports, servers and streams talk to a
 * host only through it, so that a socket of Node, Bun, Deno, Cloudflare Workers or the
 * in-memory network is the same to them. Only files in this folder import `node:*` or
 * read `Deno`.
 *
 * A host reports what happens on a connection by calling the ConnectionSink the transport
 * attached, from the host's own context (outside the loop, or, for the in-memory network, in
 * a loop callback): the transport moves each report onto the loop. A host never calls a
 * protocol, never touches a Future and never schedules loop callbacks itself.
 *
 * Facilities a host lacks are absent (`connect`, `listen` undefined): the caller raises
 * NotImplementedError naming `runtime` and the facility. A variant a host lacks (Unix
 * sockets, TLS) makes its method reject with NotImplementedError; a facility the runtime
 * denies (Deno without --allow-net) rejects with PermissionError.
 */
import type { EventLoop } from "../../loop.js";

/** Where a connection arrives or a server listens (asyncio's peername/sockname). */
export type SocketAddress =
  | {
      /** the address family */
      family: "IPv4" | "IPv6";
      /** the IP address */
      host: string;
      /** the port */
      port: number;
    }
  | {
      /** a Unix domain socket */
      family: "unix";
      /** its path */
      path: string;
    };

/** What a host reports on one connection, in order. After `error` or `closed`, nothing more. */
export interface ConnectionSink {
  /** Bytes arrived (a Uint8Array the host never touches again). */
  data(chunk: Uint8Array): void;
  /** The peer sent end of file: no more data will come. */
  eof(): void;
  /** Some of the bytes written left the host's buffer (`bufferedAmount` went down). */
  written(): void;
  /** The connection failed (an OSError: ConnectionResetError, BrokenPipeError, ...); the host has released it. */
  error(exc: Error): void;
  /** The connection was closed from outside the transport (e.g. someone destroyed the host socket); the host has released it. */
  closed(): void;
}

/** One connected stream socket as the host has it. Created paused: no data until resumeReading(). */
export interface HostConnection {
  /**
   * Where reports go from now on; set once, before resumeReading(). A failure or close
   * that happened before (the peer reset the connection just after it was made) is
   * reported to the sink now.
   */
  attach(sink: ConnectionSink): void;
  /** Hands `data` to the host, which sends it in order (it keeps the array until then). */
  write(data: Uint8Array): void;
  /** Hands several arrays over as one write where the host can (writev). */
  writev(list: readonly Uint8Array[]): void;
  /** Bytes handed over and not yet passed on by the host (its send buffer). */
  readonly bufferedAmount: number;
  /** Whether the host can half-close (shutdown); false over TLS. */
  readonly halfClose: boolean;
  /** Sends end of file after what is buffered (half-close); reading goes on. */
  shutdown(): void;
  /** Releases the connection after what is buffered is passed on; no more reports. */
  close(): void;
  /** Releases the connection at once; buffered bytes are lost; no more reports. */
  abort(): void;
  /** Stops reading (the peer is slowed down by the host's own back-pressure). */
  pauseReading(): void;
  /** Starts (or restarts) passing data to the sink. */
  resumeReading(): void;
  /**
   * asyncio's extra information by name: peername, sockname, socket, and for TLS
   * sslcontext, peercert, cipher, ...; undefined for a name the host does not know. Asked
   * for lazily (addresses cost system calls); a host keeps an answer once given.
   */
  extra(name: string): unknown;
}

/** A listening socket. */
export interface HostListener {
  /** Where it listens (a port 0 request shows the port chosen). */
  readonly address: SocketAddress;
  /** Stops listening and releases the socket; connections already made are not touched. */
  close(): void;
  /**
   * Settles once, after close(), the host has let go of the socket, where that comes later
   * (Deno releases a listener when its pending accept has ended): Server.waitClosed() waits
   * for it, so that a connection made after it is refused. Absent: released by close() itself.
   */
  readonly released?: PromiseLike<void>;
}

/** TLS settings as the host takes them: node:tls-style options (see the README's list). */
export type TlsOptions = Record<string, unknown>;

/**
 * The `checkServerIdentity` createConnection sets for serverHostname "" (asyncio: no
 * hostname check). node:tls calls it; hosts without such a callback (Deno, Workers)
 * recognise it by identity and switch their own name check off instead.
 */
export const acceptAnyServerName = (): undefined => undefined;

/** What a host is asked to connect to. */
export interface ConnectRequest {
  /** the loop the connection is for (hosts that run on the loop's clock need it) */
  loop: EventLoop;
  /** a TCP address, or a Unix socket's path */
  address:
    | {
        /** the host name or IP address */
        host: string;
        /** the port */
        port: number;
      }
    | {
        /** the Unix socket's path */
        path: string;
      };
  /** null: plain; else TLS with these options, `servername` already set */
  tls: TlsOptions | null;
  /** asyncio's local_addr */
  localAddress?: {
    /** the local IP address */
    host: string;
    /** the local port (0: any) */
    port: number;
  };
}

/** What a host is asked to listen on. */
export interface ListenRequest {
  /** the loop the listener is for */
  loop: EventLoop;
  /** `host` null: every interface */
  address:
    | {
        /** the IP address or name; null: every interface */
        host: string | null;
        /** the port (0: any free one) */
        port: number;
      }
    | {
        /** the Unix socket's path */
        path: string;
      };
  /** the most connections waiting to be accepted */
  backlog: number;
  /** null: plain; else TLS with these options */
  tls: TlsOptions | null;
  /** a connection arrived (paused); called from the host's context */
  onConnection(conn: HostConnection): void;
  /** accepting failed (out of file descriptors, ...); the listener goes on */
  onError(exc: Error): void;
}

/** What a runtime offers the loop's I/O layer. */
export interface IoHost {
  /** The runtime, for messages: "Node v20.20.2", "Bun 1.4.5", "the in-memory network", "a browser". */
  readonly runtime: string;
  /**
   * True when the I/O happens outside the loop (real sockets): the loop then counts what is
   * in flight so that a virtual clock never runs ahead of it. False for hosts that work on
   * the loop's own clock (the in-memory network).
   */
  readonly external: boolean;
  /** What to do about a facility this host lacks, for the NotImplementedError message. */
  readonly hint?: string;
  /**
   * Connects; resolves once connected (and, with TLS, once the handshake is done). A
   * PromiseLike: a host on the loop's clock settles its own inside the loop callback that
   * completes it, so that a synchronous run sees it without a promise job.
   */
  connect?(request: ConnectRequest): PromiseLike<HostConnection>;
  /** Binds and listens; resolves once listening. */
  listen?(request: ListenRequest): PromiseLike<HostListener>;
  /**
   * The host's turn for a virtual clock (base-events.ts, "Virtual time and host I/O"):
   * calls `done` once the host has delivered the I/O it already has. Absent: one macrotask
   * (Node and Bun deliver what the kernel has before their next macrotask).
   */
  turn?(loop: EventLoop, done: () => void): void;
}
