// The connect host (src/io/hosts/socket-connect.ts): Cloudflare Workers' connect() from
// cloudflare:sockets, or a function of its shape a host injects. Here the function is made of
// node:net and node:tls as Web streams (as an SES compartment's host would lend it); the real
// Workers runtime runs the same checks in the runtime matrix (workerd row).
import { afterEach, describe, expect, it } from "vitest";
import { connect as netConnect, isIP } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { Duplex } from "node:stream";
import {
  ConnectionRefusedError,
  EventLoop,
  NotImplementedError,
  OSError,
  openConnection,
  setConnect,
  sleep,
  startServer,
  type ConnectSocketOptions,
  type SocketConnect,
} from "../../../src/index.js";
import { s } from "../net-fixtures.js";
import { readFileSync } from "node:fs";

const CA = readFileSync(new URL("../../fixtures/tls/ca.pem", import.meta.url), "utf8");
const LEAF = readFileSync(new URL("../../fixtures/tls/leaf.pem", import.meta.url), "utf8");
const LEAF_KEY = readFileSync(new URL("../../fixtures/tls/leaf-key.pem", import.meta.url), "utf8");

/** A connect() of cloudflare:sockets' shape over node:net/node:tls; records each call's options. */
function nodeBackedConnect(calls: ConnectSocketOptions[] = []): SocketConnect {
  return ({ hostname, port }, options) => {
    calls.push(options);
    const secure = options.secureTransport === "on";
    const sock = secure
      ? tlsConnect({ host: hostname, port, servername: isIP(hostname) ? undefined : hostname, ca: [CA], allowHalfOpen: options.allowHalfOpen })
      : netConnect({ host: hostname, port, allowHalfOpen: options.allowHalfOpen });
    const opened = new Promise<{ remoteAddress: string }>((resolve, reject) => {
      sock.once("error", reject);
      sock.once(secure ? "secureConnect" : "connect", () => resolve({ remoteAddress: `${sock.remoteAddress}:${sock.remotePort}` }));
    });
    const { readable, writable } = Duplex.toWeb(sock);
    return { readable, writable, opened, close: () => void sock.destroy() } as never;
  };
}

/** A server on the runtime's own sockets (Node here) that echoes lines. */
function* echoServer(tls?: object) {
  return yield* startServer(
    function* (r, w) {
      for (let line; (line = yield* r.readline()).length > 0; ) w.write(line);
      w.close();
    },
    "127.0.0.1",
    0,
    tls ? { tls } : {},
  );
}

/** Runs `body` on a loop whose client connections go through `connect`; servers are the runtime's (a second loop). */
async function withConnect<T>(connect: SocketConnect, body: (loop: EventLoop, port: number, tlsPort: number) => Generator<unknown, T, any>, options = {}): Promise<T> {
  const serverLoop = new EventLoop();
  const servers = await serverLoop.runUntilComplete(
    (function* () {
      return [yield* echoServer(), yield* echoServer({ key: LEAF_KEY, cert: LEAF })];
    })(),
  );
  // the servers' loop must run while the client's does: drive it on the host alongside
  const serving = serverLoop.runForever();
  const loop = new EventLoop({ ...options, host: { connect } });
  try {
    return await loop.runUntilComplete(body(loop, servers[0].sockets[0].port, servers[1].sockets[0].port));
  } finally {
    loop.close();
    serverLoop.stop();
    await serving;
    for (const server of servers) server.close();
    serverLoop.close();
  }
}

function* failure(fn: () => Generator<unknown, unknown, any> | PromiseLike<unknown>) {
  try {
    yield* (fn() as Generator<unknown, unknown, any>);
  } catch (e) {
    return e as Error;
  }
  throw new Error("no error");
}

afterEach(() => setConnect(null));

