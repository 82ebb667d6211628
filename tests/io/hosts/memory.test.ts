// MemoryNetwork: the in-memory network on the virtual clock. The real transports, servers
// and streams run over it; every timing is exact loop time.
import { describe, expect, it } from "vitest";
import {
  ConnectionRefusedError,
  ConnectionResetError,
  EventLoop,
  FileNotFoundError,
  MemoryNetwork,
  MemorySocket,
  NotImplementedError,
  openConnection,
  openUnixConnection,
  sleep,
  startServer,
  startUnixServer,
  gather,
} from "../../../src/index.js";
import { Recorder, b, s } from "../net-fixtures.js";

function memLoop(options: { latency?: number; bufferSize?: number } = {}) {
  return new EventLoop({ clock: "virtual", network: new MemoryNetwork(options) });
}

function run<T>(loop: EventLoop, body: () => Generator<unknown, T, any>): T {
  return loop.runUntilCompleteSync(body());
}

describe("MemoryNetwork: connecting", () => {
  it("the server accepts after one latency, the client is connected after two", () => {
    const loop = memLoop({ latency: 0.25 });
    const got = run(loop, function* () {
      const times: string[] = [];
      const server = yield* startServer((_r, w) => {
        times.push(`accepted ${loop.time()} from ${JSON.stringify(w.getExtraInfo("peername"))}`);
      }, "127.0.0.1", 8000);
      const [, w] = yield* openConnection("127.0.0.1", 8000);
      times.push(`connected ${loop.time()} as ${JSON.stringify(w.getExtraInfo("sockname"))}`);
      w.close();
      server.close();
      return times;
    });
    expect(got).toEqual(['accepted 0.25 from ["127.0.0.1",49152]', 'connected 0.5 as ["127.0.0.1",49152]']);
  });

  it("refuses after a round trip when nobody listens; a Unix path nobody listens on is FileNotFoundError", () => {
    const loop = memLoop({ latency: 1 });
    const got = run(loop, function* () {
      const out: string[] = [];
      for (const attempt of [() => openConnection("10.0.0.1", 80), () => openUnixConnection("/run/x.sock")]) {
        const t0 = loop.time();
        try {
          yield* attempt();
        } catch (e) {
          out.push(`${(e as Error).name} ${(e as Error).message} after ${loop.time() - t0}`);
        }
      }
      return out;
    });
    expect(got).toEqual([
      "ConnectionRefusedError [Errno 111] Connect call failed ('10.0.0.1', 80) after 2",
      "FileNotFoundError [Errno 2] No such file or directory after 2",
    ]);
    expect(ConnectionRefusedError).toBeTruthy();
    expect(FileNotFoundError).toBeTruthy();
  });

  it("hands out ports in order from 49152, resolves localhost, and a server on host null takes every address", () => {
    const loop = memLoop();
    const got = run(loop, function* () {
      const a = yield* startServer(() => {}, "127.0.0.1", 0);
      const any = yield* startServer((_r, w) => w.write("hi from any\n"), null, 0);
      const [r] = yield* openConnection("localhost", any.sockets[0].port);
      const line = s(yield* r.readline());
      const [r2] = yield* openConnection("10.1.2.3", any.sockets[0].port);
      const line2 = s(yield* r2.readline());
      return [a.sockets[0].port, any.sockets[0], line, line2];
    });
    expect(got).toEqual([49152, { family: "IPv4", host: "0.0.0.0", port: 49153 }, "hi from any\n", "hi from any\n"]);
  });

  it("refuses a second server on a taken address with asyncio's bind error", () => {
    const loop = memLoop();
    const got = run(loop, function* () {
      yield* startServer(() => {}, "127.0.0.1", 9000);
      const out: string[] = [];
      for (const host of ["127.0.0.1", null]) {
        try {
          yield* startServer(() => {}, host, 9000);
        } catch (e) {
          out.push((e as Error).message);
        }
      }
      const other = yield* startServer(() => {}, "127.0.0.2", 9000);
      out.push(other.sockets[0].host);
      return out;
    });
    expect(got).toEqual([
      "[Errno 98] error while attempting to bind on address ('127.0.0.1', 9000): address already in use",
      "[Errno 98] error while attempting to bind on address ('0.0.0.0', 9000): address already in use",
      "127.0.0.2",
    ]);
  });

  it("serves Unix paths", () => {
    const loop = memLoop({ latency: 0.1 });
    const got = run(loop, function* () {
      const server = yield* startUnixServer(function* (r, w) {
        w.write(yield* r.readline());
      }, "/run/app.sock");
      const [r, w] = yield* openUnixConnection("/run/app.sock");
      w.write("unix\n");
      const line = s(yield* r.readline());
      return [line, server.sockets[0].path, loop.time()];
    });
    expect(got).toEqual(["unix\n", "/run/app.sock", 0.4]);
  });

  it("has no TLS: NotImplementedError", () => {
    const loop = memLoop();
    expect(() => run(loop, () => openConnection("127.0.0.1", 1, { tls: true }))).toThrow(NotImplementedError);
    expect(() => run(loop, () => startServer(() => {}, "127.0.0.1", 1, { tls: { key: "k", cert: "c" } }))).toThrow(
      "createServer: the in-memory network has no TLS",
    );
  });

  it("checks its options", () => {
    expect(() => new MemoryNetwork({ latency: -1 })).toThrow(RangeError);
    expect(() => new MemoryNetwork({ bufferSize: 0 })).toThrow(RangeError);
    expect(() => new MemoryNetwork({ latncy: 1 } as never)).toThrow(/unknown option "latncy"/);
  });
});

