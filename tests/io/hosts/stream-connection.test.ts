// StreamConnection: a HostConnection over promise reads and writes (Deno's Deno.Conn, the
// Web streams of Workers' connect()), on a scripted socket whose every read and write the test
// settles by hand; and streamHostTurn, the virtual clock's host turn for such runtimes.
import { describe, expect, it } from "vitest";
import { StreamActivity, StreamConnection, streamHostTurn, type StreamSocket } from "../../../src/io/hosts/stream-connection.js";
import type { ConnectionSink } from "../../../src/io/hosts/host.js";
import { EventLoop } from "../../../src/index.js";

const enc = new TextEncoder();
const dec = new TextDecoder();

interface Pending<T> {
  resolve(v: T): void;
  reject(e: unknown): void;
}

/** A write in flight: resolve() takes all its bytes, resolve(n) only the first n. */
interface PendingWrite {
  resolve(n?: number): void;
  reject(e: unknown): void;
}

/** A socket whose reads and writes wait until the test settles them; it logs every call. */
class ScriptedSocket implements StreamSocket {
  log: string[] = [];
  /** the socket's ends ("host:port"), when a test gives them */
  constructor(readonly endpoints: [string, string] | null = null) {}
  ends(): [string, string] | null {
    return this.endpoints;
  }
  reads: Pending<Uint8Array | null>[] = [];
  writes: PendingWrite[] = [];
  read(): Promise<Uint8Array | null> {
    this.log.push("read");
    return new Promise((resolve, reject) => this.reads.push({ resolve, reject }));
  }
  write(data: Uint8Array): Promise<number> {
    this.log.push(`write ${dec.decode(data)}`);
    return new Promise((resolve, reject) => this.writes.push({ resolve: (n = data.length) => resolve(n), reject }));
  }
  closeWrite(): Promise<void> {
    this.log.push("closeWrite");
    return Promise.resolve();
  }
  close(): void {
    this.log.push("close");
  }
  extra(name: string): unknown {
    return name === "peername" ? ["10.0.0.1", 80] : undefined;
  }
}

function recordingSink(log: string[]): ConnectionSink {
  return {
    data: (c) => log.push(`data ${dec.decode(c)}`),
    eof: () => log.push("eof"),
    written: () => log.push("written"),
    error: (e) => log.push(`error ${e.name}`),
    closed: () => log.push("closed"),
  };
}

