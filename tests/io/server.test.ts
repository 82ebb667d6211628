// Server (asyncio 3.12.1's base_events.Server) on real sockets: sockets, isServing,
// close/waitClosed in either order, startServing: false, serveForever, async with, and
// what closing the loop releases.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  ConnectionRefusedError,
  EventLoop,
  Server,
  asyncWith,
  gather,
  openConnection,
  sleep,
  startServer,
} from "../../src/index.js";
import { Recorder, b, onRealLoop } from "./net-fixtures.js";

function* recorderServer(loop: EventLoop, options = {}) {
  const accepted: Recorder[] = [];
  const server = yield* loop.createServer(
    () => {
      const r = new Recorder(loop);
      accepted.push(r);
      return r;
    },
    "127.0.0.1",
    0,
    options,
  );
  return { server, accepted };
}

describe("Server", () => {
  it("lists its sockets, serves, and answers getLoop", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server } = yield* recorderServer(loop);
      const info = { sockets: server.sockets, serving: server.isServing(), loop: server.getLoop() === loop };
      server.close();
      return { ...info, after: server.sockets, servingAfter: server.isServing() };
    });
    expect(got.sockets).toHaveLength(1);
    expect(got.sockets[0]).toMatchObject({ family: "IPv4", host: "127.0.0.1" });
    expect(got.sockets[0].port).toBeGreaterThan(0);
    expect(got.serving).toBe(true);
    expect(got.loop).toBe(true);
    expect(got.after).toEqual([]);
    expect(got.servingAfter).toBe(false);
  });

  it("close() refuses new connections but leaves open ones; waitClosed waits for them", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server, accepted } = yield* recorderServer(loop);
      const port = server.sockets[0].port;
      const client = new Recorder(loop);
      const [t] = yield* loop.createConnection(() => client, "127.0.0.1", port);
      // accepted before the close: the connect and the accept are separate host events
      while (accepted.length === 0) yield;
      yield* accepted[0].made;
      server.close();
      server.close(); // idempotent
      let refused = "";
      try {
        yield* openConnection("127.0.0.1", port);
      } catch (e) {
        refused = (e as Error).name;
      }
      // still connected: the accepted side answers
      accepted[0].transport.write(b("still here"));
      yield* client.until("still here");
      const waiting = loop.createTask(server.waitClosed());
      yield* sleep(0);
      const doneBefore = waiting.done();
      t.close();
      yield* waiting;
      return [refused, doneBefore];
    });
    expect(got).toEqual(["ConnectionRefusedError", false]);
  });

  it("waitClosed returns once closed with no connections, and at once when called after", async () => {
    await onRealLoop(function* (loop) {
      const { server } = yield* recorderServer(loop);
      const w = loop.createTask(server.waitClosed());
      yield* sleep(0);
      expect(w.done()).toBe(false);
      server.close();
      yield* w;
      yield* server.waitClosed();
    });
  });

  it("waitClosed does not return while the server is open, even with no connections (3.12.1)", async () => {
    await onRealLoop(function* (loop) {
      const { server } = yield* recorderServer(loop);
      const w = loop.createTask(server.waitClosed());
      for (let i = 0; i < 3; i++) yield* sleep(0);
      expect(w.done()).toBe(false);
      server.close();
      yield* w;
    });
  });

  it("with startServing: false holds arriving connections until startServing()", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server, accepted } = yield* recorderServer(loop, { startServing: false });
      expect(server.isServing()).toBe(false);
      const client = new Recorder(loop);
      yield* loop.createConnection(() => client, "127.0.0.1", server.sockets[0].port);
      yield* sleep(0);
      const before = accepted.length;
      yield* server.startServing();
      expect(server.isServing()).toBe(true);
      while (accepted.length === 0) yield;
      yield* accepted[0].made;
      client.transport.close();
      server.close();
      return before;
    });
    expect(got).toBe(0);
  });

  it("closing a server that never served drops the connections that waited", async () => {
    const exc = await onRealLoop(function* (loop) {
      const { server } = yield* recorderServer(loop, { startServing: false });
      const client = new Recorder(loop);
      yield* loop.createConnection(() => client, "127.0.0.1", server.sockets[0].port);
      server.close();
      return yield* client.lost;
    });
    expect(exc === null || (exc as Error).name === "ConnectionResetError").toBe(true);
  });

  it("serveForever runs until cancelled, then closes the server and raises CancelledError", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server } = yield* recorderServer(loop, { startServing: false });
      const task = loop.createTask(server.serveForever());
      yield* sleep(0);
      const serving = server.isServing();
      let second = "";
      try {
        yield* server.serveForever();
      } catch (e) {
        second = (e as Error).message;
      }
      task.cancel();
      yield* gather(task, { returnExceptions: true });
      return [serving, second, task.cancelled(), server.isServing(), server.sockets.length];
    });
    expect(got[0]).toBe(true);
    expect(got[1]).toMatch(/^server <Server sockets=\(<socket laddr=\('127\.0\.0\.1', \d+\)>,\)> is already being awaited on serve_forever\(\)$/);
    expect(got.slice(2)).toEqual([true, false, 0]);
  });

  it("close() cancels a serveForever", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server } = yield* recorderServer(loop);
      const task = loop.createTask(server.serveForever());
      yield* sleep(0);
      server.close();
      yield* gather(task, { returnExceptions: true });
      return task.cancelled();
    });
    expect(got).toBe(true);
  });

  it("serveForever on a closed server raises RuntimeError", async () => {
    const msg = await onRealLoop(function* (loop) {
      const { server } = yield* recorderServer(loop);
      server.close();
      try {
        yield* server.serveForever();
      } catch (e) {
        return [(e as Error).name, (e as Error).message];
      }
      return null;
    });
    expect(msg).toEqual(["RuntimeError", "server <Server sockets=()> is closed"]);
  });

  it("works in asyncWith: the body gets the server, leaving closes and waits for it", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server } = yield* recorderServer(loop);
      const inside = yield* asyncWith(server, function* (s) {
        return s === server && s.isServing();
      });
      return [inside, server.isServing(), server.sockets.length];
    });
    expect(got).toEqual([true, false, 0]);
  });

  it("listens on each host of an array", async () => {
    const got = await onRealLoop(function* (loop) {
      const server = yield* loop.createServer(() => new Recorder(loop), ["127.0.0.1", "127.0.0.2"], 0);
      const hosts = server.sockets.map((x) => x.host);
      server.close();
      return hosts;
    });
    expect(got).toEqual(["127.0.0.1", "127.0.0.2"]);
  });

  it("binding an address in use raises OSError with asyncio's message, and the loop goes on", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server } = yield* recorderServer(loop);
      const port = server.sockets[0].port;
      let err: Error | null = null;
      try {
        yield* loop.createServer(() => new Recorder(loop), "127.0.0.1", port);
      } catch (e) {
        err = e as Error;
      }
      yield* sleep(0);
      server.close();
      return [err?.name, err?.message.replace(String(port), "PORT")];
    });
    expect(got).toEqual([
      "OSError",
      "[Errno 98] error while attempting to bind on address ('127.0.0.1', PORT): address already in use",
    ]);
  });

  it("an accepted connection whose factory throws is dropped; the server goes on", async () => {
    const got = await onRealLoop(function* (loop) {
      let n = 0;
      const server = yield* loop.createServer(
        () => {
          if (n++ === 0) throw new RangeError("first one fails");
          return new Recorder(loop);
        },
        "127.0.0.1",
        0,
      );
      const port = server.sockets[0].port;
      const first = new Recorder(loop);
      yield* loop.createConnection(() => first, "127.0.0.1", port);
      const exc = yield* first.lost;
      const second = new Recorder(loop);
      yield* loop.createConnection(() => second, "127.0.0.1", port);
      while (n < 2) yield; // accepted (the connect and the accept are separate host events)
      second.transport.close();
      yield* second.lost;
      server.close();
      return [exc === null || (exc as Error).name === "ConnectionResetError", n];
    });
    expect(got).toEqual([true, 2]);
  });

  it("closeClients() closes every accepted connection still open, after what it buffered; then waitClosed() returns (3.13)", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server, accepted } = yield* recorderServer(loop);
      const port = server.sockets[0].port;
      const clients = [new Recorder(loop, "a"), new Recorder(loop, "b")];
      for (const c of clients) yield* loop.createConnection(() => c, "127.0.0.1", port);
      while (accepted.length < 2) yield;
      for (const r of accepted) yield* r.made;
      server.close();
      const waiting = loop.createTask(server.waitClosed());
      for (const r of accepted) r.transport.write(b("bye"));
      server.closeClients();
      const lost = [];
      for (const c of clients) lost.push(yield* c.lost);
      yield* waiting;
      return { received: clients.map((c) => c.received), lost: lost.map((e) => e === null), accepted: accepted.map((r) => r.log.at(-1)) };
    });
    expect(got).toEqual({ received: ["bye", "bye"], lost: [true, true], accepted: ["lost null", "lost null"] });
  });

  it("abortClients() aborts every accepted connection: each is lost at once and waitClosed() returns (3.13)", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server, accepted } = yield* recorderServer(loop);
      const port = server.sockets[0].port;
      const client = new Recorder(loop);
      yield* loop.createConnection(() => client, "127.0.0.1", port);
      while (accepted.length < 1) yield;
      yield* accepted[0].made;
      server.close();
      server.abortClients();
      const serverSide = yield* accepted[0].lost;
      yield* client.lost; // EOF or a reset: the connection ended
      yield* server.waitClosed();
      return serverSide;
    });
    expect(got).toBe(null);
  });

  it("closeClients() and abortClients() with no connection left do nothing, and the server stays usable", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server } = yield* recorderServer(loop);
      server.closeClients();
      server.abortClients();
      const serving = server.isServing();
      server.close();
      server.closeClients();
      yield* server.waitClosed();
      return serving;
    });
    expect(got).toBe(true);
  });

  it("is exported as a class with asyncio's methods", () => {
    for (const m of ["close", "waitClosed", "startServing", "serveForever", "isServing", "getLoop", "closeClients", "abortClients", "aenter", "aexit"]) {
      expect(typeof (Server.prototype as any)[m]).toBe("function");
    }
  });
});