describe("MemoryNetwork: data", () => {
  it("delivers bytes after one latency, in order", () => {
    const loop = memLoop({ latency: 0.1 });
    const got = run(loop, function* () {
      const log: string[] = [];
      const done = loop.createFuture<void>();
      yield* startServer(function* (r) {
        for (;;) {
          const chunk = yield* r.read(100);
          if (chunk.length === 0) break;
          log.push(`${loop.time().toFixed(2)} ${s(chunk)}`);
        }
        done.setResult(undefined);
      }, "127.0.0.1", 7000);
      const [, w] = yield* openConnection("127.0.0.1", 7000); // t = 0.2
      w.write("a");
      w.write("b");
      yield* sleep(0.05);
      w.write("c");
      w.close();
      yield* done;
      return log;
    });
    expect(got).toEqual(["0.30 ab", "0.35 c"]);
  });

  it("runs the same scenario to the same trace every time", () => {
    const trace = () => {
      const loop = memLoop({ latency: 0.003, bufferSize: 1000 });
      const log: string[] = [];
      run(loop, function* () {
        const server = yield* startServer(function* (r, w) {
          for (;;) {
            const chunk = yield* r.read(333);
            if (chunk.length === 0) break;
            log.push(`s ${loop.time().toFixed(3)} ${chunk.length}`);
            w.write(chunk);
            yield* w.drain();
          }
          w.close();
        }, "127.0.0.1", 1);
        const clients = [0, 1, 2].map((i) =>
          loop.createTask(
            (function* () {
              const [r, w] = yield* openConnection("127.0.0.1", 1);
              w.write(new Uint8Array(2500 + i));
              w.writeEof();
              const back = yield* r.read();
              log.push(`c${i} ${loop.time().toFixed(3)} ${back.length}`);
            })(),
          ),
        );
        yield* gather(...clients);
        server.close();
        yield* server.waitClosed();
      });
      return log;
    };
    const first = trace();
    expect(first.length).toBeGreaterThan(10);
    expect(trace()).toEqual(first);
  });
});

