// Pipes (loop.connectReadPipe / connectWritePipe) over Web Streams and Node streams, on
// real-clock loops run with `await runUntilComplete()`: stream promises are host events.
// Back-pressure is checked at every step of a slow consumer (the buffer never passes its
// bound), never by waiting for time to pass.
import { afterEach, describe, expect, it } from "vitest";
import { Readable, Writable } from "node:stream";
import {
  BaseProtocol,
  BrokenPipeError,
  EventLoop,
  FlowControlMixin,
  Protocol,
  RuntimeError,
  StreamReader,
  StreamReaderProtocol,
  StreamWriter,
  sleep,
  type ExceptionContext,
  type Transport,
} from "../../src/index.js";

const enc = new TextEncoder();
const b = (s: string) => enc.encode(s);
const s = (u: Uint8Array) => new TextDecoder().decode(u);

const loops: EventLoop[] = [];

function newLoop(): EventLoop {
  const loop = new EventLoop();
  loops.push(loop);
  return loop;
}

afterEach(() => {
  for (const loop of loops.splice(0)) if (!loop.isClosed()) loop.close();
});

/** Runs `body` as a task on a new real-clock loop; exception-handler calls go to `contexts`. */
function run<T>(body: (loop: EventLoop) => Generator<unknown, T, any>, contexts: ExceptionContext[] = []): Promise<T> {
  const loop = newLoop();
  loop.setExceptionHandler((_l, ctx) => contexts.push(ctx));
  return loop.runUntilComplete(body(loop));
}

/** A ReadableStream of `chunks`, then its end. */
function streamOf(...chunks: (Uint8Array | string)[]): ReadableStream<Uint8Array> {
  const queue = chunks.map((c) => (typeof c === "string" ? b(c) : c));
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = queue.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
  });
}

/** A Protocol that records its calls. */
class Recorder extends Protocol {
  events: string[] = [];
  received = "";
  lost: Error | null | undefined = undefined;
  constructor(readonly done?: { setResult(v: null): void }) {
    super();
  }
  override connectionMade(): void {
    this.events.push("connectionMade");
  }
  override dataReceived(data: Uint8Array): void {
    this.received += s(data);
    if (this.events.at(-1) !== "dataReceived") this.events.push("dataReceived");
  }
  override eofReceived(): void {
    this.events.push("eofReceived");
  }
  override connectionLost(exc: Error | null): void {
    this.lost = exc;
    this.events.push(`connectionLost ${exc}`);
    this.done?.setResult(null);
  }
}