/** Lets every settled promise's reactions run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function make(translate: (e: unknown) => Error | null = (e) => e as Error) {
  const sock = new ScriptedSocket();
  const activity = new StreamActivity();
  const conn = new StreamConnection(sock, { halfClose: true, translate, activity });
  const log: string[] = [];
  conn.attach(recordingSink(log));
  return { sock, conn, log, activity };
}

describe("StreamConnection: reading", () => {
  it("starts paused: no read until resumeReading(), then one read in flight at a time", async () => {
    const { sock, conn } = make();
    await settle();
    expect(sock.log).toEqual([]);
    conn.resumeReading();
    conn.resumeReading();
    expect(sock.log).toEqual(["read"]);
    sock.reads[0].resolve(enc.encode("a"));
    await settle();
    expect(sock.log).toEqual(["read", "read"]);
  });

  it("reports chunks and EOF in order, and stops reading at EOF", async () => {
    const { sock, conn, log } = make();
    conn.resumeReading();
    sock.reads[0].resolve(enc.encode("one"));
    await settle();
    sock.reads[1].resolve(enc.encode("two"));
    await settle();
    sock.reads[2].resolve(null);
    await settle();
    expect(log).toEqual(["data one", "data two", "eof"]);
    expect(sock.log).toEqual(["read", "read", "read"]);
  });

  it("pauseReading starts no new read (the chunk of the read in flight is still reported); resumeReading reads again", async () => {
    const { sock, conn, log } = make();
    conn.resumeReading();
    conn.pauseReading();
    sock.reads[0].resolve(enc.encode("in flight"));
    await settle();
    expect([log, sock.log]).toEqual([["data in flight"], ["read"]]);
    conn.resumeReading();
    expect(sock.log).toEqual(["read", "read"]);
  });

  it("a failed read releases the socket and reports the translated error once", async () => {
    const { sock, conn, log } = make(() => Object.assign(new Error("reset"), { name: "ConnectionResetError" }));
    conn.resumeReading();
    sock.reads[0].reject(new Error("os error"));
    await settle();
    conn.write(enc.encode("dropped"));
    expect(log).toEqual(["error ConnectionResetError"]);
    expect(sock.log).toEqual(["read", "close"]);
  });

  it("a socket closed from outside (translated to null) is reported as closed", async () => {
    const { sock, conn, log } = make(() => null);
    conn.resumeReading();
    sock.reads[0].reject(new Error("BadResource"));
    await settle();
    expect(log).toEqual(["closed"]);
  });

  it("an end before attach() is kept and reported at attach()", async () => {
    const sock = new ScriptedSocket();
    const conn = new StreamConnection(sock, { halfClose: true, translate: (e) => e as Error, activity: new StreamActivity() });
    conn.write(enc.encode("x"));
    sock.writes[0].reject(Object.assign(new Error("pipe"), { name: "BrokenPipeError" }));
    await settle();
    const log: string[] = [];
    conn.attach(recordingSink(log));
    expect(log).toEqual(["error BrokenPipeError"]);
  });
});

describe("StreamConnection: writing", () => {
  it("queues writes in order, one runtime write at a time; bufferedAmount is the queue; written() after each", async () => {
    const { sock, conn, log } = make();
    conn.write(enc.encode("first"));
    expect(conn.bufferedAmount).toBe(5);
    conn.write(enc.encode("second"));
    expect([sock.log, conn.bufferedAmount]).toEqual([["write first"], 11]);
    sock.writes[0].resolve();
    await settle();
    expect([sock.log, conn.bufferedAmount, log]).toEqual([["write first", "write second"], 6, ["written"]]);
    sock.writes[1].resolve();
    await settle();
    expect([conn.bufferedAmount, log]).toEqual([0, ["written", "written"]]);
  });

  it("a partial write: bufferedAmount falls by what the runtime took, written() says so, the rest goes next", async () => {
    const { sock, conn, log, activity } = make();
    conn.write(enc.encode("abcdef"));
    sock.writes[0].resolve(2);
    await settle();
    expect([sock.log, conn.bufferedAmount, log, activity.progress]).toEqual([["write abcdef", "write cdef"], 4, ["written"], 1]);
    sock.writes[1].resolve();
    await settle();
    expect([conn.bufferedAmount, log, activity.progress]).toEqual([0, ["written", "written"], 2]);
  });

  it("joins the chunks waiting in the queue into one runtime write", async () => {
    const { sock, conn } = make();
    conn.write(enc.encode("a"));
    conn.writev([enc.encode("b"), enc.encode("c")]);
    conn.write(enc.encode("d"));
    sock.writes[0].resolve();
    await settle();
    expect(sock.log).toEqual(["write a", "write bcd"]);
  });

  it("shutdown() half-closes once the queue is drained; reading goes on", async () => {
    const { sock, conn } = make();
    conn.write(enc.encode("last"));
    conn.shutdown();
    expect(sock.log).toEqual(["write last"]);
    sock.writes[0].resolve();
    await settle();
    expect(sock.log).toEqual(["write last", "closeWrite"]);
    conn.resumeReading();
    expect(sock.log).toEqual(["write last", "closeWrite", "read"]);
  });

  it("close() releases after the queue is drained and reports nothing more", async () => {
    const { sock, conn, log } = make();
    conn.write(enc.encode("bye"));
    conn.close();
    expect(sock.log).toEqual(["write bye"]);
    sock.writes[0].resolve();
    await settle();
    expect([sock.log, log]).toEqual([["write bye", "close"], []]);
  });

  it("abort() drops the queue and releases at once", async () => {
    const { sock, conn, log } = make();
    conn.write(enc.encode("lost"));
    conn.write(enc.encode("too"));
    conn.abort();
    expect([sock.log, conn.bufferedAmount]).toEqual([["write lost", "close"], 0]);
    sock.writes[0].reject(new Error("closed"));
    await settle();
    expect(log).toEqual([]);
  });

  it("a write that completes after abort() changes nothing: the buffer stays empty", async () => {
    const { sock, conn, log } = make();
    conn.write(enc.encode("late"));
    conn.abort();
    sock.writes[0].resolve();
    await settle();
    expect([conn.bufferedAmount, log, sock.log]).toEqual([0, [], ["write late", "close"]]);
  });

  it("passes extra() through to the socket", () => {
    expect(make().conn.extra("peername")).toEqual(["10.0.0.1", 80]);
  });
});

describe("StreamActivity: bytes between two connections of this process", () => {
  function pair() {
    const activity = new StreamActivity();
    const socks = [new ScriptedSocket(["127.0.0.1:1000", "127.0.0.1:2000"]), new ScriptedSocket(["127.0.0.1:2000", "127.0.0.1:1000"])];
    const [a, b] = socks.map((sock) => new StreamConnection(sock, { halfClose: true, translate: (e) => e as Error, activity }));
    for (const c of [a, b]) c.attach(recordingSink([]));
    return { activity, a, b, sa: socks[0], sb: socks[1] };
  }

  it("a write the runtime took is awaited at the peer while it reads, until the bytes arrive", async () => {
    const { activity, a, b, sa, sb } = pair();
    b.resumeReading();
    a.write(enc.encode("hello"));
    expect(activity.awaiting()).toBe(false); // not taken yet: the writer's progress will say so
    sa.writes[0].resolve();
    await settle();
    expect(activity.awaiting()).toBe(true);
    sb.reads[0].resolve(enc.encode("hel"));
    await settle();
    expect(activity.awaiting()).toBe(true);
    sb.reads[1].resolve(enc.encode("lo"));
    await settle();
    expect(activity.awaiting()).toBe(false);
  });

  it("a paused peer awaits nothing (its bytes wait for it, not for the host); resumed, it does again", async () => {
    const { activity, a, b, sa } = pair();
    a.write(enc.encode("later"));
    sa.writes[0].resolve();
    await settle();
    expect(activity.awaiting()).toBe(false);
    b.resumeReading();
    expect(activity.awaiting()).toBe(true);
    b.abort();
    expect(activity.awaiting()).toBe(false);
  });
});

describe("streamHostTurn", () => {
  it("takes host timers until one passes with nothing moving", async () => {
    const activity = new StreamActivity();
    const timers: (() => void)[] = [];
    const loop = new EventLoop({ host: { setTimeout: (fn: () => void) => timers.push(fn) } });
    let done = false;
    streamHostTurn(activity)(loop, () => (done = true));
    expect(timers.length).toBe(1);
    activity.progress++; // a write was taken during the first timer: another turn
    timers.shift()!();
    expect([timers.length, done]).toEqual([1, false]);
    timers.shift()!(); // nothing moved
    expect([timers.length, done]).toEqual([0, true]);
    loop.close();
  });

  it("goes on while a reading connection awaits bytes from a peer in this process", async () => {
    const activity = new StreamActivity();
    const timers: (() => void)[] = [];
    const loop = new EventLoop({ host: { setTimeout: (fn: () => void) => timers.push(fn) } });
    const reader = new ScriptedSocket(["127.0.0.1:2000", "127.0.0.1:1000"]);
    const writer = new ScriptedSocket(["127.0.0.1:1000", "127.0.0.1:2000"]);
    const [w, r] = [writer, reader].map((sock) => new StreamConnection(sock, { halfClose: true, translate: (e) => e as Error, activity }));
    r.attach(recordingSink([]));
    r.resumeReading();
    w.write(enc.encode("abc"));
    writer.writes[0].resolve();
    await settle();
    let done = false;
    streamHostTurn(activity)(loop, () => (done = true));
    timers.shift()!(); // quiet, but 3 bytes are on their way to a reader
    expect([timers.length, done]).toEqual([1, false]);
    reader.reads[0].resolve(enc.encode("abc"));
    await settle();
    timers.shift()!(); // delivered
    expect(done).toBe(true);
    loop.close();
  });

  it("ends as soon as something was delivered (the loop has work), even with progress", () => {
    const activity = new StreamActivity();
    const timers: (() => void)[] = [];
    const loop = new EventLoop({ host: { setTimeout: (fn: () => void) => timers.push(fn) } });
    let done = false;
    streamHostTurn(activity)(loop, () => (done = true));
    activity.progress++;
    activity.delivered++;
    timers.shift()!();
    expect([timers.length, done]).toEqual([0, true]);
    loop.close();
  });
});