describe("MemoryNetwork: flow control", () => {
  it("a reader that stops reading closes the window; the writer's drain waits until it reads again", () => {
    const loop = memLoop({ latency: 0.01, bufferSize: 10_000 });
    const got = run(loop, function* () {
      const log: string[] = [];
      const readerGo = loop.createFuture<void>();
      yield* startServer(function* (r) {
        yield* readerGo;
        let n = 0;
        for (;;) {
          const c = yield* r.read(65536);
          if (c.length === 0) break;
          n += c.length;
        }
        log.push(`server read ${n} by ${loop.time().toFixed(2)}`);
      }, "127.0.0.1", 5);
      const [, w] = yield* openConnection("127.0.0.1", 5);
      const t = w.transport;
      w.write(new Uint8Array(1_000_000));
      log.push(`buffered ${t.getWriteBufferSize()}`);
      loop.callLater(5, () => readerGo.setResult(undefined));
      yield* w.drain();
      log.push(`drained at ${loop.time().toFixed(2)}, buffered ${t.getWriteBufferSize()}`);
      w.close();
      yield* w.waitClosed();
      yield* sleep(1);
      return log;
    });
    // the window (10,000) plus the reader's 2 × 64 KiB before it pauses its transport are out; the rest waits
    expect(got[0]).toBe("buffered 990000");
    expect(got[1]).toMatch(/^drained at 5\.\d\d, buffered \d+$/);
    expect(Number(got[1].split(" ").at(-1))).toBeLessThanOrEqual(16384);
    expect(got[2]).toMatch(/^server read 1000000 by 5\.\d\d$/);
  });

  it("pauseReading holds arrived data and back-pressures the writer's protocol", () => {
    const loop = memLoop({ bufferSize: 100 });
    const got = run(loop, function* () {
      const serverSide = loop.createFuture<Recorder>();
      const server = yield* loop.createServer(() => {
        const r = new Recorder(loop);
        serverSide.setResult(r);
        return r;
      }, "127.0.0.1", 3);
      const client = new Recorder(loop);
      const [t] = yield* loop.createConnection(() => client, "127.0.0.1", 3);
      const peer = yield* serverSide;
      yield* peer.made;
      peer.transport.pauseReading();
      t.setWriteBufferLimits(50);
      t.write(new Uint8Array(300));
      yield* sleep(1);
      const held = [peer.bytes, t.getWriteBufferSize(), client.log.slice(1)];
      peer.transport.resumeReading();
      yield* peer.untilBytes(300);
      t.close();
      server.close();
      return [held, client.log.slice(1), peer.bytes];
    });
    expect(got).toEqual([[0, 200, ["pauseWriting"]], ["pauseWriting", "resumeWriting"], 300]);
  });
});

