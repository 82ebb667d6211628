// Faults, asyncio-shaped, on real sockets and on the in-memory network: connection refused,
// a peer reset in the middle of a read, writing after close, a server closed with clients
// connected, abort. After each the loop keeps working, and nothing that was acknowledged
// (written, drained, closed and waited for) is lost.
import { describe, expect, it } from "vitest";
import {
  ConnectionRefusedError,
  ConnectionResetError,
  EventLoop,
  MemoryNetwork,
  openConnection,
  sleep,
  startServer,
  type Server,
} from "../../src/index.js";
import { Recorder, onRealLoop, s } from "./net-fixtures.js";

/** Both networks: real sockets on a real clock, and the in-memory network on a virtual clock. */
const NETWORKS: [string, () => EventLoop][] = [
  ["real sockets", () => new EventLoop()],
  ["in-memory network", () => new EventLoop({ clock: "virtual", network: new MemoryNetwork({ latency: 0.001 }) })],
];

async function on<T>(make: () => EventLoop, body: (loop: EventLoop) => Generator<unknown, T, any>): Promise<T> {
  const loop = make();
  try {
    return await loop.runUntilComplete(body(loop));
  } finally {
    loop.close();
  }
}

/** An echo server, and proof that the loop still serves: one line through a fresh connection. */
function* echo() {
  return yield* startServer(function* (r, w) {
    for (;;) {
      const line = yield* r.readline();
      if (line.length === 0) break;
      w.write(line);
    }
    w.close();
  }, "127.0.0.1", 0);
}

function* stillWorks(server: Server): Generator<unknown, string, any> {
  const [r, w] = yield* openConnection("127.0.0.1", server.sockets[0].port);
  w.write("still works\n");
  const line = s(yield* r.readline());
  w.close();
  yield* w.waitClosed();
  return line;
}

