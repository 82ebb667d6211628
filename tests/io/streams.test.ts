// StreamReader, StreamWriter and StreamReaderProtocol (asyncio's streams.py) against a fake
// transport on the virtual clock, after CPython's test_streams.py: the buffer, the limit,
// pausing the transport, EOF and exceptions, drain() and waitClosed().
import { describe, expect, it } from "vitest";
import {
  CancelledError,
  ConnectionResetError,
  EventLoop,
  FlowControlTransport,
  Future,
  IncompleteReadError,
  LimitOverrunError,
  NotImplementedError,
  RuntimeError,
  StreamReader,
  StreamReaderProtocol,
  StreamWriter,
  gather,
  sleep,
  type ProtocolLike,
} from "../../src/index.js";
import { toBytes } from "../../src/io/bytes.js";
import { virtual } from "../fixtures.js";

const enc = new TextEncoder();
const b = (s: string) => enc.encode(s);
const s = (u: Uint8Array) => new TextDecoder().decode(u);
const DATA = b("line1\nline2\nline3\n");

/** Runs `body` in a task on `loop` and returns its result. */
function run<T>(loop: EventLoop, body: () => Generator<unknown, T, any>): T {
  return loop.runUntilCompleteSync(body());
}

/** What the future/coroutine gave: its value as text, or the name and message of what it threw. */
function outcome(loop: EventLoop, body: () => Generator<unknown, Uint8Array, any>): string {
  try {
    return s(run(loop, body));
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

/**
 * A transport that keeps what is written, with a write buffer whose size the test sets
 * (flush()), and that records pauseReading/resumeReading.
 */
class FakeTransport extends FlowControlTransport {
  written: Uint8Array[] = [];
  size = 0;
  closing = false;
  paused = false;
  eof = false;
  calls: string[] = [];
  canPause = true;

  constructor(loop: EventLoop, protocol: ProtocolLike | null, extra: Record<string, unknown> = {}) {
    super({ peername: ["127.0.0.1", 1234], sslcontext: null, ...extra }, loop);
    this._protocol = protocol;
  }
  override getWriteBufferSize(): number {
    return this.size;
  }
  override write(data: Uint8Array | string): void {
    const bytes = toBytes("write", data);
    this.written.push(bytes);
    this.size += bytes.length;
    this._maybePauseProtocol();
  }
  /** `n` bytes left the buffer. */
  flush(n: number): void {
    this.size -= n;
    this._maybeResumeProtocol();
  }
  override pauseReading(): void {
    if (!this.canPause) throw new NotImplementedError("cannot pause");
    this.calls.push("pause");
    this.paused = true;
  }
  override resumeReading(): void {
    this.calls.push("resume");
    this.paused = false;
  }
  override isReading(): boolean {
    return !this.paused && !this.closing;
  }
  override isClosing(): boolean {
    return this.closing;
  }
  override close(): void {
    if (this.closing) return;
    this.closing = true;
    this.calls.push("close");
    this._loop.callSoon(() => (this._protocol as ProtocolLike).connectionLost?.(null));
  }
  override abort(): void {
    this.close();
  }
  override writeEof(): void {
    this.eof = true;
  }
  override canWriteEof(): boolean {
    return true;
  }
  override getProtocol() {
    return this._protocol;
  }
  override setProtocol(p: ProtocolLike) {
    this._protocol = p;
  }
  toString() {
    return "<FakeTransport>";
  }
}

describe("StreamReader: the buffer", () => {
  it("ignores empty data", () => {
    const r = new StreamReader(undefined, virtual());
    r.feedData(new Uint8Array(0));
    expect(r._bufferBytes().length).toBe(0);
  });

  it("keeps fed data in order", () => {
    const r = new StreamReader(undefined, virtual());
    r.feedData(b("ab"));
    r.feedData(b("cd"));
    expect(s(r._bufferBytes())).toBe("abcd");
  });

  it("takes the limit as a number or in an options object", () => {
    const loop = virtual();
    expect(new StreamReader(3, loop).limit).toBe(3);
    expect(new StreamReader({ limit: 5, loop }).limit).toBe(5);
    expect(new StreamReader(undefined, loop).limit).toBe(65536);
  });

  it("refuses a limit of zero or less with RangeError (asyncio's ValueError)", () => {
    const loop = virtual();
    expect(() => new StreamReader(0, loop)).toThrow(new RangeError("Limit cannot be <= 0"));
    expect(() => new StreamReader(-1, loop)).toThrow(RangeError);
    expect(() => new StreamReader("3" as never, loop)).toThrow(TypeError);
    expect(() => new StreamReader({ limt: 3 } as never, loop)).toThrow(/unknown option "limt"/);
  });

  it("refuses feedData after feedEof", () => {
    const r = new StreamReader(undefined, virtual());
    r.feedEof();
    expect(() => r.feedData(b("x"))).toThrow(RuntimeError);
  });

  it("atEof is true only once EOF was fed and the buffer is empty", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    expect(r.atEof()).toBe(false);
    r.feedData(b("some data\n"));
    expect(r.atEof()).toBe(false);
    run(loop, () => r.readline());
    expect(r.atEof()).toBe(false);
    r.feedData(b("some data\n"));
    r.feedEof();
    run(loop, () => r.readline());
    expect(r.atEof()).toBe(true);
  });

  it("shows its state in toString", () => {
    const loop = virtual();
    const r = new StreamReader(7, loop);
    r.feedData(b("abc"));
    r.feedEof();
    expect(String(r)).toBe("<StreamReader 3 bytes eof limit=7>");
  });
});

describe("StreamReader.read", () => {
  it("read(0) returns empty bytes and leaves the buffer", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(DATA);
    expect(run(loop, () => r.read(0)).length).toBe(0);
    expect(r._bufferBytes()).toEqual(DATA);
  });

  it("read(n) waits for data, then returns what there is up to n", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    const task = loop.createTask(r.read(30));
    loop.callSoon(() => r.feedData(DATA));
    expect(loop.runUntilCompleteSync(task)).toEqual(DATA);
    expect(r._bufferBytes().length).toBe(0);
  });

  it("read(n) returns at most n bytes across chunks", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(b("line1"));
    r.feedData(b("line2"));
    expect(s(run(loop, () => r.read(5)))).toBe("line1");
    expect(s(r._bufferBytes())).toBe("line2");
  });

  it("read(n) returns empty bytes at EOF", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    const task = loop.createTask(r.read(1024));
    loop.callSoon(() => r.feedEof());
    expect(loop.runUntilCompleteSync(task).length).toBe(0);
  });

  it("read() reads everything until EOF", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    const task = loop.createTask(r.read(-1));
    loop.callSoon(() => {
      r.feedData(b("chunk1\n"));
      r.feedData(b("chunk2"));
      r.feedEof();
    });
    expect(s(loop.runUntilCompleteSync(task))).toBe("chunk1\nchunk2");
  });

  it("read() of more than the limit does not deadlock on a paused transport", () => {
    const loop = virtual();
    const r = new StreamReader(4, loop);
    const t = new FakeTransport(loop, null);
    r.setTransport(t);
    const task = loop.createTask(r.read());
    loop.callSoon(() => {
      r.feedData(b("0123456789")); // > 2 × limit: pauses
      r.feedData(b("abcdef"));
    });
    loop.callLater(1, () => {
      r.feedData(b("XYZ"));
      r.feedEof();
    });
    expect(s(loop.runUntilCompleteSync(task))).toBe("0123456789abcdefXYZ");
    expect(t.calls).toEqual(["pause", "resume"]);
  });

  it("read(n) is not bounded by the limit", () => {
    const loop = virtual();
    const r = new StreamReader(3, loop);
    r.feedData(b("chunk"));
    expect(s(run(loop, () => r.read(5)))).toBe("chunk");
  });

  it("read raises the exception set on the reader, before and while waiting", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(b("line\n"));
    expect(s(run(loop, () => r.read(2)))).toBe("li");
    r.setException(new RangeError("bad"));
    expect(outcome(loop, () => r.read(2))).toBe("RangeError: bad");
  });

  it("refuses a non-integer n with TypeError at the call", () => {
    const r = new StreamReader(undefined, virtual());
    expect(() => r.read(1.5)).toThrow(/StreamReader.read: n must be an integer/);
    expect(() => r.readexactly("2" as never)).toThrow(TypeError);
  });

  it("completes without a loop iteration when the data is buffered (a coroutine, awaited inline)", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(b("abc"));
    const order: string[] = [];
    run(loop, function* () {
      loop.callSoon(() => order.push("callback"));
      order.push(s(yield* r.read(3)));
      order.push("after read");
      yield* sleep(0);
    });
    expect(order).toEqual(["abc", "after read", "callback"]);
  });

  it("returns a view of the received chunk when the read fits in it (no copy)", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    const chunk = b("abcdef");
    r.feedData(chunk);
    const got = run(loop, () => r.read(4));
    expect(got.buffer).toBe(chunk.buffer);
    expect(s(got)).toBe("abcd");
  });
});

