/**
 * Streams (asyncio's streams.py): StreamReader and StreamWriter over a transport, the
 * StreamReaderProtocol that joins them, and openConnection/startServer (+ Unix variants).
 *
 * Layering, as in asyncio: streams know transports and protocols only through their
 * abstract interfaces and never touch a host socket; openConnection/startServer go through
 * the loop's createConnection/createServer.
 *
 *   host ─► SocketTransport ─► StreamReaderProtocol.dataReceived ─► StreamReader.feedData
 *                                                                     ▲ read/readline/...
 *   StreamWriter.write ─► transport.write;  drain() waits while the protocol is paused
 *
 * Read flow control (asyncio's, exactly): the reader pauses its transport when its buffer
 * holds more than 2 × limit bytes and resumes it when a read brings it to limit or below;
 * a read that must wait for data resumes a paused transport first (else readexactly(n)
 * with n > limit would deadlock). `limit` also bounds what readline/readuntil return.
 *
 * The reads, drain() and waitClosed() are asyncio coroutines; here each returns a Future
 * that behaves as one (coroutine-future.ts): `yield*` runs it inline in the calling task,
 * and it completes without a loop iteration when the data is already there.
 */
import {
  ConnectionResetError,
  IncompleteReadError,
  LimitOverrunError,
  NotImplementedError,
  RuntimeError,
} from "../exceptions.js";
import { getEventLoop } from "../events.js";
import { BaseEventLoop } from "../base-events.js";
import { Future } from "../futures.js";
import { CoroutineFuture } from "../coroutine-future.js";
import { isCoroutine } from "../coroutines.js";
import { isThenable } from "../ensure-future.js";
import { sleep } from "../sleep.js";
import { checkOptions } from "../options.js";
import { describe } from "../validate.js";
import type { EventLoop } from "../loop.js";
import { ByteQueue } from "./byte-queue.js";
import { emptyBytes, toBytes, utf8, bytesAt, indexOfBytes } from "./bytes.js";
import type { ProtocolLike } from "./protocols.js";
import type { Transport } from "./transports.js";

/** The default limit of a StreamReader (bytes): asyncio's 64 KiB. */
export const DEFAULT_LIMIT = 2 ** 16;

const NEWLINE = Uint8Array.of(0x0a);

/** What startServer calls for each client: a coroutine function (run as a Task), an async function, or a plain function. */
export type ClientConnectedCallback = (reader: StreamReader, writer: StreamWriter) => Generator<unknown, unknown, any> | PromiseLike<unknown> | void;

function checkLimit(where: string, limit: unknown): number {
  if (typeof limit !== "number" || Number.isNaN(limit)) {
    throw new TypeError(`${where}: limit must be a number of bytes, got ${describe(limit)}`);
  }
  if (limit <= 0) throw new RangeError("Limit cannot be <= 0");
  return limit;
}

function checkCount(where: string, name: string, n: unknown): number {
  if (typeof n !== "number" || !Number.isInteger(n)) {
    throw new TypeError(`${where}: ${name} must be an integer, got ${describe(n)}`);
  }
  return n;
}

/**
 * Buffers what a protocol receives and serves it to coroutines (asyncio.StreamReader).
 * Made by openConnection/startServer; make one yourself to feed it by hand
 * (`feedData`/`feedEof`), e.g. in tests.
 * @example
 * const [reader, writer] = yield* openConnection("127.0.0.1", 8888);
 * const line = yield* reader.readline();   // Uint8Array, ends with "\n" (or EOF)
 */
export class StreamReader {
  readonly #limit: number;
  /** @internal */ readonly _loop: EventLoop;
  readonly #buffer = new ByteQueue();
  /** feedEof() was called: no more data will come */
  #eof = false;
  /** the Future a read waits on for data or EOF; at most one */
  #waiter: Future<void> | null = null;
  #exception: unknown = null;
  #transport: Transport | null = null;
  /** the transport was paused because the buffer passed 2 × limit */
  #paused = false;

