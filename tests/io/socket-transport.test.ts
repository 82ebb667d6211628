// SocketTransport over real Node sockets (127.0.0.1, port 0): protocol calls in asyncio's
// order, write flow control, pause/resume reading, half-close, close/abort, failures, extra
// information and TLS. Every step waits for the event it needs, never for time.
import { describe, expect, it } from "vitest";
import {
  BrokenPipeError,
  BufferedProtocol,
  ConnectionResetError,
  EventLoop,
  NotImplementedError,
  RuntimeError,
  Future,
  type Transport,
} from "../../src/index.js";
import { Recorder, TLS_CERT, TLS_KEY, b, onRealLoop, s } from "./net-fixtures.js";

/** A server whose connections get Recorders, and one client connected to it. */
function* connectedPair(loop: EventLoop, options: { tls?: boolean } = {}) {
  const accepted: Recorder[] = [];
  const firstAccepted = loop.createFuture<Recorder>();
  const server = yield* loop.createServer(
    () => {
      const r = new Recorder(loop, "server");
      accepted.push(r);
      if (!firstAccepted.done()) firstAccepted.setResult(r);
      return r;
    },
    "127.0.0.1",
    0,
    options.tls ? { tls: { key: TLS_KEY, cert: TLS_CERT } } : {},
  );
  const client = new Recorder(loop, "client");
  const [transport] = yield* loop.createConnection(
    () => client,
    "127.0.0.1",
    server.sockets[0].port,
    options.tls ? { tls: { ca: TLS_CERT } } : {},
  );
  const peer = yield* firstAccepted;
  yield* peer.made;
  return { server, client, transport, peer, accepted };
}