describe("StreamReader.readline", () => {
  it("waits for the newline across chunks and leaves the rest", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(b("chunk1 "));
    const task = loop.createTask(r.readline());
    loop.callSoon(() => {
      r.feedData(b("chunk2 "));
      r.feedData(b("chunk3 "));
      r.feedData(b("\n chunk4"));
    });
    expect(s(loop.runUntilCompleteSync(task))).toBe("chunk1 chunk2 chunk3 \n");
    expect(s(r._bufferBytes())).toBe(" chunk4");
  });

  it("over the limit with a newline buffered: RangeError, the line dropped, the rest kept", () => {
    const loop = virtual();
    const r = new StreamReader(3, loop);
    r.feedData(b("li"));
    r.feedData(b("ne1\nline2\n"));
    expect(outcome(loop, () => r.readline())).toBe("RangeError: Separator is found, but chunk is longer than limit");
    expect(s(r._bufferBytes())).toBe("line2\n");
  });

  it("over the limit without a newline: RangeError and the buffer emptied", () => {
    const loop = virtual();
    const r = new StreamReader(3, loop);
    r.feedData(b("li"));
    r.feedData(b("ne1"));
    r.feedData(b("li"));
    expect(outcome(loop, () => r.readline())).toBe("RangeError: Separator is not found, and chunk exceed the limit");
    expect(r._bufferBytes().length).toBe(0);
  });

  it("over the limit while waiting: the long line is dropped up to its newline", () => {
    const loop = virtual();
    let r = new StreamReader(7, loop);
    loop.callSoon(() => {
      r.feedData(b("chunk1"));
      r.feedData(b("chunk2"));
      r.feedData(b("chunk3\n"));
      r.feedEof();
    });
    expect(outcome(loop, () => r.readline())).toMatch(/^RangeError/);
    expect(r._bufferBytes().length).toBe(0);

    r = new StreamReader(7, loop);
    const r2 = r;
    loop.callSoon(() => {
      r2.feedData(b("chunk1"));
      r2.feedData(b("chunk2\n"));
      r2.feedData(b("chunk3\n"));
      r2.feedEof();
    });
    expect(outcome(loop, () => r2.readline())).toMatch(/^RangeError/);
    expect(s(r2._bufferBytes())).toBe("chunk3\n");
  });

  it("the limit is strict: limit bytes plus the newline pass, one more does not", () => {
    const loop = virtual();
    const r = new StreamReader(7, loop);
    r.feedData(b("1234567\n"));
    expect(s(run(loop, () => r.readline()))).toBe("1234567\n");
    r.feedData(b("12345678\n"));
    expect(outcome(loop, () => r.readline())).toMatch(/^RangeError/);
    expect(r._bufferBytes().length).toBe(0);
    r.feedData(b("12345678"));
    expect(outcome(loop, () => r.readline())).toMatch(/^RangeError/);
    expect(r._bufferBytes().length).toBe(0);
  });

  it("returns at once when the line is buffered", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(DATA.subarray(0, 6));
    r.feedData(DATA.subarray(6));
    expect(s(run(loop, () => r.readline()))).toBe("line1\n");
    expect(s(r._bufferBytes())).toBe("line2\nline3\n");
  });

  it("returns the partial line at EOF, then empty bytes", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(b("some data"));
    r.feedEof();
    expect(s(run(loop, () => r.readline()))).toBe("some data");
    expect(run(loop, () => r.readline()).length).toBe(0);
  });

  it("leaves the rest for read", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(DATA);
    run(loop, () => r.readline());
    expect(s(run(loop, () => r.read(7)))).toBe("line2\nl");
    expect(s(r._bufferBytes())).toBe("ine3\n");
  });

  it("raises the reader's exception", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(b("line\n"));
    expect(s(run(loop, () => r.readline()))).toBe("line\n");
    r.setException(new RangeError("x"));
    expect(outcome(loop, () => r.readline())).toBe("RangeError: x");
  });

  it("iterates lines with for await", async () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(b("a\nb\nc"));
    r.feedEof();
    const lines: string[] = [];
    const done = (async () => {
      for await (const line of r) lines.push(s(line));
    })();
    await loop.runUntilComplete(sleep(1));
    await done;
    expect(lines).toEqual(["a\n", "b\n", "c"]);
  });
});

