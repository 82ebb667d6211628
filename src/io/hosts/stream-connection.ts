/**
 * A HostConnection over a socket whose reads and writes are promises: Deno's `Deno.Conn`
 * (`read(buf)`/`write(buf)`), and the Web-stream sockets of Cloudflare Workers' `connect()`
 * (`readable`/`writable`) and of any host that injects a `connect` of that shape. Node's
 * sockets push events instead and have their own (node.ts).
 *
 * HOW and WHY
 *
 * The runtime gives one operation at a time and tells us when it is done, so this file keeps
 * what Node keeps for us:
 *
 *   reading   one read in flight while reading is on; each chunk goes to the sink. Paused,
 *             no new read is started, so the runtime stops taking bytes from the kernel and the
 *             peer's writes back up (the chunk of a read already in flight is still reported:
 *             the transport holds it). EOF and failures end the reading.
 *   writing   write() appends to our own queue and returns; one pump hands the queue's chunks
 *             to the runtime in order, one write at a time. `bufferedAmount` is what the queue
 *             holds (bytes leave it as the runtime takes them, a partial write too), so the
 *             transport's write buffer and its high/low marks work on it as on Node's
 *             `writableLength`.
 *   closing   shutdown() and close() wait for the queue to drain, then half-close or release;
 *             abort() releases at once.
 *
 * States: open → released (close(), abort(), a failure, or closed from outside). After
 * release nothing more is reported; a graceful close() still drains the queue first.
 *
 * For the virtual clock (base-events.ts, "Virtual time and host I/O") these runtimes need
 * more than one macrotask for the I/O they already have: Deno delivers socket data only
 * after its event loop has polled the kernel, which a MessageChannel message never makes it
 * do, and a write the runtime completes hands bytes to a peer that needs another poll to see
 * them. So a host built on this file gives the loop `streamHostTurn`: host timer turns
 * (a timer makes Deno and workerd poll their I/O) until one passes in which nothing moved.
 */
import type { EventLoop } from "../../loop.js";
import type { ConnectionSink, HostConnection } from "./host.js";

/**
 * What moves on one host's connections, for streamHostTurn: counters of what happened, and
 * the bytes on their way between two connections of this host (both ends in this process).
 *
 * Those bytes are the one thing a quiet turn cannot see: a write the runtime completed put them
 * in the kernel, but when the reader had stopped reading (back-pressure) they wait in the
 * writer's send queue until the reader's window opens again, and the kernel moves them on in
 * its own time. So each connection that knows its two addresses registers here; a write
 * completed by one end is expected at the other, and while an end that is reading still
 * expects bytes, the turn goes on.
 */
export class StreamActivity {
  /** reports to a sink (data, EOF, a failure) and connections handed to a server: the loop has work */
  delivered = 0;
  /** runtime operations that completed without giving the loop work (a write taken): a peer may need another turn */
  progress = 0;
  /** this host's connections by "local>remote" address */
  readonly #ends = new Map<string, StreamConnection>();
  /** connections that expect bytes their peer here has written */
  readonly #expecting = new Set<StreamConnection>();

  /** @internal a connection with known addresses (`local>remote`); its peer is `remote>local` */
  _register(conn: StreamConnection, key: string): void {
    this.#ends.set(key, conn);
  }