describe("MemoryNetwork: endings and faults", () => {
  function* pair(loop: EventLoop) {
    const serverSide = loop.createFuture<Recorder>();
    const server = yield* loop.createServer(() => {
      const r = new Recorder(loop);
      serverSide.setResult(r);
      return r;
    }, "127.0.0.1", 4);
    const client = new Recorder(loop);
    yield* loop.createConnection(() => client, "127.0.0.1", 4);
    const peer = yield* serverSide;
    yield* peer.made;
    return { server, client, peer };
  }

  it("half-close: writeEof reaches the peer as EOF, which can still answer", () => {
    const loop = memLoop({ latency: 0.1 });
    const got = run(loop, function* () {
      const { client, peer } = yield* pair(loop);
      peer.keepOpenOnEof = true;
      client.transport.write(b("question"));
      client.transport.writeEof();
      yield* peer.eof;
      peer.transport.write(b("answer"));
      peer.transport.close();
      yield* client.lost;
      return [peer.log, client.log, loop.time()];
    });
    expect(got).toEqual([
      ["connectionMade", "data question", "eof", "lost null"],
      ["connectionMade", "data answer", "eof", "lost null"],
      0.4,
    ]);
  });

  it("closing with unread data resets the peer (as a kernel does)", () => {
    const loop = memLoop({ latency: 0.1 });
    const got = run(loop, function* () {
      const { client, peer } = yield* pair(loop);
      peer.transport.pauseReading();
      client.transport.write(b("never read"));
      yield* sleep(0.5);
      peer.transport.close();
      const exc = yield* client.lost;
      return [exc?.name, exc?.message, loop.time().toFixed(2)];
    });
    expect(got).toEqual(["ConnectionResetError", "[Errno 104] Connection reset by peer", "0.80"]);
  });

  it("data sent to a closed end is answered with a reset", () => {
    const loop = memLoop({ latency: 0.1 });
    const got = run(loop, function* () {
      const { client, peer } = yield* pair(loop);
      client.keepOpenOnEof = true;
      peer.transport.close();
      yield* client.eof;
      client.transport.write(b("too late"));
      return (yield* client.lost)?.name;
    });
    expect(got).toBe(ConnectionResetError.name);
  });

  it("resetAndDestroy through the extra 'socket' resets the peer; destroy closes it", () => {
    const loop = memLoop({ latency: 0.1 });
    const got = run(loop, function* () {
      const one = yield* pair(loop);
      const sock = one.peer.transport.getExtraInfo("socket") as MemorySocket;
      expect(sock).toBeInstanceOf(MemorySocket);
      sock.resetAndDestroy();
      const e1 = yield* one.client.lost;
      const own1 = yield* one.peer.lost;
      one.server.close();
      const two = yield* pair(loop);
      (two.peer.transport.getExtraInfo("socket") as MemorySocket).destroy();
      const e2 = yield* two.client.lost;
      const own2 = yield* two.peer.lost;
      return [e1?.name, own1, two.client.log, e2, own2];
    });
    expect(got).toEqual(["ConnectionResetError", null, ["connectionMade", "eof", "lost null"], null, null]);
  });

  it("abort drops what is buffered; the peer sees EOF", () => {
    const loop = memLoop({ latency: 0.1, bufferSize: 10 });
    const got = run(loop, function* () {
      const { client, peer } = yield* pair(loop);
      client.transport.write(new Uint8Array(100));
      client.transport.abort();
      yield* peer.lost;
      return [peer.bytes, peer.log.slice(-2)];
    });
    expect(got).toEqual([10, ["eof", "lost null"]]);
  });

  it("a server closed with clients connected keeps them; waitClosed waits for the last", () => {
    const loop = memLoop({ latency: 0.1 });
    const got = run(loop, function* () {
      const { server, client, peer } = yield* pair(loop);
      server.close();
      const waiting = loop.createTask(server.waitClosed());
      yield* sleep(1);
      const before = waiting.done();
      client.transport.write(b("still talking"));
      yield* peer.until("still talking");
      client.transport.close();
      yield* waiting;
      return [before, loop.time().toFixed(1)];
    });
    expect(got).toEqual([false, "1.4"]);
  });
});

describe("MemoryNetwork and loops", () => {
  it("connects two loops: each end's events run on its own loop", async () => {
    const net = new MemoryNetwork({ latency: 0.01 });
    const a = new EventLoop({ network: net });
    const b2 = new EventLoop({ network: net });
    const serverDone = b2.runUntilComplete(
      (function* () {
        const got = b2.createFuture<string>();
        const server = yield* startServer(function* (r, w) {
          const line = yield* r.readline();
          w.write(line);
          got.setResult(s(line));
        }, "127.0.0.1", 6000);
        const line = yield* got;
        yield* sleep(0.05);
        server.close();
        return line;
      })(),
    );
    const reply = await a.runUntilComplete(
      (function* () {
        yield* sleep(0.01); // the server is listening by now
        const [r, w] = yield* openConnection("127.0.0.1", 6000);
        w.write("across loops\n");
        return s(yield* r.readline());
      })(),
    );
    expect(reply).toBe("across loops\n");
    expect(await serverDone).toBe("across loops\n");
    a.close();
    b2.close();
  });
});