describe("StreamReader.readuntil", () => {
  it("refuses an empty separator with RangeError", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    expect(outcome(loop, () => r.readuntil(new Uint8Array(0)))).toBe("RangeError: Separator should be at least one-byte string");
    expect(outcome(loop, () => r.readuntil([]))).toBe("RangeError: Separator should contain at least one element");
    expect(() => r.readuntil(5 as never)).toThrow(TypeError);
  });

  it("finds a multi-byte separator at the end, in the middle, or with a string", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(b("lineAAA"));
    expect(s(run(loop, () => r.readuntil(b("AAA"))))).toBe("lineAAA");
    r.feedData(b("lineAAAxxx"));
    expect(s(run(loop, () => r.readuntil("AAA")))).toBe("lineAAA");
    expect(s(r._bufferBytes())).toBe("xxx");
  });

  it("finds a separator split across chunks", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    const cases: string[][] = [
      ["QWEaa", "XYaa", "a"],
      ["QWEaa", "XYa", "aa"],
      ["aaa"],
      ["Xaaa"],
      ["XXX", "a", "a", "a"],
    ];
    const want = ["QWEaaXYaaa", "QWEaaXYaaa", "aaa", "Xaaa", "XXXaaa"];
    cases.forEach((chunks, i) => {
      for (const c of chunks) r.feedData(b(c));
      expect(s(run(loop, () => r.readuntil(b("aaa"))))).toBe(want[i]);
      expect(r._bufferBytes().length).toBe(0);
    });
  });

  it("waits for the rest of a separator fed byte by byte", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    const task = loop.createTask(r.readuntil(b("\r\n\r\n")));
    const parts = ["GET / HTTP/1.1\r", "\n", "Host: x\r\n", "\r", "\nbody"];
    parts.forEach((p, i) => loop.callLater(i + 1, () => r.feedData(b(p))));
    expect(s(loop.runUntilCompleteSync(task))).toBe("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(s(r._bufferBytes())).toBe("body");
  });

  it("at EOF without the separator: IncompleteReadError with the partial bytes, buffer emptied", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(b("some dataAA"));
    r.feedEof();
    let err: IncompleteReadError | null = null;
    try {
      run(loop, () => r.readuntil(b("AAA")));
    } catch (e) {
      err = e as IncompleteReadError;
    }
    expect(err).toBeInstanceOf(IncompleteReadError);
    expect(err!.name).toBe("IncompleteReadError");
    expect(err!.message).toBe("11 bytes read on a total of undefined expected bytes");
    expect(s(err!.partial)).toBe("some dataAA");
    expect(err!.expected).toBe(null);
    expect(r._bufferBytes().length).toBe(0);
  });

  it("past the limit: LimitOverrunError with consumed, the data left to read", () => {
    const loop = virtual();
    const r = new StreamReader(3, loop);
    r.feedData(b("some dataAA"));
    let err: LimitOverrunError | null = null;
    try {
      run(loop, () => r.readuntil(b("AAA")));
    } catch (e) {
      err = e as LimitOverrunError;
    }
    expect(err).toBeInstanceOf(LimitOverrunError);
    expect(err!.message).toBe("Separator is not found, and chunk exceed the limit");
    expect(err!.consumed).toBe(9);
    expect(s(r._bufferBytes())).toBe("some dataAA");
    r.feedData(b("A"));
    expect(outcome(loop, () => r.readuntil(b("AAA")))).toBe("LimitOverrunError: Separator is found, but chunk is longer than limit");
    expect(s(r._bufferBytes())).toBe("some dataAAA");
  });

  it("takes several separators (asyncio 3.13's tuple): the earliest end wins", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(b("line 1\nline 2\r"));
    expect(s(run(loop, () => r.readuntil([b("\r"), b("\n")])))).toBe("line 1\n");
    expect(s(run(loop, () => r.readuntil(["\r", "\n"])))).toBe("line 2\r");
    r.feedData(b("ABCDEFG"));
    expect(s(run(loop, () => r.readuntil([b("DEF"), b("BCDE")])))).toBe("ABCDE");
    expect(s(r._bufferBytes())).toBe("FG");
  });

  it("with several separators, the limit applies to the match and the offset never goes negative", () => {
    const loop = virtual();
    let r = new StreamReader(3, loop);
    r.feedData(b("some dataA"));
    expect(outcome(loop, () => r.readuntil([b("A"), b("ome dataA")]))).toMatch(/^LimitOverrunError: Separator is found/);
    r = new StreamReader(undefined, loop);
    const r2 = r;
    r2.feedData(b("data"));
    const task = loop.createTask(r2.readuntil([b("A"), b("long sep")]));
    loop.callSoon(() => r2.feedData(b("Z")));
    loop.callSoon(() => r2.feedData(b("Aaaa")));
    expect(s(loop.runUntilCompleteSync(task))).toBe("dataZA");
    expect(s(r2._bufferBytes())).toBe("aaa");
  });
});

