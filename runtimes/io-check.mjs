// The I/O checks of the runtime matrix, for the runtimes whose sockets the package reaches
// (Node and Bun, through node:net and node:tls): streams and protocols over real sockets
// on 127.0.0.1, TLS with the test certificate, Unix sockets, a refused connection, the
// in-memory network on the virtual clock, and the virtual clock's rule with real sockets.
// Prints the checks as JSON on the last line, as entry.mjs does.
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as api from "wasmloop";

const {
  EventLoop, MemoryNetwork, openConnection, startServer, openUnixConnection, startUnixServer,
  ConnectionRefusedError, waitFor, Protocol,
} = api;
const cert = readFileSync(new URL("../tests/fixtures/tls/cert.pem", import.meta.url), "utf8");
const key = readFileSync(new URL("../tests/fixtures/tls/key.pem", import.meta.url), "utf8");
const text = (u8) => new TextDecoder().decode(u8);

const results = [];
async function check(name, fn) {
  if (process.env.VERBOSE) console.error("…", name);
  try {
    const detail = await fn();
    results.push({ name, ok: true, detail: detail ?? "" });
  } catch (e) {
    results.push({ name, ok: false, detail: String(e && e.stack ? e.stack : e) });
  }
}
function expectEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${what}: expected ${b}, got ${a}`);
}
async function onLoop(body, options = {}) {
  const loop = new EventLoop(options);
  try {
    return await loop.runUntilComplete(body(loop));
  } finally {
    loop.close();
  }
}

/** An echo of lines until EOF; then the handler closes. */
function* echoLines(reader, writer) {
  for (let line; (line = yield* reader.readline()).length > 0; ) {
    writer.write(line);
    yield* writer.drain();
  }
  writer.close();
}

function* talk(reader, writer, lines) {
  const got = [];
  for (const l of lines) {
    writer.write(l);
    yield* writer.drain();
    got.push(text(yield* reader.readline()));
  }
  writer.close();
  yield* writer.waitClosed();
  return got;
}

await check("streams: startServer/openConnection echo on 127.0.0.1", () =>
  onLoop(function* () {
    const server = yield* startServer(echoLines, "127.0.0.1", 0);
    const [r, w] = yield* openConnection("127.0.0.1", server.sockets[0].port);
    const got = yield* talk(r, w, ["one\n", "two\n"]);
    server.close();
    yield* server.waitClosed();
    expectEqual(got, ["one\n", "two\n"], "echo");
  }));

await check("protocols: calls in asyncio's order on both ends", () =>
  onLoop(function* (loop) {
    const log = [];
    const lost = loop.createFuture();
    class Echo extends Protocol {
      connectionMade(t) {
        this.t = t;
      }
      dataReceived(d) {
        this.t.write(d);
        this.t.close();
      }
    }
    const server = yield* loop.createServer(() => new Echo(), "127.0.0.1", 0);
    yield* loop.createConnection(
      () => ({
        connectionMade: (t) => (log.push("made"), t.write("hi")),
        dataReceived: (d) => log.push(`data ${text(d)}`),
        eofReceived: () => void log.push("eof"),
        connectionLost: (e) => (log.push(`lost ${e}`), lost.setResult(null)),
      }),
      "127.0.0.1",
      server.sockets[0].port,
    );
    yield* lost;
    server.close();
    expectEqual(log, ["made", "data hi", "eof", "lost null"], "client calls");
  }));

await check("TLS: echo with a self-signed certificate, and an untrusted one refused", () =>
  onLoop(function* () {
    const server = yield* startServer(echoLines, "127.0.0.1", 0, { tls: { key, cert } });
    const port = server.sockets[0].port;
    const [r, w] = yield* openConnection("127.0.0.1", port, { tls: { ca: cert } });
    const got = yield* talk(r, w, ["secret\n"]);
    let refused = "";
    try {
      yield* openConnection("127.0.0.1", port, { tls: true });
    } catch (e) {
      refused = e.name;
    }
    server.close();
    expectEqual([got, refused], [["secret\n"], "SSLCertVerificationError"], "TLS");
  }));

await check("Unix sockets: startUnixServer/openUnixConnection", () =>
  onLoop(function* () {
    const path = join(mkdtempSync(join(tmpdir(), "wasmloop-io-")), "s.sock");
    const server = yield* startUnixServer(echoLines, path);
    const [r, w] = yield* openUnixConnection(path);
    const got = yield* talk(r, w, ["unix\n"]);
    server.close();
    expectEqual(got, ["unix\n"], "echo");
  }));

await check("a refused connection raises ConnectionRefusedError", () =>
  onLoop(function* () {
    const server = yield* startServer(() => {}, "127.0.0.1", 0);
    const port = server.sockets[0].port;
    server.close();
    yield* server.waitClosed();
    try {
      yield* openConnection("127.0.0.1", port);
    } catch (e) {
      if (!(e instanceof ConnectionRefusedError)) throw e;
      return e.message.replace(String(port), "PORT");
    }
    throw new Error("connected");
  }));

await check("in-memory network on the virtual clock: an exact trace", () => {
  const loop = new EventLoop({ clock: "virtual", network: new MemoryNetwork({ latency: 0.25 }) });
  const got = loop.runUntilCompleteSync(
    (function* () {
      const server = yield* startServer(echoLines, "127.0.0.1", 8888);
      const [r, w] = yield* openConnection("127.0.0.1", 8888);
      const t0 = loop.time();
      const lines = yield* talk(r, w, ["a\n"]);
      server.close();
      return [t0, lines, loop.time()];
    })(),
  );
  loop.close();
  expectEqual(got, [0.5, ["a\n"], 1], "times and lines");
});

await check("virtual clock with real sockets: an echo beats a 5 s timeout at time 0", () =>
  onLoop(
    function* (loop) {
      const server = yield* startServer(echoLines, "127.0.0.1", 0);
      const [r, w] = yield* openConnection("127.0.0.1", server.sockets[0].port);
      w.write("fast\n");
      const line = text(yield* waitFor(r.readline(), 5));
      const t = loop.time();
      w.close();
      yield* w.waitClosed();
      server.close();
      yield* server.waitClosed();
      expectEqual([line, t], ["fast\n", 0], "line and time");
    },
    { clock: "virtual" },
  ));

console.log(JSON.stringify(results));