describe("connectReadPipe over a ReadableStream", () => {
  it("a StreamReader reads lines, a last partial line and EOF", async () => {
    const out = await run(function* (loop) {
      const reader = new StreamReader();
      const [t] = yield* loop.connectReadPipe(() => new StreamReaderProtocol(reader), streamOf("one\ntw", "o\nthree"));
      const got = [];
      for (let line; (line = yield* reader.readline()).length > 0; ) got.push(s(line));
      return [got, reader.atEof(), t.isClosing(), t.isReading()];
    });
    expect(out).toEqual([["one\n", "two\n", "three"], true, true, false]);
  });

  it("calls connectionMade, dataReceived, eofReceived, then connectionLost(null); the future completes after connectionMade", async () => {
    const out = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const [t, p] = yield* loop.connectReadPipe(() => new Recorder(done), streamOf("abc", "def"));
      const atConnect = [...p.events];
      yield* done;
      return [atConnect, p.events, p.received, t.getProtocol(), String(t)];
    });
    expect(out).toEqual([
      ["connectionMade"],
      ["connectionMade", "dataReceived", "eofReceived", "connectionLost null"],
      "abcdef",
      null,
      "<ReadPipeTransport closed>",
    ]);
  });

  it("getExtraInfo('pipe') is the stream", async () => {
    const stream = streamOf("x");
    const same = await run(function* (loop) {
      const [t] = yield* loop.connectReadPipe(() => new Recorder(), stream);
      return t.getExtraInfo("pipe") === stream;
    });
    expect(same).toBe(true);
  });

  it("pauseReading() holds back what arrives until resumeReading(), and is idempotent", async () => {
    const out = await run(function* (loop) {
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      const p = new Recorder();
      const [t] = yield* loop.connectReadPipe(() => p, readable);
      t.pauseReading();
      t.pauseReading();
      const writer = writable.getWriter();
      const written = writer.write(b("held"));
      // the write completes only once the transform handed the chunk on: it has arrived
      yield* loop.createTask(
        (function* () {
          const f = loop.createFuture<void>();
          written.then(() => f.setResult());
          yield* f;
        })(),
      );
      for (let i = 0; i < 5; i++) yield* sleep(0);
      const whilePaused = [p.received, t.isReading()];
      t.resumeReading();
      t.resumeReading();
      while (p.received === "") yield* sleep(0);
      return [whilePaused, p.received, t.isReading()];
    });
    expect(out).toEqual([["", false], "held", true]);
  });

  it("a slow consumer keeps the reader's buffer bounded: the stream is not pulled while paused", async () => {
    const chunk = 16 * 1024;
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += chunk;
          controller.enqueue(new Uint8Array(chunk));
        },
      },
      { highWaterMark: 0 },
    );
    const limit = 4096;
    const out = await run(function* (loop) {
      const reader = new StreamReader(limit);
      const [t] = yield* loop.connectReadPipe(() => new StreamReaderProtocol(reader), endless);
      let read = 0;
      let largest = 0;
      let mostAhead = 0;
      while (read < 2_000_000) {
        read += (yield* reader.read(1024)).length;
        largest = Math.max(largest, reader._bufferBytes().length);
        mostAhead = Math.max(mostAhead, pulled - read);
        if (read % (64 * 1024) === 0) yield* sleep(0);
      }
      t.close();
      return [largest, mostAhead];
    });
    expect(out[0]).toBeLessThanOrEqual(2 * limit + chunk);
    // pulled but not read: the reader's buffer, one chunk held in the transport, one in flight
    expect(out[1]).toBeLessThanOrEqual(2 * limit + 3 * chunk);
  });

  it("an error from the stream: the exception handler hears of it, connectionLost(exc), reads raise it", async () => {
    const boom = new Error("boom");
    let sent = false;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(b("partial"));
        } else controller.error(boom);
      },
    });
    const contexts: ExceptionContext[] = [];
    const out = await run(function* (loop) {
      const reader = new StreamReader();
      const done = loop.createFuture<null>();
      const p = new StreamReaderProtocol(reader);
      const orig = p.connectionLost.bind(p);
      p.connectionLost = (exc) => {
        orig(exc);
        done.setResult(null);
      };
      yield* loop.connectReadPipe(() => p, failing);
      yield* done;
      let err: unknown = null;
      try {
        yield* reader.read();
      } catch (e) {
        err = e;
      }
      return err;
    }, contexts);
    expect(out).toBe(boom);
    expect(contexts.map((c) => [c.message, c.exception])).toEqual([["Fatal read error on pipe transport", boom]]);
  });

  it("a chunk that is not a Uint8Array fails the transport with TypeError", async () => {
    const contexts: ExceptionContext[] = [];
    const lost = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const p = new Recorder(done);
      yield* loop.connectReadPipe(() => p, new ReadableStream({ start: (c) => c.enqueue("text" as any) }) as ReadableStream<Uint8Array>);
      yield* done;
      return p.lost;
    }, contexts);
    expect(lost).toBeInstanceOf(TypeError);
    expect((lost as Error).message).toMatch(/must give Uint8Array chunks, got string "text"/);
    expect(contexts.length).toBe(1);
  });

  it("close() cancels the stream and calls connectionLost(null) once", async () => {
    let cancelled = 0;
    const stream = new ReadableStream<Uint8Array>({ cancel: () => void cancelled++ });
    const out = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const p = new Recorder(done);
      const [t] = yield* loop.connectReadPipe(() => p, stream);
      t.close();
      t.close();
      yield* done;
      yield* sleep(0);
      return [p.events, t.isClosing()];
    });
    expect(out).toEqual([["connectionMade", "connectionLost null"], true]);
    expect(cancelled).toBe(1);
  });

  it("refuses a locked stream, something that is not a stream and a protocolFactory that is not a function (TypeError); the loop runs on", async () => {
    const loop = newLoop();
    const locked = streamOf("x");
    locked.getReader();
    expect(() => loop.connectReadPipe(() => new Recorder(), locked)).toThrow(/connectReadPipe: the ReadableStream is locked/);
    expect(() => loop.connectReadPipe(() => new Recorder(), {} as any)).toThrow(
      /connectReadPipe: pipe must be a ReadableStream<Uint8Array> or a Node stream.Readable, got Object/,
    );
    expect(() => loop.connectReadPipe(null as any, streamOf())).toThrow(/connectReadPipe: protocolFactory must be a function, got null/);
    expect(await loop.runUntilComplete(sleep(0, "fine"))).toBe("fine");
  });

  it("a protocolFactory that throws leaves the stream unlocked", async () => {
    const stream = streamOf("x");
    const loop = newLoop();
    const boom = new Error("factory");
    await expect(
      loop.runUntilComplete(
        loop.connectReadPipe(() => {
          throw boom;
        }, stream),
      ),
    ).rejects.toBe(boom);
    expect(stream.locked).toBe(false);
  });

  it("runUntilCompleteSync refuses to connect a pipe (RuntimeError)", () => {
    const loop = newLoop();
    const reader = new StreamReader(undefined, loop);
    expect(() =>
      loop.runUntilCompleteSync(
        (function* () {
          yield* loop.connectReadPipe(() => new StreamReaderProtocol(reader, null, loop), streamOf("x"));
        })(),
      ),
    ).toThrow(RuntimeError);
  });
});