describe("StreamReader.readexactly", () => {
  it("n = 0 gives empty bytes; n < 0 raises RangeError; the buffer is kept", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(DATA);
    expect(run(loop, () => r.readexactly(0)).length).toBe(0);
    expect(outcome(loop, () => r.readexactly(-1))).toBe("RangeError: readexactly size can not be less than zero");
    expect(r._bufferBytes()).toEqual(DATA);
  });

  it("waits until n bytes are there and leaves the rest", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    const task = loop.createTask(r.readexactly(2 * DATA.length));
    loop.callSoon(() => {
      r.feedData(DATA);
      r.feedData(DATA);
      r.feedData(DATA);
    });
    expect(s(loop.runUntilCompleteSync(task))).toBe(s(DATA) + s(DATA));
    expect(r._bufferBytes()).toEqual(DATA);
  });

  it("is not bounded by the limit", () => {
    const loop = virtual();
    const r = new StreamReader(3, loop);
    r.feedData(b("chunk"));
    expect(s(run(loop, () => r.readexactly(5)))).toBe("chunk");
  });

  it("at EOF: IncompleteReadError with partial and expected, and asyncio's message", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    const task = loop.createTask(r.readexactly(2 * DATA.length));
    loop.callSoon(() => {
      r.feedData(DATA);
      r.feedEof();
    });
    loop.runUntilCompleteSync(gather(task, { returnExceptions: true }));
    const err = task.exception() as IncompleteReadError;
    expect(err).toBeInstanceOf(IncompleteReadError);
    expect(err.partial).toEqual(DATA);
    expect(err.expected).toBe(36);
    expect(err.message).toBe("18 bytes read on a total of 36 expected bytes");
    expect(r._bufferBytes().length).toBe(0);
  });

  it("raises the reader's exception", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(b("line\n"));
    expect(s(run(loop, () => r.readexactly(2)))).toBe("li");
    r.setException(new RangeError("y"));
    expect(outcome(loop, () => r.readexactly(2))).toBe("RangeError: y");
  });

  it("of more than the limit resumes a paused transport instead of deadlocking", () => {
    const loop = virtual();
    const r = new StreamReader(2, loop);
    const t = new FakeTransport(loop, null);
    r.setTransport(t);
    r.feedData(b("abcde")); // > 4: paused
    expect(t.calls).toEqual(["pause"]);
    const task = loop.createTask(r.readexactly(8));
    loop.callLater(1, () => r.feedData(b("fgh")));
    expect(s(loop.runUntilCompleteSync(task))).toBe("abcdefgh");
    // resumed to wait; paused again when "fgh" made 8 > 4; resumed when the read took all
    expect(t.calls).toEqual(["pause", "resume", "pause", "resume"]);
  });
});