  /** @internal the connection was released */
  _unregister(conn: StreamConnection, key: string): void {
    if (this.#ends.get(key) === conn) this.#ends.delete(key);
    this.#expecting.delete(conn);
  }

  /** @internal `n` bytes written by the connection at `key` are on their way to its peer, if it is here */
  _sent(key: string, n: number): void {
    const arrow = key.indexOf(">");
    const peer = this.#ends.get(`${key.slice(arrow + 1)}>${key.slice(0, arrow)}`);
    if (peer === undefined || !peer._expect(n)) return;
    this.#expecting.add(peer);
  }

  /** @internal the connection received all it expected, or stopped expecting */
  _settled(conn: StreamConnection): void {
    this.#expecting.delete(conn);
  }

  /** Whether a connection that is reading expects bytes from a peer in this process. */
  awaiting(): boolean {
    for (const conn of this.#expecting) if (conn._awaitingData()) return true;
    return false;
  }
}

/** A runtime's socket, reduced to what StreamConnection needs. */
export interface StreamSocket {
  /** The next chunk (the caller owns it), or null at end of file; rejects when the connection fails. */
  read(): Promise<Uint8Array | null>;
  /**
   * Hands `data` to the runtime; resolves to how many bytes it took (at least one: the
   * caller hands the rest over next), once it has taken them.
   */
  write(data: Uint8Array): Promise<number>;
  /** Sends end of file (half-close); reading goes on. */
  closeWrite(): Promise<void>;
  /** Releases the socket now; operations in flight fail or end. Never throws. */
  close(): void;
  /** asyncio's extra information by name (hosts/host.ts); undefined when unknown. */
  extra(name: string): unknown;
  /**
   * The connection's two ends as "host:port" (IPv4-mapped IPv6 addresses as IPv4), for
   * finding a peer in this process; null where they are unknown or ambiguous (Unix sockets).
   */
  ends?(): [local: string, remote: string] | null;
}

/** How a host turns its runtime's failures into asyncio's errors; null: the socket was closed under us (no failure). */
export type TranslateFailure = (err: unknown) => Error | null;

/** The most bytes one write hands over from the queue when several chunks wait (writev). */
const MAX_COALESCED_WRITE = 256 * 1024;

export class StreamConnection implements HostConnection {
  readonly #sock: StreamSocket;
  readonly #translate: TranslateFailure;
  readonly #activity: StreamActivity;
  readonly halfClose: boolean;
  #sink: ConnectionSink | null = null;
  /** the end reported before attach(), kept for it */
  #ended: ((sink: ConnectionSink) => void) | null = null;
  /** released: no more reports; the socket is closed (or will be, once a graceful close drains) */
  #released = false;
  #paused = true;
  #readInFlight = false;
  #eof = false;
  /** chunks not yet taken by the runtime, and their bytes */
  #queue: Uint8Array[] = [];
  #queued = 0;
  #pumping = false;
  /** after the queue drains: "shutdown" half-closes, "close" releases */
  #then: "shutdown" | "close" | null = null;
  #shutdownSent = false;
  /** "local>remote", when the socket knows its ends (StreamActivity) */
  readonly #key: string | null = null;
  /** bytes a peer in this process has written that have not arrived yet */
  #expected = 0;

  constructor(sock: StreamSocket, options: { halfClose: boolean; translate: TranslateFailure; activity: StreamActivity }) {
    this.#sock = sock;
    this.halfClose = options.halfClose;
    this.#translate = options.translate;
    this.#activity = options.activity;
    const ends = sock.ends?.() ?? null;
    if (ends !== null) {
      this.#key = `${ends[0]}>${ends[1]}`;
      this.#activity._register(this, this.#key);
    }
  }

  /** @internal StreamActivity: a peer here wrote `n` bytes to us; false if we will never read them */
  _expect(n: number): boolean {
    if (this.#released || this.#eof) return false;
    this.#expected += n;
    return true;
  }

  /** @internal StreamActivity: bytes are on their way and we are reading them */
  _awaitingData(): boolean {
    return this.#expected > 0 && !this.#paused && !this.#released && !this.#eof;
  }

  /** no more reports and no more bytes expected: leave the host's books */
  #leave(): void {
    if (this.#key !== null) this.#activity._unregister(this, this.#key);
  }

  attach(sink: ConnectionSink): void {
    this.#sink = sink;
    const ended = this.#ended;
    this.#ended = null;
    ended?.(sink);
  }

  /** reports the end of the connection now, or keeps it for attach() */
  #end(fn: (sink: ConnectionSink) => void): void {
    this.#activity.delivered++;
    if (this.#sink !== null) fn(this.#sink);
    else this.#ended = fn;
  }

  /** a failure of the runtime: release, then report it (a close from outside is reported as closed) */
  #fail(err: unknown): void {
    if (this.#released) return;
    this.#released = true;
    this.#queue = [];
    this.#queued = 0;
    this.#sock.close();
    this.#leave();
    const exc = this.#translate(err);
    this.#end(exc === null ? (sink) => sink.closed() : (sink) => sink.error(exc));
  }

  // ---- reading

  pauseReading(): void {
    this.#paused = true;
  }

  resumeReading(): void {
    this.#paused = false;
    if (!this.#readInFlight) void this.#readLoop();
  }

  async #readLoop(): Promise<void> {
    this.#readInFlight = true;
    try {
      while (!this.#paused && !this.#released && !this.#eof) {
        const chunk = await this.#sock.read();
        if (this.#released) return;
        this.#activity.delivered++;
        if (chunk === null) {
          this.#eof = true;
          this.#activity._settled(this);
          this.#sink?.eof();
        } else if (chunk.length > 0) {
          if (this.#expected > 0) {
            this.#expected = Math.max(0, this.#expected - chunk.length);
            if (this.#expected === 0) this.#activity._settled(this);
          }
          this.#sink?.data(chunk);
        }
      }
    } catch (err) {
      this.#fail(err);
    } finally {
      this.#readInFlight = false;
    }
  }

  // ---- writing

  write(data: Uint8Array): void {
    if (this.#released || this.#then !== null) return;
    this.#queue.push(data);
    this.#queued += data.length;
    if (!this.#pumping) void this.#pump();
  }

  writev(list: readonly Uint8Array[]): void {
    for (const data of list) this.write(data);
  }

  get bufferedAmount(): number {
    return this.#queued;
  }

  /** Hands the queue to the runtime, in order, one write at a time; then does what waits for the drain. */
  async #pump(): Promise<void> {
    this.#pumping = true;
    try {
      while (this.#queue.length > 0 && !(this.#released && this.#then !== "close")) {
        const chunk = this.#take();
        // each runtime write counts as progress, a partial one too: its bytes are with the kernel,
        // where a peer of this process needs another poll to see them
        for (let offset = 0; offset < chunk.length; ) {
          const n = await this.#sock.write(offset === 0 ? chunk : chunk.subarray(offset));
          if (this.#released && this.#then !== "close") return; // aborted meanwhile: the queue is gone
          offset += n;
          this.#queued -= n;
          this.#activity.progress++;
          if (this.#key !== null) this.#activity._sent(this.#key, n);
          if (!this.#released) this.#sink?.written();
        }
      }
      if (this.#then !== null) await this.#afterDrain();
    } catch (err) {
      if (this.#released && this.#then === "close") {
        // a graceful close whose last writes failed: nobody is listening any more
        this.#queue = [];
        this.#queued = 0;
        this.#sock.close();
        this.#leave();
      } else {
        this.#fail(err);
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** the queue's next chunk, small ones joined into one write (each write is a runtime operation) */
  #take(): Uint8Array {
    const q = this.#queue;
    let count = 1;
    let size = q[0].length;
    while (count < q.length && size + q[count].length <= MAX_COALESCED_WRITE) size += q[count++].length;
    if (count === 1) return q.shift()!;
    const joined = new Uint8Array(size);
    let offset = 0;
    for (const part of q.splice(0, count)) {
      joined.set(part, offset);
      offset += part.length;
    }
    return joined;
  }

  async #afterDrain(): Promise<void> {
    if (this.#then === "close") {
      this.#sock.close();
      this.#leave();
      return;
    }
    if (this.#then === "shutdown" && !this.#shutdownSent) {
      this.#shutdownSent = true;
      await this.#sock.closeWrite();
    }
  }

  // ---- closing

  shutdown(): void {
    if (this.#released || this.#then !== null) return;
    this.#then = "shutdown";
    if (!this.#pumping) void this.#pump();
  }

  close(): void {
    if (this.#released) return;
    this.#released = true;
    this.#activity._settled(this);
    this.#then = "close";
    if (!this.#pumping) void this.#pump();
  }

  abort(): void {
    if (this.#released && this.#then !== "close") return;
    this.#released = true;
    this.#then = null;
    this.#queue = [];
    this.#queued = 0;
    this.#sock.close();
    this.#leave();
  }

  extra(name: string): unknown {
    return this.#sock.extra(name);
  }
}

/**
 * The host turn of a runtime whose I/O surfaces only when its event loop polls the kernel
 * (Deno, workerd): one host timer, and another as long as the last one saw progress (a
 * write taken, which a peer may need another poll to see) or a reading connection expects
 * bytes from a peer in this process, without giving the loop work. Ends as soon as
 * something was delivered (the loop then has work to run) or a turn passes with nothing
 * moving and nothing on its way.
 */
export function streamHostTurn(activity: StreamActivity): (loop: EventLoop, done: () => void) => void {
  return (loop, done) => {
    const host = loop._host;
    const round = () => {
      const delivered = activity.delivered;
      const progress = activity.progress;
      host.setTimeout(() => {
        if (activity.delivered === delivered && (activity.progress !== progress || activity.awaiting())) round();
        else done();
      }, 0);
    };
    round();
  };
}