/** A WritableStream whose writes the test completes one by one (a slow consumer). */
function slowSink(): { stream: WritableStream<Uint8Array>; got: Uint8Array[]; release(): void; closed: Promise<void> } {
  const got: Uint8Array[] = [];
  const waiting: (() => void)[] = [];
  let closed!: () => void;
  const closedP = new Promise<void>((r) => (closed = r));
  const stream = new WritableStream<Uint8Array>(
    {
      write(chunk) {
        got.push(chunk);
        return new Promise<void>((r) => waiting.push(r));
      },
      close() {
        closed();
      },
    },
    { highWaterMark: 1 },
  );
  return { stream, got, release: () => waiting.splice(0).forEach((r) => r()), closed: closedP };
}

/** A write-side protocol recording flow control. */
class WriteRecorder extends BaseProtocol {
  events: string[] = [];
  constructor(readonly done?: { setResult(v: null): void }) {
    super();
  }
  override pauseWriting(): void {
    this.events.push("pauseWriting");
  }
  override resumeWriting(): void {
    this.events.push("resumeWriting");
  }
  override connectionLost(exc: Error | null): void {
    this.events.push(`connectionLost ${exc}`);
    this.done?.setResult(null);
  }
}

describe("connectWritePipe over a WritableStream", () => {
  it("writes reach the stream in order; writeEof() closes it once they are through; connectionLost(null)", async () => {
    const chunks: string[] = [];
    let closedStream = false;
    const sink = new WritableStream<Uint8Array>({
      write: (c) => void chunks.push(s(c)),
      close: () => void (closedStream = true),
    });
    const out = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const p = new WriteRecorder(done);
      const [t] = yield* loop.connectWritePipe(() => p, sink);
      t.write(b("a"));
      t.write("b");
      t.writelines([b("c"), b("d")]);
      t.write(new Uint8Array(0));
      t.writeEof();
      const closing = t.isClosing();
      yield* done;
      return [closing, p.events, t.getWriteBufferSize(), t.canWriteEof(), String(t)];
    });
    expect(out).toEqual([true, ["connectionLost null"], 0, true, "<WritePipeTransport closed bufsize=0>"]);
    expect(chunks.join("")).toBe("abcd");
    expect(closedStream).toBe(true);
  });

  it("flow control: pauseWriting past the high-water mark, resumeWriting at the low one; the buffer counts what the stream has not taken", async () => {
    const sink = slowSink();
    const out = await run(function* (loop) {
      const p = new WriteRecorder();
      const [t] = yield* loop.connectWritePipe(() => p, sink.stream);
      t.setWriteBufferLimits(1000, 100);
      t.write(new Uint8Array(600));
      const first = [t.getWriteBufferSize(), [...p.events]];
      t.write(new Uint8Array(600));
      const second = [t.getWriteBufferSize(), [...p.events]];
      while (t.getWriteBufferSize() > 0) {
        sink.release();
        yield* sleep(0);
      }
      return [first, second, p.events, t.getWriteBufferLimits()];
    });
    expect(out).toEqual([[600, []], [1200, ["pauseWriting"]], ["pauseWriting", "resumeWriting"], [100, 1000]]);
  });

  it("a slow consumer and a writer that drains keep the buffer bounded", async () => {
    const sink = slowSink();
    const chunk = 32 * 1024;
    const out = await run(function* (loop) {
      const [t, protocol] = yield* loop.connectWritePipe(() => new FlowControlMixin(loop), sink.stream);
      const writer = new StreamWriter(t, protocol, null, loop);
      let largest = 0;
      const consumer = loop.createTask(
        (function* () {
          while (!t.isClosing() || t.getWriteBufferSize() > 0) {
            sink.release();
            yield* sleep(0);
          }
        })(),
      );
      for (let i = 0; i < 100; i++) {
        writer.write(new Uint8Array(chunk));
        largest = Math.max(largest, t.getWriteBufferSize());
        yield* writer.drain();
      }
      writer.close();
      yield* consumer;
      return largest;
    });
    expect(out).toBeLessThanOrEqual(64 * 1024 + chunk);
    expect(sink.got.reduce((n, c) => n + c.length, 0)).toBe(100 * chunk);
    await sink.closed;
  });

  it("abort() drops the buffer, aborts the stream and calls connectionLost(null); later writes are dropped", async () => {
    let finishWrite!: () => void;
    let abortedWith!: (reason: unknown) => void;
    const aborted = new Promise((r) => (abortedWith = r));
    const sink = new WritableStream<Uint8Array>({
      write: () => new Promise<void>((r) => (finishWrite = r)),
      abort: (reason) => abortedWith(reason),
    });
    const out = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const p = new WriteRecorder(done);
      const [t] = yield* loop.connectWritePipe(() => p, sink);
      t.write(b("never taken"));
      const before = t.getWriteBufferSize();
      t.abort();
      const after = [t.getWriteBufferSize(), t.isClosing(), done.done()];
      yield* done;
      t.write(b("dropped"));
      finishWrite(); // a Web Stream aborts once the write in progress is over
      return [before, after, p.events, t.getWriteBufferSize()];
    });
    expect(out).toEqual([11, [0, true, false], ["connectionLost null"], 0]);
    expect(await aborted).toBe(undefined); // aborted without a reason: the other end reads it as the end

  });

  it("the stream failing: the exception handler hears of it, connectionLost(exc), drain() raises", async () => {
    const boom = new Error("sink broke");
    const contexts: ExceptionContext[] = [];
    const out = await run(function* (loop) {
      const sink = new WritableStream<Uint8Array>({ write: () => Promise.reject(boom) });
      const [t, protocol] = yield* loop.connectWritePipe(() => new FlowControlMixin(loop), sink);
      const writer = new StreamWriter(t, protocol, null, loop);
      writer.write(b("x"));
      while (!t.isClosing()) yield* sleep(0);
      yield* sleep(0);
      try {
        yield* writer.drain();
      } catch (e) {
        return (e as Error).name;
      }
      return "drained";
    }, contexts);
    expect(out).toBe("ConnectionResetError");
    expect(contexts.map((c) => [c.message, c.exception])).toEqual([["Fatal write error on pipe transport", boom]]);
  });

  it("the reader going away: connectionLost(null) with nothing buffered", async () => {
    const out = await run(function* (loop) {
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      const done = loop.createFuture<null>();
      const p = new WriteRecorder(done);
      const [t] = yield* loop.connectWritePipe(() => p, writable);
      readable.cancel();
      yield* done;
      return [p.events, t.isClosing()];
    });
    expect(out).toEqual([["connectionLost null"], true]);
  });

  it("the reader going away with data buffered: connectionLost(BrokenPipeError), not reported to the exception handler", async () => {
    const contexts: ExceptionContext[] = [];
    const out = await run(function* (loop) {
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      const done = loop.createFuture<null>();
      let lost: Error | null = null;
      const p = new (class extends WriteRecorder {
        override connectionLost(exc: Error | null) {
          lost = exc;
          super.connectionLost(exc);
        }
      })(done);
      const [t] = yield* loop.connectWritePipe(() => p, writable);
      t.write(b("nobody reads this"));
      readable.cancel();
      yield* done;
      return lost;
    }, contexts);
    expect(out).toBeInstanceOf(BrokenPipeError);
    expect(contexts).toEqual([]);
  });

  it("write() refuses what is not bytes (TypeError); the transport goes on", async () => {
    const chunks: string[] = [];
    const out = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const [t] = yield* loop.connectWritePipe(() => new WriteRecorder(done), new WritableStream<Uint8Array>({ write: (c) => void chunks.push(s(c)) }));
      let err = "";
      try {
        t.write(42 as any);
      } catch (e) {
        err = `${(e as Error).name}: ${(e as Error).message}`;
      }
      t.write("ok");
      t.close();
      yield* done;
      return err;
    });
    expect(out).toMatch(/^TypeError: WritePipeTransport.write: data must be a Uint8Array/);
    expect(chunks).toEqual(["ok"]);
  });

  it("refuses a locked stream and something that is not a stream (TypeError)", () => {
    const loop = newLoop();
    const locked = new WritableStream();
    locked.getWriter();
    expect(() => loop.connectWritePipe(() => new BaseProtocol(), locked)).toThrow(/connectWritePipe: the WritableStream is locked/);
    expect(() => loop.connectWritePipe(() => new BaseProtocol(), streamOf() as any)).toThrow(
      /connectWritePipe: pipe must be a WritableStream<Uint8Array> or a Node stream.Writable, got ReadableStream/,
    );
  });
});