describe("StreamReader: exceptions and waiters", () => {
  it("exception() is null, then what setException() set", () => {
    const r = new StreamReader(undefined, virtual());
    expect(r.exception()).toBe(null);
    const exc = new RangeError();
    r.setException(exc);
    expect(r.exception()).toBe(exc);
  });

  it("setException wakes a waiting read with the exception", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    const t1 = loop.createTask(r.readline());
    const t2 = loop.createTask(
      (function* () {
        r.setException(new RangeError("boom"));
      })(),
    );
    loop.runUntilCompleteSync(gather(t1, t2, { returnExceptions: true }));
    expect(() => t1.result()).toThrow("boom");
  });

  it("setException after the waiting read was cancelled leaves no waiter behind", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    const t = loop.createTask(r.readline());
    loop.runOnce();
    t.cancel();
    loop.runOnce();
    r.setException(new RuntimeError("message"));
    loop.runOnce();
    expect(t.cancelled()).toBe(true);
    expect(String(r)).not.toMatch(/waiter/);
  });

  it("two reads waiting at once: the second raises RuntimeError (readline names readuntil, as in asyncio)", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    const t1 = loop.createTask(r.read(1));
    const t2 = loop.createTask(r.readline());
    loop.callLater(1, () => r.feedData(b("x\n")));
    loop.runUntilCompleteSync(gather(t1, t2, { returnExceptions: true }));
    expect(s(t1.result())).toBe("x");
    expect(t2.exception()).toBeInstanceOf(RuntimeError);
    expect((t2.exception() as Error).message).toBe("readuntil() called while another coroutine is already waiting for incoming data");
  });

  it("a cancelled read keeps the data for the next read", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    const t = loop.createTask(r.readexactly(4));
    loop.callLater(1, () => t.cancel());
    loop.runUntilCompleteSync(gather(t, { returnExceptions: true }));
    expect(t.cancelled()).toBe(true);
    r.feedData(b("abcd"));
    expect(s(run(loop, () => r.readexactly(4)))).toBe("abcd");
  });
});