describe("the connect host", () => {
  it("serves openConnection through the loop's host.connect: a line is echoed; peername comes from `opened`", async () => {
    const calls: ConnectSocketOptions[] = [];
    const got = await withConnect(nodeBackedConnect(calls), function* (_loop, port) {
      const [r, w] = yield* openConnection("127.0.0.1", port);
      w.write("via connect\n");
      const line = s(yield* r.readline());
      const peer = w.getExtraInfo("peername") as [string, number];
      w.close();
      yield* w.waitClosed();
      return [line, peer[0], peer[1] === port];
    });
    expect(got).toEqual(["via connect\n", "127.0.0.1", true]);
    expect(calls).toEqual([{ secureTransport: "off", allowHalfOpen: true }]);
  });

  it("tls: true asks for secureTransport 'on'; the platform (here the injected function) verifies", async () => {
    const calls: ConnectSocketOptions[] = [];
    const got = await withConnect(nodeBackedConnect(calls), function* (_loop, _port, tlsPort) {
      const [r, w] = yield* openConnection("127.0.0.1", tlsPort, { tls: true });
      w.write("secret\n");
      const line = s(yield* r.readline());
      const canWriteEof = w.canWriteEof();
      w.close();
      yield* w.waitClosed();
      return [line, canWriteEof];
    });
    expect(got).toEqual(["secret\n", false]);
    expect(calls).toEqual([{ secureTransport: "on", allowHalfOpen: true }]);
  });

  it("refuses TLS options connect() cannot honour, naming the option, before connecting", async () => {
    const calls: ConnectSocketOptions[] = [];
    const messages = await withConnect(nodeBackedConnect(calls), function* (_loop, port) {
      const out: string[] = [];
      for (const options of [{ tls: { ca: CA } }, { tls: true, serverHostname: "example.com" }, { tls: true, serverHostname: "" }, { tls: { rejectUnauthorized: false } }]) {
        const e = yield* failure(() => openConnection("127.0.0.1", port, options));
        expect(e).toBeInstanceOf(NotImplementedError);
        out.push(e.message);
      }
      return out;
    });
    expect(calls).toEqual([]);
    expect(messages[0]).toMatch(/cannot honour the TLS option ca: the injected connect\(\) verifies against the platform's trust store/);
    expect(messages[1]).toMatch(/cannot honour serverHostname "example.com": the injected connect\(\) checks the certificate against the host connected to/);
    expect(messages[2]).toMatch(/cannot honour serverHostname "": the injected connect\(\) always checks the certificate's name/);
    expect(messages[3]).toMatch(/cannot honour the TLS option rejectUnauthorized/);
  });

  it("has no servers, Unix sockets or local_addr: NotImplementedError naming the runtime and the facility", async () => {
    const messages = await withConnect(nodeBackedConnect(), function* (loop, port) {
      const out: string[] = [];
      for (const call of [
        () => loop.createServer(() => ({}), "127.0.0.1", 0),
        () => loop.createUnixServer(() => ({}), "/tmp/x.sock"),
        () => loop.createUnixConnection(() => ({}), "/tmp/x.sock"),
        () => openConnection("127.0.0.1", port, { localAddr: ["127.0.0.1", 0] }),
      ]) {
        const e = yield* failure(call as never);
        expect(e).toBeInstanceOf(NotImplementedError);
        out.push(e.message);
      }
      return out;
    });
    expect(messages).toEqual([
      `createServer: Node ${process.version} has no TCP servers (the injected connect() opens client connections only)`,
      `createUnixServer: Node ${process.version} has no Unix socket servers (the injected connect() opens client connections only)`,
      `Node ${process.version} has no Unix sockets (the injected connect() opens TCP connections only)`,
      `Node ${process.version} cannot bind a connection's local end (localAddr): the injected connect() has no such option`,
    ]);
  });

  it("a connection that cannot be made is an OSError naming the address; a refusal is ConnectionRefusedError", async () => {
    const failing: SocketConnect = () =>
      ({ opened: Promise.reject(new Error("proxy request failed, cannot connect to the specified address")), close() {} }) as never;
    const refused: SocketConnect = () => ({ opened: Promise.reject(new Error("connection refused")), close() {} }) as never;
    const loop1 = new EventLoop({ host: { connect: failing } });
    const e1 = await loop1.runUntilComplete(failure(() => openConnection("127.0.0.1", 9)));
    loop1.close();
    const loop2 = new EventLoop({ host: { connect: refused } });
    const e2 = await loop2.runUntilComplete(failure(() => openConnection("127.0.0.1", 9)));
    loop2.close();
    expect([e1 instanceof OSError, e1.message]).toEqual([
      true,
      "Connect call failed ('127.0.0.1', 9): proxy request failed, cannot connect to the specified address",
    ]);
    expect([e2 instanceof ConnectionRefusedError, e2.message]).toEqual([true, "[Errno 111] Connect call failed ('127.0.0.1', 9)"]);
  });

  it("on a virtual clock: the echo arrives at time 0 (no timer to jump to), a sleep beside the open connection ends at its deadline", async () => {
    // the echo server runs on another loop: no host turn can promise to see its reply in
    // time, so nothing here races it against a timer
    const got = await withConnect(
      nodeBackedConnect(),
      function* (loop, port) {
        const [r, w] = yield* openConnection("127.0.0.1", port);
        w.write("virtual\n");
        const line = s(yield* r.readline());
        const t0 = loop.time();
        yield* sleep(1);
        const t1 = loop.time();
        w.close();
        yield* w.waitClosed();
        return [line, t0, t1];
      },
      { clock: "virtual" },
    );
    expect(got).toEqual(["virtual\n", 0, 1]);
  });
});

describe("setConnect and host.connect", () => {
  it("setConnect gives every loop without its own connect(); null takes it back", async () => {
    const calls: ConnectSocketOptions[] = [];
    const serverLoop = new EventLoop();
    const server = await serverLoop.runUntilComplete(echoServer());
    const serving = serverLoop.runForever();
    setConnect(nodeBackedConnect(calls));
    const loop = new EventLoop();
    const line = await loop.runUntilComplete(
      (function* () {
        const [r, w] = yield* openConnection("127.0.0.1", server.sockets[0].port);
        w.write("set once\n");
        const got = s(yield* r.readline());
        w.close();
        yield* w.waitClosed();
        // with the connect host, this loop cannot serve; taken back, it has Node's sockets again
        const refused = (yield* failure(() => loop.createServer(() => ({}), "127.0.0.1", 0))).name;
        setConnect(null);
        const own = yield* loop.createServer(() => ({}), "127.0.0.1", 0);
        own.close();
        return [got, refused];
      })(),
    );
    loop.close();
    serverLoop.stop();
    await serving;
    server.close();
    serverLoop.close();
    expect(line).toEqual(["set once\n", "NotImplementedError"]);
    expect(calls.length).toBe(1);
  });

  it("refuses what is not a function: TypeError naming the argument", () => {
    expect(() => setConnect(42 as never)).toThrow(/^setConnect: connect must be a function \(connect from "cloudflare:sockets"\) or null, got number 42$/);
    expect(() => new EventLoop({ host: { connect: "x" as never } })).toThrow(
      /^EventLoop: options\.host\.connect must be a function \(connect from "cloudflare:sockets"\) or null, got string/,
    );
  });
});