describe("closing the loop", () => {
  it("releases servers and connections, so a script that forgets them still exits", () => {
    const script = `
      import { EventLoop, startServer, openConnection } from ${JSON.stringify(fileURLToPath(new URL("../../dist/index.js", import.meta.url)))};
      const loop = new EventLoop();
      await loop.runUntilComplete((function* () {
        const server = yield* startServer(function* (r, w) { yield* r.read(); }, "127.0.0.1", 0);
        const [r, w] = yield* openConnection("127.0.0.1", server.sockets[0].port);
        w.write("hello");
      })());
      loop.close();
      console.log("closed");
    `;
    // the built package (npm test builds first)
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 20_000,
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
    });
    expect(out).toBe("closed\n");
  });

  it("a connection refused reaches the task as ConnectionRefusedError and the loop stays usable", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server } = yield* recorderServer(loop);
      const port = server.sockets[0].port;
      server.close();
      let err: unknown = null;
      try {
        yield* openConnection("127.0.0.1", port);
      } catch (e) {
        err = e;
      }
      yield* sleep(0.001);
      const s2 = yield* startServer(() => {}, "127.0.0.1", 0);
      s2.close();
      return err;
    });
    expect(got).toBeInstanceOf(ConnectionRefusedError);
    expect((got as Error).message).toMatch(/^\[Errno 111\] Connect call failed \('127\.0\.0\.1', \d+\)$/);
  });

  it("cancelling a connect in flight drops the connection when it arrives", async () => {
    const got = await onRealLoop(function* (loop) {
      const { server, accepted } = yield* recorderServer(loop);
      const fut = loop.createTask(openConnection("127.0.0.1", server.sockets[0].port));
      yield* sleep(0); // its first step: the connect is in flight
      fut.cancel();
      yield* gather(fut, { returnExceptions: true });
      const cancelled = fut.cancelled();
      // the accepted side sees the connection go
      while (accepted.length === 0) yield;
      yield* accepted[0].lost;
      server.close();
      return cancelled;
    });
    expect(got).toBe(true);
  });
});

describe("Server over a host that releases listeners later (Deno)", () => {
  it("waitClosed waits until the host has released the closed listener", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const host = {
      runtime: "a test host",
      external: false,
      listen: async () => ({ address: { family: "IPv4" as const, host: "127.0.0.1", port: 1 }, close() {}, released }),
    };
    const loop = new EventLoop({ network: host });
    const got = await loop.runUntilComplete(
      (function* () {
        const server = yield* loop.createServer(() => ({}), "127.0.0.1", 1);
        server.close();
        const waiting = loop.createTask(server.waitClosed());
        yield* sleep(0.01);
        const before = waiting.done();
        release();
        yield* waiting;
        return [before, waiting.done()];
      })(),
    );
    loop.close();
    expect(got).toEqual([false, true]);
  });
});