describe("StreamReader: read flow control", () => {
  it("pauses the transport past 2 × limit and resumes it at the limit", () => {
    const loop = virtual();
    const r = new StreamReader(4, loop);
    const t = new FakeTransport(loop, null);
    r.setTransport(t);
    r.feedData(b("12345678")); // 8: not over 2 × 4
    expect(t.calls).toEqual([]);
    r.feedData(b("9")); // 9 > 8
    expect(t.calls).toEqual(["pause"]);
    r.feedData(b("ABCDEFGH")); // already paused: once
    expect(t.calls).toEqual(["pause"]);
    run(loop, () => r.read(12)); // 5 left: still over 4
    expect(t.calls).toEqual(["pause"]);
    run(loop, () => r.read(1)); // 4 left
    expect(t.calls).toEqual(["pause", "resume"]);
  });

  it("buffers everything when the transport cannot pause (NotImplementedError)", () => {
    const loop = virtual();
    const r = new StreamReader(1, loop);
    const t = new FakeTransport(loop, null);
    t.canPause = false;
    r.setTransport(t);
    r.feedData(b("abc"));
    r.feedData(b("def"));
    expect(s(run(loop, () => r.read(6)))).toBe("abcdef");
    expect(t.calls).toEqual([]);
  });

  it("refuses a second transport", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.setTransport(new FakeTransport(loop, null));
    expect(() => r.setTransport(new FakeTransport(loop, null))).toThrow(RuntimeError);
  });
});

/** A StreamReaderProtocol connected to a fake transport, and a StreamWriter over both. */
function connected(loop: EventLoop, limit?: number) {
  const reader = new StreamReader(limit, loop);
  const protocol = new StreamReaderProtocol(reader, null, loop);
  const transport = new FakeTransport(loop, protocol);
  protocol.connectionMade(transport);
  const writer = new StreamWriter(transport, protocol, reader, loop);
  return { reader, protocol, transport, writer };
}