describe("SocketTransport: the protocol's calls", () => {
  it("runs connectionMade before createConnection returns, then data, eof, connectionLost(null)", async () => {
    const log = await onRealLoop(function* (loop) {
      const { server, client, transport, peer } = yield* connectedPair(loop);
      expect(client.log).toEqual(["connectionMade"]);
      expect(transport.getProtocol()).toBe(client);
      peer.transport.write(b("hello"));
      peer.transport.close();
      yield* client.lost;
      yield* peer.lost;
      server.close();
      yield* server.waitClosed();
      return { client: client.log, peer: peer.log };
    });
    expect(log.client).toEqual(["connectionMade", "data hello", "eof", "lost null"]);
    expect(log.peer).toEqual(["connectionMade", "lost null"]);
  });

  it("keeps the write side open when eofReceived returns true (half-close)", async () => {
    const out = await onRealLoop(function* (loop) {
      const { server, client, transport, peer } = yield* connectedPair(loop);
      peer.keepOpenOnEof = true;
      expect(transport.canWriteEof()).toBe(true);
      transport.write(b("request"));
      transport.writeEof();
      yield* peer.eof;
      expect(peer.transport.isClosing()).toBe(false);
      peer.transport.write(b("reply after eof"));
      peer.transport.close();
      yield* client.lost;
      yield* peer.lost;
      server.close();
      return [client.received, peer.log];
    });
    expect(out).toEqual(["reply after eof", ["connectionMade", "data request", "eof", "lost null"]]);
  });

  it("write after writeEof raises RuntimeError; writeEof twice is a no-op", async () => {
    await onRealLoop(function* (loop) {
      const { server, transport, peer } = yield* connectedPair(loop);
      transport.writeEof();
      transport.writeEof();
      expect(() => transport.write(b("x"))).toThrow(new RuntimeError("Cannot call write() after write_eof()"));
      expect(() => transport.writelines([b("x")])).toThrow(RuntimeError);
      yield* peer.lost;
      server.close();
    });
  });

  it("close() sends what is buffered first, then connectionLost(null) on both ends", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server, client, transport, peer } = yield* connectedPair(loop);
      const big = new Uint8Array(4 * 1024 * 1024).fill(97);
      transport.write(big);
      transport.close();
      expect(transport.isClosing()).toBe(true);
      yield* peer.lost;
      yield* client.lost;
      server.close();
      return [peer.bytes, client.log.at(-1)];
    });
    expect(got).toEqual([4 * 1024 * 1024, "lost null"]);
  });

  it("abort() drops the buffer and calls connectionLost(null) once", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server, client, transport, peer } = yield* connectedPair(loop);
      peer.transport.pauseReading();
      transport.write(new Uint8Array(16 * 1024 * 1024));
      expect(transport.getWriteBufferSize()).toBeGreaterThan(0);
      transport.abort();
      transport.abort();
      transport.close();
      expect(transport.getWriteBufferSize()).toBe(0);
      const exc = yield* client.lost;
      peer.transport.resumeReading();
      yield* peer.lost;
      server.close();
      return [exc, client.log.filter((l) => l.startsWith("lost")).length, peer.bytes < 16 * 1024 * 1024];
    });
    expect(got).toEqual([null, 1, true]);
  });

  it("writes to a lost connection are dropped; getProtocol() is null after connectionLost", async () => {
    await onRealLoop(function* (loop) {
      const { server, client, transport } = yield* connectedPair(loop);
      transport.close();
      yield* client.lost;
      for (let i = 0; i < 3; i++) transport.write(b("dropped"));
      expect(transport.getProtocol()).toBe(null);
      expect(transport.getWriteBufferSize()).toBe(0);
      server.close();
    });
  });

  it("a peer reset gives connectionLost(ConnectionResetError)", async () => {
    const exc = await onRealLoop(function* (loop) {
      const { server, client, peer } = yield* connectedPair(loop);
      const sock = peer.transport.getExtraInfo("socket") as { resetAndDestroy(): void };
      sock.resetAndDestroy();
      const e = yield* client.lost;
      yield* peer.lost; // the side that reset sees a plain close
      server.close();
      return [e, peer.log.at(-1)];
    });
    expect(exc[0]).toBeInstanceOf(ConnectionResetError);
    expect((exc[0] as Error).message).toMatch(/^\[Errno \d+\] Connection reset by peer$/);
    expect(exc[1]).toBe("lost null");
  });

  it("writing to a peer that is gone ends in connectionLost with BrokenPipeError or ConnectionResetError", async () => {
    const exc = await onRealLoop(function* (loop) {
      const { server, client, transport, peer } = yield* connectedPair(loop);
      client.keepOpenOnEof = true;
      peer.transport.abort();
      yield* peer.lost;
      yield* client.eof;
      // the first write is answered with a reset; a later one fails
      while (!client.lost.done()) {
        transport.write(new Uint8Array(65536));
        yield;
      }
      server.close();
      return yield* client.lost;
    });
    expect(exc instanceof BrokenPipeError || exc instanceof ConnectionResetError).toBe(true);
  });

  it("a throwing dataReceived is reported and the connection is lost with that error", async () => {
    const contexts: any[] = [];
    const exc = await onRealLoop(function* (loop) {
      loop.setExceptionHandler((_l, c) => contexts.push(c));
      const { server, client, peer } = yield* connectedPair(loop);
      client.dataReceived = () => {
        throw new RangeError("bad data");
      };
      peer.transport.write(b("x"));
      const e = yield* client.lost;
      server.close();
      return e;
    });
    expect((exc as Error).message).toBe("bad data");
    expect(contexts.map((c) => c.message)).toEqual(["Fatal error: protocol.data_received() call failed."]);
  });

  it("refuses to write what is not bytes, naming the call", async () => {
    await onRealLoop(function* (loop) {
      const { server, transport } = yield* connectedPair(loop);
      expect(() => transport.write(42 as never)).toThrow(/Transport.write: data must be a Uint8Array/);
      transport.write("strings go as UTF-8 ✓");
      transport.close();
      server.close();
    });
  });

  it("takes a BufferedProtocol: bytes are copied into its buffer", async () => {
    const got = await onRealLoop(function* (loop) {
      const server = yield* loop.createServer(() => {
        const p = new Recorder(loop);
        const orig = p.connectionMade.bind(p);
        p.connectionMade = (t: Transport) => {
          orig(t);
          t.write(b("0123456789"));
          t.close();
        };
        return p;
      }, "127.0.0.1", 0);
      const chunks: string[] = [];
      const done = loop.createFuture<void>();
      class Small extends BufferedProtocol {
        buf = new Uint8Array(4);
        getBuffer() {
          return this.buf;
        }
        bufferUpdated(n: number) {
          chunks.push(s(this.buf.subarray(0, n)));
        }
        override connectionLost() {
          done.setResult(undefined);
        }
      }
      yield* loop.createConnection(() => new Small(), "127.0.0.1", server.sockets[0].port);
      yield* done;
      server.close();
      return chunks.join("");
    });
    expect(got).toBe("0123456789");
  });

  it("gives peername, sockname and socket as extra information", async () => {
    const info = await onRealLoop(function* (loop) {
      const { server, transport, peer } = yield* connectedPair(loop);
      const out = {
        peer: transport.getExtraInfo("peername"),
        sock: transport.getExtraInfo("sockname"),
        serverPeer: peer.transport.getExtraInfo("peername"),
        port: server.sockets[0].port,
        hasSocket: transport.getExtraInfo("socket") !== null,
        sslcontext: transport.getExtraInfo("sslcontext"),
      };
      transport.close();
      server.close();
      return out;
    });
    expect(info.peer).toEqual(["127.0.0.1", info.port]);
    expect((info.sock as unknown[])[0]).toBe("127.0.0.1");
    expect(info.serverPeer).toEqual(info.sock);
    expect(info.hasSocket).toBe(true);
    expect(info.sslcontext).toBe(null);
  });
});