for (const [name, make] of NETWORKS) {
  describe(`faults on ${name}`, () => {
    it("connection refused: ConnectionRefusedError from openConnection and createConnection", async () => {
      const got = await on(make, function* (loop) {
        const server = yield* echo();
        const port = server.sockets[0].port;
        server.close();
        yield* server.waitClosed();
        const names: string[] = [];
        for (const attempt of [() => openConnection("127.0.0.1", port), () => loop.createConnection(() => new Recorder(loop), "127.0.0.1", port)]) {
          try {
            yield* attempt();
          } catch (e) {
            names.push(e instanceof ConnectionRefusedError ? e.name : String(e));
          }
        }
        const again = yield* echo();
        const line = yield* stillWorks(again);
        again.close();
        return [names, line];
      });
      expect(got).toEqual([["ConnectionRefusedError", "ConnectionRefusedError"], "still works\n"]);
    });

    it("peer reset mid-read: the reader and connectionLost get ConnectionResetError", async () => {
      const got = await on(make, function* (loop) {
        const server = yield* startServer(function* (r, w) {
          w.write("half a messa");
          yield* r.readline(); // the client has the bytes
          (w.getExtraInfo("socket") as { resetAndDestroy(): void }).resetAndDestroy();
        }, "127.0.0.1", 0);
        const [reader, writer] = yield* openConnection("127.0.0.1", server.sockets[0].port);
        const first = s(yield* reader.readexactly(4));
        writer.write("ack\n");
        let readErr = "";
        try {
          yield* reader.readexactly(100);
        } catch (e) {
          readErr = (e as Error).name;
        }
        // a protocol sees the same through connectionLost
        const rec = new Recorder(loop);
        const server2 = yield* loop.createServer(() => {
          const p = new Recorder(loop);
          p.connectionMade = (t) => {
            p.transport = t;
            (t.getExtraInfo("socket") as { resetAndDestroy(): void }).resetAndDestroy();
          };
          return p;
        }, "127.0.0.1", 0);
        yield* loop.createConnection(() => rec, "127.0.0.1", server2.sockets[0].port);
        const lost = yield* rec.lost;
        server2.close();
        const again = yield* echo();
        const line = yield* stillWorks(again);
        server.close();
        again.close();
        return [first, readErr, lost instanceof ConnectionResetError ? lost.name : String(lost), line];
      });
      expect(got).toEqual(["half", "ConnectionResetError", "ConnectionResetError", "still works\n"]);
    });

    it("write after close: the bytes are dropped, drain() raises ConnectionResetError('Connection lost')", async () => {
      const got = await on(make, function* () {
        const server = yield* echo();
        const [r, w] = yield* openConnection("127.0.0.1", server.sockets[0].port);
        w.write("before close\n");
        w.close();
        w.write("after close\n"); // no error: asyncio drops it (and warns after 5)
        let drainErr = "";
        try {
          yield* w.drain();
        } catch (e) {
          drainErr = `${(e as Error).name}: ${(e as Error).message}`;
        }
        const rest = yield* r.read();
        const line = yield* stillWorks(server);
        server.close();
        return [drainErr, s(rest), line];
      });
      expect(got[0]).toBe("ConnectionResetError: Connection lost");
      // the read side closed with the transport: what the reader holds is what arrived before
      expect(["", "before close\n"]).toContain(got[1]);
      expect(got[2]).toBe("still works\n");
    });

    it("server closed with clients connected: they keep talking, new ones are refused, waitClosed waits", async () => {
      const got = await on(make, function* (loop) {
        const server = yield* echo();
        const port = server.sockets[0].port;
        const [r, w] = yield* openConnection("127.0.0.1", port);
        // accepted before the close (the connect and the accept are separate host events)
        w.write("before server close\n");
        yield* r.readline();
        server.close();
        const waiting = loop.createTask(server.waitClosed());
        let refused = "";
        try {
          yield* openConnection("127.0.0.1", port);
        } catch (e) {
          refused = (e as Error).name;
        }
        w.write("after server close\n");
        const line = s(yield* r.readline());
        const waitedBefore = waiting.done();
        w.close();
        yield* waiting;
        return [refused, line, waitedBefore, server.isServing()];
      });
      expect(got).toEqual(["ConnectionRefusedError", "after server close\n", false, false]);
    });

    it("abort: connectionLost(null) once, the peer sees the end, the loop goes on", async () => {
      const got = await on(make, function* (loop) {
        const server = yield* echo();
        const sink = yield* startServer(function* (r, w) {
          yield* r.read();
          w.close();
        }, "127.0.0.1", 0);
        const rec = new Recorder(loop);
        const [t] = yield* loop.createConnection(() => rec, "127.0.0.1", sink.sockets[0].port);
        t.write(new Uint8Array(1 << 20).fill(0x61));
        t.abort();
        const lost = yield* rec.lost;
        yield* sleep(0.01);
        const line = yield* stillWorks(server);
        server.close();
        sink.close();
        yield* sink.waitClosed();
        return [lost, rec.log.filter((l) => l.startsWith("lost")), t.isClosing(), line];
      });
      expect(got).toEqual([null, ["lost null"], true, "still works\n"]);
    });

    it("nothing acknowledged is lost: what was written before close() and waitClosed() all arrives", async () => {
      const SIZE = 8 * 1024 * 1024;
      const got = await on(make, function* (loop) {
        const received = loop.createFuture<number>();
        const server = yield* startServer(function* (r, w) {
          const all = yield* r.read();
          received.setResult(all.length);
          w.close();
        }, "127.0.0.1", 0);
        const [, w] = yield* openConnection("127.0.0.1", server.sockets[0].port);
        const data = new Uint8Array(SIZE);
        for (let off = 0; off < SIZE; off += 65536) {
          w.write(data.subarray(off, off + 65536));
          yield* w.drain();
        }
        w.close();
        yield* w.waitClosed();
        const n = yield* received;
        server.close();
        yield* server.waitClosed();
        return n;
      });
      expect(got).toBe(SIZE);
    });
  });
}

describe("faults: the loop and its exception handler", () => {
  it("none of the faults above reaches the exception handler (OSErrors are the connection's, as in asyncio)", async () => {
    const contexts: unknown[] = [];
    await onRealLoop(function* (loop) {
      loop.setExceptionHandler((_l, c) => contexts.push(c));
      const server = yield* startServer(function* (_r, w) {
        (w.getExtraInfo("socket") as { resetAndDestroy(): void }).resetAndDestroy();
      }, "127.0.0.1", 0);
      const [r] = yield* openConnection("127.0.0.1", server.sockets[0].port);
      try {
        yield* r.read();
      } catch {
        // ConnectionResetError
      }
      server.close();
      yield* server.waitClosed();
    });
    expect(contexts).toEqual([]);
  });
});