describe("StreamWriter", () => {
  it("passes write, writelines, writeEof, canWriteEof, getExtraInfo to the transport", () => {
    const loop = virtual();
    const { writer, transport } = connected(loop);
    writer.write(b("a"));
    writer.write("é");
    writer.writelines([b("b"), b("c")]);
    expect(transport.written.map(s)).toEqual(["a", "é", "b", "c"]);
    expect(writer.canWriteEof()).toBe(true);
    writer.writeEof();
    expect(transport.eof).toBe(true);
    expect(writer.getExtraInfo("peername")).toEqual(["127.0.0.1", 1234]);
    expect(writer.getExtraInfo("nothing")).toBe(null);
    expect(writer.getExtraInfo("nothing", 7)).toBe(7);
    expect(writer.transport).toBe(transport);
  });

  it("drain() returns without a loop iteration when the transport is not paused", () => {
    const loop = virtual();
    const { writer } = connected(loop);
    const order: string[] = [];
    run(loop, function* () {
      loop.callSoon(() => order.push("callback"));
      writer.write(b("x"));
      yield* writer.drain();
      order.push("drained");
      yield* sleep(0);
    });
    expect(order).toEqual(["drained", "callback"]);
  });

  it("drain() waits while the buffer is over the high-water mark, until it is at the low one", () => {
    const loop = virtual();
    const { writer, transport } = connected(loop);
    transport.setWriteBufferLimits(10); // low: 2
    const log: string[] = [];
    loop.callLater(1, () => transport.flush(5)); // 11 → 6: still paused
    loop.callLater(2, () => transport.flush(4)); // 6 → 2: resumed
    run(loop, function* () {
      writer.write(b("0123456789A"));
      yield* writer.drain();
      log.push(`drained at ${loop.time()}`);
    });
    expect(log).toEqual(["drained at 2"]);
  });

  it("several drain() calls waiting at once all wake on resume", () => {
    const loop = virtual();
    const { writer, transport } = connected(loop);
    transport.setWriteBufferLimits(0);
    writer.write(b("x"));
    loop.callLater(1, () => transport.flush(1));
    function* waiter() {
      yield* writer.drain();
      return loop.time();
    }
    const woke = loop.runUntilCompleteSync(gather(loop.createTask(waiter()), loop.createTask(waiter())));
    expect(woke).toEqual([1, 1]);
  });

  it("drain() raises the reader's exception (the connection failed)", () => {
    const loop = virtual();
    const { writer, reader } = connected(loop);
    reader.setException(new ConnectionResetError("gone"));
    expect(() => run(loop, () => writer.drain())).toThrow("gone");
  });

  it("drain() after the connection was lost raises ConnectionResetError('Connection lost')", () => {
    const loop = virtual();
    const { writer, protocol } = connected(loop);
    protocol.connectionLost(null);
    expect(outcome(loop, function* () {
      yield* writer.drain();
      return new Uint8Array(0);
    })).toBe("ConnectionResetError: Connection lost");
  });

  it("drain() on a closing transport gives way once, so connectionLost runs first and drain raises", () => {
    const loop = virtual();
    const { writer } = connected(loop);
    writer.close(); // connectionLost(null) comes in the next iteration
    expect(outcome(loop, function* () {
      yield* writer.drain();
      return new Uint8Array(0);
    })).toBe("ConnectionResetError: Connection lost");
  });

  it("a paused drain() gets the connection's error, or returns on a clean loss", () => {
    const loop = virtual();
    const a = connected(loop);
    a.transport.setWriteBufferLimits(0);
    a.writer.write(b("x"));
    loop.callLater(1, () => a.protocol.connectionLost(new ConnectionResetError("reset")));
    expect(outcome(loop, function* () {
      yield* a.writer.drain();
      return b("ok");
    })).toBe("ConnectionResetError: reset");

    const c = connected(loop);
    c.transport.setWriteBufferLimits(0);
    c.writer.write(b("x"));
    loop.callLater(1, () => c.protocol.connectionLost(null));
    expect(outcome(loop, function* () {
      yield* c.writer.drain();
      return b("ok");
    })).toBe("ok");
  });

  it("a cancelled drain() leaves no waiter behind", () => {
    const loop = virtual();
    const { writer, transport, protocol } = connected(loop);
    transport.setWriteBufferLimits(0);
    writer.write(b("x"));
    const t = loop.createTask(writer.drain());
    loop.callLater(1, () => t.cancel());
    loop.runUntilCompleteSync(gather(t, { returnExceptions: true }));
    expect(t.cancelled()).toBe(true);
    expect(protocol._drainWaiters.length).toBe(0);
  });

  it("close(), isClosing() and waitClosed(): resolves once the connection is lost", () => {
    const loop = virtual();
    const { writer } = connected(loop);
    expect(writer.isClosing()).toBe(false);
    writer.close();
    expect(writer.isClosing()).toBe(true);
    run(loop, () => writer.waitClosed());
    expect(writer.isClosing()).toBe(true);
  });

  it("waitClosed() raises the error that ended the connection", () => {
    const loop = virtual();
    const { writer, protocol } = connected(loop);
    loop.callLater(1, () => protocol.connectionLost(new ConnectionResetError("reset by peer")));
    expect(() => run(loop, () => writer.waitClosed())).toThrow(ConnectionResetError);
    expect(() => run(loop, () => writer.waitClosed())).toThrow("reset by peer");
  });

  it("refuses a protocol without flow control", () => {
    const loop = virtual();
    const t = new FakeTransport(loop, null);
    expect(() => new StreamWriter(t, {} as never, null, loop)).toThrow(TypeError);
  });
});