describe("SocketTransport: flow control", () => {
  it("pauses writing over the high-water mark and resumes at the low one, once each", async () => {
    const log = await onRealLoop(function* (loop) {
      const { server, client, transport, peer } = yield* connectedPair(loop);
      peer.transport.pauseReading();
      const total = 32 * 1024 * 1024;
      transport.write(new Uint8Array(total));
      expect(client.log).toContain("pauseWriting");
      expect(transport.getWriteBufferSize()).toBeGreaterThan(64 * 1024);
      peer.transport.resumeReading();
      yield* peer.untilBytes(total);
      transport.close();
      yield* client.lost;
      server.close();
      return client.log;
    });
    expect(log.filter((l) => l.endsWith("Writing"))).toEqual(["pauseWriting", "resumeWriting"]);
  });

  it("setWriteBufferLimits(0) pauses whenever anything is buffered", async () => {
    await onRealLoop(function* (loop) {
      const { server, client, transport, peer } = yield* connectedPair(loop);
      transport.setWriteBufferLimits(0);
      expect(transport.getWriteBufferLimits()).toEqual([0, 0]);
      peer.transport.pauseReading();
      transport.write(new Uint8Array(32 * 1024 * 1024));
      expect(client.log).toContain("pauseWriting");
      transport.abort();
      server.close();
    });
  });

  it("pauseReading stops dataReceived until resumeReading; isReading says which", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server, client, transport, peer } = yield* connectedPair(loop);
      client.transport.pauseReading();
      expect(transport.isReading()).toBe(false);
      peer.transport.write(b("held"));
      // the peer's bytes are sent and a whole round trip passes: still nothing delivered
      transport.write(b("ping"));
      yield* peer.until("ping");
      peer.transport.write(b("!"));
      transport.write(b("ping2"));
      yield* peer.until("ping2");
      const before = client.received;
      transport.resumeReading();
      expect(transport.isReading()).toBe(true);
      yield* client.until("held!");
      transport.close();
      server.close();
      return [before, client.received];
    });
    expect(got).toEqual(["", "held!"]);
  });

  it("a paused reader makes the peer's writes back up to pauseWriting (the host's back-pressure)", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server, client, peer } = yield* connectedPair(loop);
      client.transport.pauseReading();
      let pausedAt = -1;
      peer.pauseWriting = () => {
        pausedAt = peer.transport.getWriteBufferSize();
      };
      const chunk = new Uint8Array(64 * 1024);
      let sent = 0;
      while (pausedAt < 0) {
        peer.transport.write(chunk);
        sent += chunk.length;
        yield;
      }
      client.transport.resumeReading();
      yield* client.untilBytes(sent);
      client.transport.close();
      server.close();
      return [pausedAt > 64 * 1024, client.bytes === sent];
    });
    expect(got).toEqual([true, true]);
  });
});

describe("SocketTransport over TLS", () => {
  it("echoes, cannot half-close, and gives the TLS extra information", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server, client, transport, peer } = yield* connectedPair(loop, { tls: true });
      transport.write(b("secret"));
      yield* peer.until("secret");
      peer.transport.write(b("reply"));
      yield* client.until("reply");
      const info = {
        canWriteEof: transport.canWriteEof(),
        cipher: transport.getExtraInfo("cipher"),
        ssl: transport.getExtraInfo("sslcontext") !== null,
        peercert: (transport.getExtraInfo("peercert") as { subject?: { CN?: string } }).subject?.CN,
      };
      expect(() => transport.writeEof()).toThrow(NotImplementedError);
      transport.close();
      yield* peer.lost;
      yield* client.lost;
      server.close();
      return info;
    });
    expect(got.canWriteEof).toBe(false);
    expect(got.ssl).toBe(true);
    expect(got.peercert).toBe("localhost");
    expect((got.cipher as unknown[])[1]).toMatch(/^TLSv1\.[23]$/);
  });

  it("an eofReceived that asks to stay open over TLS is overruled: the transport closes", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server, client, peer } = yield* connectedPair(loop, { tls: true });
      client.keepOpenOnEof = true;
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (m: string) => warnings.push(m);
      try {
        peer.transport.close();
        yield* client.lost;
      } finally {
        console.warn = warn;
      }
      server.close();
      return [client.log, warnings];
    });
    expect(got[0]).toEqual(["connectionMade", "eof", "lost null"]);
    expect(got[1]).toEqual(["returning true from eof_received() has no effect when using ssl"]);
  });
});

describe("SocketTransport and the loop", () => {
  it("closing the loop releases open connections and servers (the process can exit)", async () => {
    const loop = new EventLoop();
    const [lost] = await loop.runUntilComplete(
      (function* () {
        const { client } = yield* connectedPair(loop);
        return [client.lost];
      })(),
    );
    loop.close();
    expect(lost).toBeInstanceOf(Future);
    expect(lost.done()).toBe(false);
  });
});