describe("pipes over Node streams", () => {
  it("a Readable read through a StreamReader: lines and EOF", async () => {
    const out = await run(function* (loop) {
      const reader = new StreamReader();
      yield* loop.connectReadPipe(() => new StreamReaderProtocol(reader), Readable.from([Buffer.from("a\nb"), Buffer.from("\nc")]));
      const got = [];
      for (let line; (line = yield* reader.readline()).length > 0; ) got.push(s(line));
      return [got, reader.atEof()];
    });
    expect(out).toEqual([["a\n", "b\n", "c"], true]);
  });

  it("hands over plain Uint8Arrays, not Buffers", async () => {
    const out = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const seen: string[] = [];
      const p = new (class extends Recorder {
        override dataReceived(data: Uint8Array) {
          seen.push(data.constructor.name);
          super.dataReceived(data);
        }
      })(done);
      yield* loop.connectReadPipe(() => p, Readable.from([Buffer.from("x")]));
      yield* done;
      return seen;
    });
    expect(out).toEqual(["Uint8Array"]);
  });

  it("a slow consumer of an endless Readable: the stream is paused and the buffer stays bounded", async () => {
    const chunk = 16 * 1024;
    let produced = 0;
    const endless = new Readable({
      highWaterMark: chunk,
      read() {
        produced += chunk;
        this.push(Buffer.alloc(chunk));
      },
    });
    const limit = 4096;
    const out = await run(function* (loop) {
      const reader = new StreamReader(limit);
      const [t] = yield* loop.connectReadPipe(() => new StreamReaderProtocol(reader), endless);
      let read = 0;
      let largest = 0;
      let mostAhead = 0;
      while (read < 2_000_000) {
        read += (yield* reader.read(1024)).length;
        largest = Math.max(largest, reader._bufferBytes().length);
        mostAhead = Math.max(mostAhead, produced - read);
        if (read % (64 * 1024) === 0) yield* sleep(0);
      }
      t.close();
      return [largest, mostAhead];
    });
    expect(out[0]).toBeLessThanOrEqual(2 * limit + chunk);
    // produced but not read: the reader's buffer and a few chunks in the stream's own buffer
    expect(out[1]).toBeLessThanOrEqual(2 * limit + 6 * chunk);
    expect(endless.destroyed).toBe(true);
  });

  it("a Readable that errors: connectionLost(exc)", async () => {
    const boom = new Error("node boom");
    const lost = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const p = new Recorder(done);
      const stream = new Readable({ read() {} });
      yield* loop.connectReadPipe(() => p, stream);
      stream.destroy(boom);
      yield* done;
      return p.lost;
    });
    expect(lost).toBe(boom);
  });

  it("a Readable with an encoding set (strings) fails the transport with TypeError", async () => {
    const lost = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const p = new Recorder(done);
      yield* loop.connectReadPipe(() => p, Readable.from([Buffer.from("x")]).setEncoding("utf8"));
      yield* done;
      return p.lost;
    });
    expect(lost).toBeInstanceOf(TypeError);
    expect((lost as Error).message).toMatch(/is an encoding set\?/);
  });

  it("a Writable with a slow write callback: flow control pauses and resumes, data arrives in order, writeEof() ends it", async () => {
    const got: string[] = [];
    const pending: (() => void)[] = [];
    let finished = false;
    const slow = new Writable({
      highWaterMark: 1,
      write(c, _enc, cb) {
        got.push(s(c));
        pending.push(cb);
      },
      final(cb) {
        finished = true;
        cb();
      },
    });
    const out = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const p = new WriteRecorder(done);
      const [t] = yield* loop.connectWritePipe(() => p, slow);
      t.setWriteBufferLimits(10, 0);
      t.write("hello ");
      t.write("world");
      const paused = [...p.events];
      while (t.getWriteBufferSize() > 0) {
        pending.splice(0).forEach((cb) => cb());
        yield* sleep(0);
      }
      t.writeEof();
      yield* done;
      return [paused, p.events];
    });
    expect(out).toEqual([["pauseWriting"], ["pauseWriting", "resumeWriting", "connectionLost null"]]);
    expect(got.join("")).toBe("hello world");
    expect(finished).toBe(true);
  });

  it("a Writable failing with EPIPE: connectionLost(BrokenPipeError), not reported", async () => {
    const contexts: ExceptionContext[] = [];
    const lost = await run(function* (loop) {
      const done = loop.createFuture<null>();
      let exc: Error | null = null;
      const p = new (class extends WriteRecorder {
        override connectionLost(e: Error | null) {
          exc = e;
          super.connectionLost(e);
        }
      })(done);
      const w = new Writable({ write: (_c, _e, cb) => cb(Object.assign(new Error("write EPIPE"), { code: "EPIPE" })) });
      const [t] = yield* loop.connectWritePipe(() => p, w);
      t.write("x");
      yield* done;
      return exc;
    }, contexts);
    expect(lost).toBeInstanceOf(BrokenPipeError);
    expect((lost as BrokenPipeError).errno).toBe(32);
    expect(contexts).toEqual([]);
  });

  it("a Writable closed by itself (the reader went away): connectionLost(null)", async () => {
    const out = await run(function* (loop) {
      const done = loop.createFuture<null>();
      const p = new WriteRecorder(done);
      const w = new Writable({ write: (_c, _e, cb) => cb() });
      yield* loop.connectWritePipe(() => p, w);
      w.destroy();
      yield* done;
      return p.events;
    });
    expect(out).toEqual(["connectionLost null"]);
  });
});

describe("a transport over a pipe with a StreamWriter on top", () => {
  it("writes through drain() and close(); the read side gets everything, then EOF", async () => {
    const out = await run(function* (loop) {
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      const reader = new StreamReader();
      yield* loop.connectReadPipe(() => new StreamReaderProtocol(reader), readable);
      const [t, protocol] = yield* loop.connectWritePipe(() => new FlowControlMixin(loop), writable);
      const writer = new StreamWriter(t as unknown as Transport, protocol, null, loop);
      // the reading goes on meanwhile: the pipe holds little, as an OS pipe does
      const reading = loop.createTask(reader.read());
      for (let i = 0; i < 50; i++) {
        writer.write(new Uint8Array(50_000).fill(i));
        yield* writer.drain();
      }
      writer.close();
      const all = yield* reading;
      return [all.length, all[0], all[all.length - 1], reader.atEof()];
    });
    expect(out).toEqual([2_500_000, 0, 49, true]);
  });
});