describe("StreamReaderProtocol", () => {
  it("feeds data and EOF to the reader; eofReceived keeps the transport open", () => {
    const loop = virtual();
    const { reader, protocol } = connected(loop);
    protocol.dataReceived(b("hi"));
    expect(protocol.eofReceived()).toBe(true);
    expect(s(run(loop, () => reader.read()))).toBe("hi");
    expect(reader.atEof()).toBe(true);
  });

  it("over TLS (the transport has an sslcontext) eofReceived answers false", () => {
    const loop = virtual();
    const reader = new StreamReader(undefined, loop);
    const protocol = new StreamReaderProtocol(reader, null, loop);
    protocol.connectionMade(new FakeTransport(loop, protocol, { sslcontext: {} }));
    expect(protocol.eofReceived()).toBe(false);
  });

  it("connectionLost(null) ends the reader; connectionLost(exc) fails it", () => {
    const loop = virtual();
    const a = connected(loop);
    a.protocol.dataReceived(b("x"));
    a.protocol.connectionLost(null);
    expect(s(run(loop, () => a.reader.read()))).toBe("x");
    const c = connected(loop);
    const t = loop.createTask(c.reader.readexactly(3));
    loop.callLater(1, () => c.protocol.connectionLost(new ConnectionResetError("reset")));
    loop.runUntilCompleteSync(gather(t, { returnExceptions: true }));
    expect(t.exception()).toBeInstanceOf(ConnectionResetError);
  });

  function serverSide(loop: EventLoop, cb: (r: StreamReader, w: StreamWriter) => any) {
    const reader = new StreamReader(undefined, loop);
    const protocol = new StreamReaderProtocol(reader, cb, loop);
    const transport = new FakeTransport(loop, protocol);
    protocol.connectionMade(transport);
    return { reader, protocol, transport };
  }

  it("with a client-connected callback: makes the writer and runs a coroutine in a Task", () => {
    const loop = virtual();
    const got: string[] = [];
    const { protocol, transport } = serverSide(loop, function* (r, w) {
      const line = yield* r.readline();
      w.write(line);
      got.push(s(line));
    });
    expect(protocol._task).not.toBe(null);
    protocol.dataReceived(b("hello\n"));
    loop.runUntilCompleteSync(protocol._task!);
    expect(got).toEqual(["hello\n"]);
    expect(transport.written.map(s)).toEqual(["hello\n"]);
  });

  it("a handler that raises goes to the exception handler and closes the transport", () => {
    const loop = virtual();
    const contexts: any[] = [];
    loop.setExceptionHandler((_l, ctx) => contexts.push(ctx));
    const { protocol, transport } = serverSide(loop, function* () {
      yield* sleep(1);
      throw new RangeError("bad client");
    });
    const task = protocol._task!;
    loop.runUntilCompleteSync(gather(task, { returnExceptions: true }));
    loop.runUntilCompleteSync(sleep(0));
    expect(contexts.map((c) => c.message)).toEqual(["Unhandled exception in client_connected_cb"]);
    expect(contexts[0].exception.message).toBe("bad client");
    expect(contexts[0].transport).toBe(transport);
    expect(transport.calls).toContain("close");
  });

  it("a cancelled handler closes the transport, silently (asyncio 3.13)", () => {
    const loop = virtual();
    const contexts: any[] = [];
    loop.setExceptionHandler((_l, ctx) => contexts.push(ctx));
    const { protocol, transport } = serverSide(loop, function* () {
      yield* sleep(10);
    });
    loop.callLater(1, () => protocol._task!.cancel());
    loop.runUntilCompleteSync(gather(protocol._task!, { returnExceptions: true }));
    loop.runUntilCompleteSync(sleep(0));
    expect(contexts).toEqual([]);
    expect(transport.calls).toContain("close");
  });

  it("a plain function handler runs once and makes no task; an async one is awaited", async () => {
    const loop = virtual();
    let calls = 0;
    const plain = serverSide(loop, () => {
      calls++;
    });
    expect(calls).toBe(1);
    expect(plain.protocol._task).toBe(null);
    const asyncOne = serverSide(loop, async () => {
      throw new RangeError("async failure");
    });
    const contexts: any[] = [];
    loop.setExceptionHandler((_l, ctx) => contexts.push(ctx));
    await loop.runUntilComplete(gather(asyncOne.protocol._task!, { returnExceptions: true }));
    await loop.runUntilComplete(sleep(0));
    expect(contexts.map((c) => c.message)).toEqual(["Unhandled exception in client_connected_cb"]);
    expect(asyncOne.transport.calls).toContain("close");
  });

  it("refuses a reader that is not a StreamReader", () => {
    expect(() => new StreamReaderProtocol({} as never, null, virtual())).toThrow(TypeError);
  });

  it("drain helper: pauseWriting then resumeWriting wakes drain; a waiter future is this loop's", () => {
    const loop = virtual();
    const { protocol } = connected(loop);
    protocol.pauseWriting();
    const t = loop.createTask(
      (function* () {
        yield* protocol._drainHelper();
        return loop.time();
      })(),
    );
    loop.callLater(3, () => protocol.resumeWriting());
    expect(loop.runUntilCompleteSync(t)).toBe(3);
  });
});

describe("Futures of the stream coroutines", () => {
  it("are Futures, wrapped in a Task by gather before anyone awaits them", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    const f = r.readexactly(2);
    expect(f).toBeInstanceOf(Future);
    loop.callLater(1, () => r.feedData(b("ok")));
    expect(loop.runUntilCompleteSync(gather(f)).map(s)).toEqual(["ok"]);
  });

  it("cancelling an un-awaited read before it starts never starts it", () => {
    const loop = virtual();
    const r = new StreamReader(undefined, loop);
    r.feedData(b("abc"));
    const f = r.read(3);
    f.cancel();
    expect(f.cancelled()).toBe(true);
    expect(() => f.result()).toThrow(CancelledError);
    expect(s(run(loop, () => r.read(3)))).toBe("abc");
  });
});
