// The abstract transports (asyncio's transports.py) and FlowControlTransport's write flow
// control (_FlowControlMixin): marks, pauseWriting/resumeWriting pairing, bad limits.
import { describe, expect, it } from "vitest";
import {
  BaseTransport,
  FlowControlTransport,
  NotImplementedError,
  ReadTransport,
  RuntimeError,
  SubprocessTransport,
  Transport,
  WriteTransport,
  type EventLoop,
} from "../../src/index.js";
import { virtual } from "../fixtures.js";

/** A transport whose buffer size the test sets; records the protocol calls. */
class Buffered extends FlowControlTransport {
  size = 0;
  log: string[] = [];
  constructor(loop: EventLoop) {
    super(null, loop);
    this._protocol = {
      pauseWriting: () => this.log.push(`pause at ${this.size}`),
      resumeWriting: () => this.log.push(`resume at ${this.size}`),
    };
  }
  override getWriteBufferSize(): number {
    return this.size;
  }
  set(n: number): void {
    const grew = n > this.size;
    this.size = n;
    if (grew) this._maybePauseProtocol();
    else this._maybeResumeProtocol();
  }
}

describe("abstract transports", () => {
  it("a Transport is a ReadTransport and a WriteTransport (Python's multiple bases)", () => {
    class T extends Transport {}
    const t = new T();
    expect(t).toBeInstanceOf(ReadTransport);
    expect(t).toBeInstanceOf(WriteTransport);
    expect(t).toBeInstanceOf(BaseTransport);
    expect(new ReadTransport()).not.toBeInstanceOf(WriteTransport);
    expect(new WriteTransport()).not.toBeInstanceOf(ReadTransport);
    expect(new ReadTransport()).not.toBeInstanceOf(Transport);
  });

  it("methods a transport does not implement raise NotImplementedError naming them", () => {
    class Bare extends Transport {}
    const t = new Bare();
    expect(() => t.write(new Uint8Array(1))).toThrow(new NotImplementedError("Bare.write() is not implemented by this transport"));
    expect(() => t.pauseReading()).toThrow(NotImplementedError);
    expect(() => t.close()).toThrow(NotImplementedError);
    expect(() => new SubprocessTransport().getPid()).toThrow(NotImplementedError);
    const err = (() => {
      try {
        t.abort();
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(RuntimeError); // NotImplementedError is a RuntimeError, as in Python
    expect((err as Error).name).toBe("NotImplementedError");
  });

  it("writelines writes each item in order through write", () => {
    const got: string[] = [];
    class W extends Transport {
      override write(d: Uint8Array | string) {
        got.push(String(d));
      }
    }
    new W().writelines(["a", "b"]);
    expect(got).toEqual(["a", "b"]);
  });

  it("getExtraInfo answers from the extra map, else the default (null)", () => {
    const t = new BaseTransport({ peername: ["h", 1] });
    expect(t.getExtraInfo("peername")).toEqual(["h", 1]);
    expect(t.getExtraInfo("sockname")).toBe(null);
    expect(t.getExtraInfo("sockname", "x")).toBe("x");
  });
});

describe("FlowControlTransport", () => {
  it("defaults to 64 KiB high and 16 KiB low", () => {
    expect(new Buffered(virtual()).getWriteBufferLimits()).toEqual([16384, 65536]);
  });

  it("derives the missing mark: low = high / 4, high = 4 × low", () => {
    const t = new Buffered(virtual());
    t.setWriteBufferLimits(100);
    expect(t.getWriteBufferLimits()).toEqual([25, 100]);
    t.setWriteBufferLimits(null, 10);
    expect(t.getWriteBufferLimits()).toEqual([10, 40]);
    t.setWriteBufferLimits({ high: 8, low: 3 });
    expect(t.getWriteBufferLimits()).toEqual([3, 8]);
    t.setWriteBufferLimits(0);
    expect(t.getWriteBufferLimits()).toEqual([0, 0]);
  });

  it("refuses high < low and negative or fractional marks with RangeError; keeps the old ones", () => {
    const t = new Buffered(virtual());
    t.setWriteBufferLimits(100, 20);
    expect(() => t.setWriteBufferLimits(10, 20)).toThrow(new RangeError("high (10) must be >= low (20) must be >= 0"));
    expect(() => t.setWriteBufferLimits(-1)).toThrow(/high must be a non-negative integer of bytes, got number -1/);
    expect(() => t.setWriteBufferLimits(1.5)).toThrow(RangeError);
    expect(() => t.setWriteBufferLimits({ high: 1 }, 2)).toThrow(TypeError);
    expect(t.getWriteBufferLimits()).toEqual([20, 100]);
  });

  it("pauses only strictly over high, once; resumes at low or below, once", () => {
    const t = new Buffered(virtual());
    t.setWriteBufferLimits(10, 4);
    t.set(10);
    expect(t.log).toEqual([]);
    t.set(11);
    t.set(20);
    expect(t.log).toEqual(["pause at 11"]);
    t.set(5);
    expect(t.log).toEqual(["pause at 11"]);
    t.set(4);
    t.set(0);
    expect(t.log).toEqual(["pause at 11", "resume at 4"]);
  });

  it("high 0 pauses as soon as anything is buffered; low 0 resumes only when empty", () => {
    const t = new Buffered(virtual());
    t.setWriteBufferLimits(0);
    t.set(1);
    t.set(0);
    expect(t.log).toEqual(["pause at 1", "resume at 0"]);
  });

  it("setWriteBufferLimits pauses at once if the buffer is already over the new high mark", () => {
    const t = new Buffered(virtual());
    t.set(1000);
    expect(t.log).toEqual([]);
    t.setWriteBufferLimits(100);
    expect(t.log).toEqual(["pause at 1000"]);
  });

  it("a protocol whose pauseWriting/resumeWriting throws is reported, and flow control goes on", () => {
    const loop = virtual();
    const contexts: any[] = [];
    loop.setExceptionHandler((_l, c) => contexts.push(c));
    const t = new Buffered(loop);
    t._protocol = {
      pauseWriting() {
        throw new Error("p");
      },
      resumeWriting() {
        throw new Error("r");
      },
    };
    t.setWriteBufferLimits(1);
    t.set(2);
    t.set(0);
    expect(contexts.map((c) => c.message)).toEqual(["protocol.pause_writing() failed", "protocol.resume_writing() failed"]);
    expect(contexts[0].transport).toBe(t);
    expect(t._protocolPaused).toBe(false);
  });
});