  /**
   * `limit` (bytes, default 64 KiB) bounds a line and is half the buffer size at which the
   * transport is paused. Takes `(limit?, loop?)` as Python, or `{ limit, loop }`.
   */
  constructor(limit?: number | { limit?: number; loop?: EventLoop }, loop?: EventLoop) {
    if (limit !== null && typeof limit === "object") {
      checkOptions("StreamReader", limit, ["limit", "loop"]);
      if (loop !== undefined) throw new TypeError("StreamReader: give either (limit, loop) or ({ limit, loop }), not both");
      ({ limit, loop } = limit);
    }
    this.#limit = checkLimit("StreamReader", limit ?? DEFAULT_LIMIT);
    if (loop !== undefined && !(loop instanceof BaseEventLoop)) {
      throw new TypeError(`StreamReader: loop must be an EventLoop, got ${describe(loop)}`);
    }
    this._loop = loop ?? getEventLoop();
  }

  /** The limit given at creation (bytes). */
  get limit(): number {
    return this.#limit;
  }

  toString(): string {
    const info = ["StreamReader"];
    if (this.#buffer.length > 0) info.push(`${this.#buffer.length} bytes`);
    if (this.#eof) info.push("eof");
    if (this.#limit !== DEFAULT_LIMIT) info.push(`limit=${this.#limit}`);
    if (this.#waiter !== null) info.push(`waiter=${this.#waiter}`);
    if (this.#exception !== null) info.push(`exception=${describeError(this.#exception)}`);
    if (this.#transport !== null) info.push(`transport=${this.#transport}`);
    if (this.#paused) info.push("paused");
    return `<${info.join(" ")}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** The exception set with setException() (the connection's failure), or null. */
  exception(): unknown {
    return this.#exception;
  }

  /** Makes every read from now on raise `exc`; a read waiting now raises it too. */
  setException(exc: unknown): void {
    this.#exception = exc;
    const waiter = this.#waiter;
    if (waiter !== null) {
      this.#waiter = null;
      if (!waiter.cancelled()) waiter.setException(exc);
    }
  }

  #wakeupWaiter(): void {
    const waiter = this.#waiter;
    if (waiter !== null) {
      this.#waiter = null;
      if (!waiter.cancelled()) waiter.setResult(undefined);
    }
  }

  /** Tells the reader which transport to pause when its buffer is full (the protocol does this). */
  setTransport(transport: Transport): void {
    if (this.#transport !== null) throw new RuntimeError("StreamReader.setTransport: transport already set");
    this.#transport = transport;
  }

  #maybeResumeTransport(): void {
    if (this.#paused && this.#buffer.length <= this.#limit) {
      this.#paused = false;
      this.#transport!.resumeReading();
    }
  }

  /** No more data will come: reads return what is buffered, then b"" (or raise IncompleteReadError). */
  feedEof(): void {
    this.#eof = true;
    this.#wakeupWaiter();
  }

  /** True once feedEof() was called and the buffer is empty. */
  atEof(): boolean {
    return this.#eof && this.#buffer.length === 0;
  }

  /**
   * Appends bytes to the buffer (the protocol does this for received data) and wakes a read
   * waiting for them. The reader keeps `data` itself: do not modify it afterwards.
   */
  feedData(data: Uint8Array): void {
    if (this.#eof) throw new RuntimeError("StreamReader.feedData: called after feedEof()");
    const bytes = toBytes("StreamReader.feedData", data);
    if (bytes.length === 0) return;
    this.#buffer.push(bytes);
    this.#wakeupWaiter();
    const transport = this.#transport;
    if (transport !== null && !this.#paused && this.#buffer.length > 2 * this.#limit) {
      try {
        transport.pauseReading();
      } catch (e) {
        // a transport that cannot pause: buffer everything, and stop trying
        if (!(e instanceof NotImplementedError)) throw e;
        this.#transport = null;
        return;
      }
      this.#paused = true;
    }
  }

  /** Waits until feedData() or feedEof() is called; resumes a paused transport first. */
  *#waitForData(funcName: string): Generator<unknown, void, unknown> {
    // two reads waiting at once could not know which gets the next data
    if (this.#waiter !== null) {
      throw new RuntimeError(`${funcName}() called while another coroutine is already waiting for incoming data`);
    }
    if (this.#paused) {
      this.#paused = false;
      this.#transport!.resumeReading();
    }
    const waiter = this._loop.createFuture<void>();
    this.#waiter = waiter;
    try {
      yield* waiter;
    } finally {
      this.#waiter = null;
    }
  }

  /**
   * Reads one line: up to and including "\n". At EOF returns the partial line without it,
   * and b"" when nothing is left. A line longer than `limit` raises RangeError (asyncio's
   * ValueError) after dropping it (or, with no "\n" in sight, the whole buffer).
   * @example
   * for (let line; (line = yield* reader.readline()).length > 0; ) console.log(line);
   */
  readline(): Future<Uint8Array> {
    return new CoroutineFuture(this._loop, () => this.#readline());
  }

  *#readline(): Generator<unknown, Uint8Array, unknown> {
    try {
      return yield* this.#readuntil([NEWLINE]);
    } catch (e) {
      if (e instanceof IncompleteReadError) return e.partial;
      if (e instanceof LimitOverrunError) {
        const buffer = this.#buffer;
        if (bytesAt(buffer.flat(), NEWLINE, e.consumed)) buffer.skip(e.consumed + NEWLINE.length);
        else buffer.clear();
        this.#maybeResumeTransport();
        throw new RangeError(e.message);
      }
      throw e;
    }
  }

  /**
   * Reads up to and including `separator` (bytes, or a string as its UTF-8; default "\n";
   * an array of separators — asyncio 3.13's tuple — ends at the shortest match). At EOF
   * without it: IncompleteReadError (its `partial` holds the bytes, the buffer is emptied).
   * Past `limit` bytes without it: LimitOverrunError, the data left in the buffer.
   * @example
   * const header = yield* reader.readuntil("\r\n\r\n");
   */
  readuntil(separator: Uint8Array | string | readonly (Uint8Array | string)[] = NEWLINE): Future<Uint8Array> {
    let seps: Uint8Array[];
    if (Array.isArray(separator)) {
      seps = separator.map((s) => sepBytes(s));
      // the shortest first: among matches ending at the same place it wins
      seps.sort((a, b) => a.length - b.length);
    } else {
      seps = [sepBytes(separator as Uint8Array | string)];
    }
    return new CoroutineFuture(this._loop, () => this.#readuntil(seps));
  }

  *#readuntil(seps: Uint8Array[]): Generator<unknown, Uint8Array, unknown> {
    if (seps.length === 0) throw new RangeError("Separator should contain at least one element");
    const minSeplen = seps[0].length;
    const maxSeplen = seps[seps.length - 1].length;
    if (minSeplen === 0) throw new RangeError("Separator should be at least one-byte string");
    if (this.#exception !== null) throw this.#exception;

    // `offset`: from the start of the buffer up to here, no separator can start. After a
    // failed search only the last maxSeplen - 1 bytes can still begin one.
    let offset = 0;
    let matchStart = -1;
    let matchEnd = -1;
    for (;;) {
      const buflen = this.#buffer.length;
      if (buflen - offset >= minSeplen) {
        const buf = this.#buffer.flat();
        for (const sep of seps) {
          const isep = indexOfBytes(buf, sep, offset);
          if (isep !== -1) {
            const end = isep + sep.length;
            if (matchEnd === -1 || end < matchEnd) {
              matchEnd = end;
              matchStart = isep;
            }
          }
        }
        if (matchEnd !== -1) break;
        offset = Math.max(0, buflen + 1 - maxSeplen);
        if (offset > this.#limit) {
          throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
        }
      }
      // a last chunk may complete a separator, so EOF is checked after the search
      if (this.#eof) {
        const chunk = this.#buffer.take(this.#buffer.length);
        throw new IncompleteReadError(chunk, null);
      }
      yield* this.#waitForData("readuntil");
    }
    if (matchStart > this.#limit) {
      throw new LimitOverrunError("Separator is found, but chunk is longer than limit", matchStart);
    }
    const chunk = this.#buffer.take(matchEnd);
    this.#maybeResumeTransport();
    return chunk;
  }

  /**
   * Reads up to `n` bytes: with n > 0 as soon as any are there (b"" at EOF); n = 0: b"" at
   * once; n < 0 (the default): everything until EOF. Not bounded by `limit`.
   * @example
   * const chunk = yield* reader.read(4096);
   */
  read(n = -1): Future<Uint8Array> {
    checkCount("StreamReader.read", "n", n);
    return new CoroutineFuture(this._loop, () => this.#read(n));
  }

  *#read(n: number): Generator<unknown, Uint8Array, unknown> {
    if (this.#exception !== null) throw this.#exception;
    if (n === 0) return emptyBytes();
    if (n < 0) {
      // read(limit) until EOF: waiting for everything at once would deadlock on a paused transport
      const blocks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const block = yield* this.#read(this.#limit);
        if (block.length === 0) break;
        blocks.push(block);
        total += block.length;
      }
      return joinBlocks(blocks, total);
    }
    if (this.#buffer.length === 0 && !this.#eof) yield* this.#waitForData("read");
    const data = this.#buffer.take(Math.min(n, this.#buffer.length));
    this.#maybeResumeTransport();
    return data;
  }

  /**
   * Reads exactly `n` bytes; at EOF before that, IncompleteReadError with what was read in
   * `partial`. n = 0: b"". Negative n: RangeError. Not bounded by `limit`.
   * @example
   * const header = yield* reader.readexactly(4);
   */
  readexactly(n: number): Future<Uint8Array> {
    checkCount("StreamReader.readexactly", "n", n);
    return new CoroutineFuture(this._loop, () => this.#readexactly(n));
  }

  *#readexactly(n: number): Generator<unknown, Uint8Array, unknown> {
    if (n < 0) throw new RangeError("readexactly size can not be less than zero");
    if (this.#exception !== null) throw this.#exception;
    if (n === 0) return emptyBytes();
    while (this.#buffer.length < n) {
      if (this.#eof) {
        const incomplete = this.#buffer.take(this.#buffer.length);
        throw new IncompleteReadError(incomplete, n);
      }
      yield* this.#waitForData("readexactly");
    }
    const data = this.#buffer.take(n);
    this.#maybeResumeTransport();
    return data;
  }

  /**
   * `for await (const line of reader)` in an async function: Python's `async for line in
   * reader`, one readline() per line until b"". In a coroutine, loop on `yield* readline()`.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined> {
    for (;;) {
      const line = await this.readline();
      if (line.length === 0) return;
      yield line;
    }
  }

  /** @internal a copy of what is buffered (tests) */
  _bufferBytes(): Uint8Array {
    return this.#buffer.flat().slice();
  }
}

function sepBytes(s: unknown): Uint8Array {
  if (typeof s === "string") return utf8(s);
  if (s instanceof Uint8Array) return s;
  throw new TypeError(`StreamReader.readuntil: separator must be a Uint8Array, a string or an array of them, got ${describe(s)}`);
}

function joinBlocks(blocks: Uint8Array[], total: number): Uint8Array {
  if (blocks.length === 0) return emptyBytes();
  if (blocks.length === 1) return blocks[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const b of blocks) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}

function describeError(e: unknown): string {
  return e instanceof Error ? `${e.name}(${e.message ? `'${e.message}'` : ""})` : String(e);
}

/**
 * The protocol half of drain() (asyncio's FlowControlMixin): remembers whether the
 * transport paused writing and wakes drain() waiters when it resumes or the connection is
 * lost. Stream protocols (StreamReaderProtocol, the subprocess one) extend it; subclasses
 * that override pauseWriting/resumeWriting/connectionLost must call these.
 */
export class FlowControlMixin implements ProtocolLike {
  /** @internal */ readonly _loop: EventLoop;
  /** @internal the transport paused writing */ _paused = false;
  /** @internal drain() calls waiting for resumeWriting */ _drainWaiters: Future<void>[] = [];
  /** @internal */ _connectionLost = false;

  constructor(loop?: EventLoop) {
    if (loop !== undefined && !(loop instanceof BaseEventLoop)) {
      throw new TypeError(`${new.target.name}: loop must be an EventLoop, got ${describe(loop)}`);
    }
    this._loop = loop ?? getEventLoop();
  }

  pauseWriting(): void {
    this._paused = true;
  }

  resumeWriting(): void {
    this._paused = false;
    for (const waiter of this._drainWaiters) {
      if (!waiter.done()) waiter.setResult(undefined);
    }
  }

  connectionLost(exc: Error | null): void {
    this._connectionLost = true;
    // wake the writers only if they wait (they wait only while paused)
    if (!this._paused) return;
    for (const waiter of this._drainWaiters) {
      if (waiter.done()) continue;
      if (exc === null) waiter.setResult(undefined);
      else waiter.setException(exc);
    }
  }

  /** @internal what drain() waits on: nothing unless paused; ConnectionResetError once lost */
  *_drainHelper(): Generator<unknown, void, unknown> {
    if (this._connectionLost) throw new ConnectionResetError("Connection lost");
    if (!this._paused) return;
    const waiter = this._loop.createFuture<void>();
    this._drainWaiters.push(waiter);
    try {
      yield* waiter;
    } finally {
      const i = this._drainWaiters.indexOf(waiter);
      if (i !== -1) this._drainWaiters.splice(i, 1);
    }
  }

  /** @internal the Future waitClosed() waits on */
  _getCloseWaiter(_stream: StreamWriter): Future<void> {
    throw new NotImplementedError(`${this.constructor.name} has no close waiter`);
  }
}

/**
 * The protocol between a transport and a StreamReader (asyncio.StreamReaderProtocol):
 * feeds received data and EOF to the reader, fails it with the connection's error, and,
 * for servers, makes the StreamWriter and calls the client-connected callback.
 */
export class StreamReaderProtocol extends FlowControlMixin {
  #reader: StreamReader | null;
  #clientConnected: ClientConnectedCallback | null;
  #transport: Transport | null = null;
  #writer: StreamWriter | null = null;
  /** @internal the client-connected callback's Task, if it was a coroutine */ _task: Future<unknown> | null = null;
  #overTls = false;
  readonly #closed: Future<void>;

  constructor(reader: StreamReader | null, clientConnected: ClientConnectedCallback | null = null, loop?: EventLoop) {
    super(loop);
    if (reader !== null && !(reader instanceof StreamReader)) {
      throw new TypeError(`StreamReaderProtocol: reader must be a StreamReader or null, got ${describe(reader)}`);
    }
    if (clientConnected !== null && typeof clientConnected !== "function") {
      throw new TypeError(`StreamReaderProtocol: clientConnected must be a function or null, got ${describe(clientConnected)}`);
    }
    this.#reader = reader;
    this.#clientConnected = clientConnected;
    this.#closed = this._loop.createFuture<void>();
  }

  connectionMade(transport: Transport): void {
    this.#transport = transport;
    const reader = this.#reader;
    if (reader !== null) reader.setTransport(transport);
    this.#overTls = transport.getExtraInfo("sslcontext") !== null;
    const cb = this.#clientConnected;
    if (cb === null) return;
    const writer = new StreamWriter(transport, this, reader, this._loop);
    this.#writer = writer;
    const res = cb(reader!, writer);
    let fut: Future<unknown> | null = null;
    if (isCoroutine(res)) fut = this._loop.createTask(res as Generator<unknown, unknown, any>);
    else if (isThenable(res)) fut = bridgeResult(this._loop, res);
    if (fut === null) return;
    this._task = fut;
    const loop = this._loop;
    fut.addDoneCallback((task) => {
      // asyncio 3.13: a cancelled handler closes its connection (3.12 logged an error)
      if (task.cancelled()) {
        transport.close();
        return;
      }
      const exc = task.exception();
      if (exc !== null) {
        loop.callExceptionHandler({ message: "Unhandled exception in client_connected_cb", exception: exc, transport });
        transport.close();
      }
    });
  }

  override connectionLost(exc: Error | null): void {
    const reader = this.#reader;
    if (reader !== null) {
      if (exc === null) reader.feedEof();
      else reader.setException(exc);
    }
    if (!this.#closed.done()) {
      if (exc === null) this.#closed.setResult(undefined);
      // nobody may wait for it: never reported as "exception was never retrieved"
      else this.#closed._setRetrievedException(exc);
    }
    super.connectionLost(exc);
    this.#reader = null;
    this.#writer = null;
    this._task = null;
    this.#transport = null;
  }

  dataReceived(data: Uint8Array): void {
    this.#reader?.feedData(data);
  }

  eofReceived(): boolean {
    this.#reader?.feedEof();
    // TLS cannot half-close: the transport closes whatever we answer
    return !this.#overTls;
  }

  /** @internal */
  override _getCloseWaiter(_stream: StreamWriter): Future<void> {
    return this.#closed;
  }
}

/** A Future settled by a promise a client-connected callback returned. */
function bridgeResult(loop: EventLoop, p: PromiseLike<unknown>): Future<unknown> {
  const fut = loop.createFuture<unknown>();
  p.then(
    (v) => {
      if (!fut.done() && !loop.isClosed()) fut.setResult(v);
    },
    (e) => {
      if (!fut.done() && !loop.isClosed()) fut.setException(e ?? new Error(`promise rejected with ${e}`));
    },
  );
  return fut;
}

/**
 * Writes to a transport and waits for its buffer (asyncio.StreamWriter): `write` never
 * blocks; `yield* drain()` after it waits while the transport's buffer is over its
 * high-water mark, and raises the connection's error once it is lost.
 * @example
 * writer.write(new TextEncoder().encode("hello\n"));
 * yield* writer.drain();
 * writer.close();
 * yield* writer.waitClosed();
 */
export class StreamWriter {
  readonly #transport: Transport;
  readonly #protocol: FlowControlMixin;
  readonly #reader: StreamReader | null;
  /** @internal */ readonly _loop: EventLoop;

  constructor(transport: Transport, protocol: FlowControlMixin, reader: StreamReader | null, loop: EventLoop) {
    if (!(protocol instanceof FlowControlMixin)) {
      throw new TypeError(`StreamWriter: protocol must be a FlowControlMixin (e.g. a StreamReaderProtocol), got ${describe(protocol)}`);
    }
    if (reader !== null && !(reader instanceof StreamReader)) {
      throw new TypeError(`StreamWriter: reader must be a StreamReader or null, got ${describe(reader)}`);
    }
    this.#transport = transport;
    this.#protocol = protocol;
    this.#reader = reader;
    this._loop = loop;
  }

  toString(): string {
    const info = ["StreamWriter", `transport=${this.#transport}`];
    if (this.#reader !== null) info.push(`reader=${this.#reader}`);
    return `<${info.join(" ")}>`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** The transport written to. */
  get transport(): Transport {
    return this.#transport;
  }

  /** Queues bytes (a string is sent as UTF-8); follow with `yield* drain()`. */
  write(data: Uint8Array | string): void {
    this.#transport.write(data);
  }

  /** Queues each item in order. */
  writelines(data: Iterable<Uint8Array | string>): void {
    this.#transport.writelines(data);
  }

  /** Half-closes: the peer reads EOF once the buffer is sent; reading goes on. */
  writeEof(): void {
    this.#transport.writeEof();
  }

  /** Whether writeEof() is possible (false over TLS). */
  canWriteEof(): boolean {
    return this.#transport.canWriteEof();
  }

  /** Closes the transport once its buffer is sent; `yield* waitClosed()` waits for that. */
  close(): void {
    this.#transport.close();
  }

  isClosing(): boolean {
    return this.#transport.isClosing();
  }

  /** Waits until the connection is lost; raises the connection's error if it failed. */
  waitClosed(): Future<void> {
    return new CoroutineFuture(this._loop, () => this.#waitClosed());
  }

  *#waitClosed(): Generator<unknown, void, unknown> {
    yield* this.#protocol._getCloseWaiter(this);
  }

  getExtraInfo(name: string, dflt: unknown = null): unknown {
    return this.#transport.getExtraInfo(name, dflt);
  }

  /**
   * Waits until the transport's buffer is at its low-water mark (at once if it was not over
   * the high one). Raises the reader's exception if the connection failed, and
   * ConnectionResetError once the connection is lost; on a closing transport it first
   * gives way for one iteration so that connectionLost can run.
   */
  drain(): Future<void> {
    return new CoroutineFuture(this._loop, () => this.#drain());
  }

  *#drain(): Generator<unknown, void, unknown> {
    const reader = this.#reader;
    if (reader !== null) {
      const exc = reader.exception();
      if (exc !== null) throw exc;
    }
    if (this.#transport.isClosing()) {
      // let connectionLost run, so that write(); drain() in a loop sees the error
      yield* sleep(0);
    }
    yield* this.#protocol._drainHelper();
  }
}
