// The I/O checks of the runtime matrix, for the runtimes whose own sockets the package
// reaches: Node and Bun (node:net, node:tls), Deno (Deno.connect, Deno.listen and their TLS
// variants). Streams and protocols over real sockets on 127.0.0.1, TLS with the test CA's
// certificate, Unix sockets, a refused connection, the in-memory network on the virtual
// clock, and the virtual clock's rules with real sockets; and that the package changed no
// global. Prints the checks as JSON on the last line, as entry.mjs does.
//
//   node|bun io-check.mjs                     everything (a temporary directory of its own)
//   deno run --allow-net=127.0.0.1,unix:DIR/s.sock --allow-read=FIXTURES,DIR --allow-write=DIR \
//        --import-map deno-import-map.json io-check.mjs full DIR
//   deno run --import-map ... io-check.mjs no-net      without permissions: PermissionError naming the flags
import { changedGlobals } from "./entry-checks.mjs";
import * as api from "wasmloop";

const {
  EventLoop, MemoryNetwork, openConnection, startServer, openUnixConnection, startUnixServer,
  ConnectionRefusedError, PermissionError, waitFor, sleep, Protocol,
} = api;
const deno = globalThis.Deno;
const [mode = "full", dirArg] = deno ? deno.args : process.argv.slice(2);
const fixture = (name) => new URL(`../tests/fixtures/tls/${name}`, import.meta.url);
// Deno reads with its own API: loading node:fs would make it bootstrap its Node layer (new globals)
const host = deno
  ? { read: (url) => deno.readTextFileSync(url), tempDir: () => dirArg ?? deno.makeTempDirSync({ prefix: "wasmloop-io-" }) }
  : await (async () => {
      const { readFileSync, mkdtempSync } = await import("node:fs");
      const { tmpdir } = await import("node:os");
      const { join } = await import("node:path");
      return { read: (url) => readFileSync(url, "utf8"), tempDir: () => dirArg ?? mkdtempSync(join(tmpdir(), "wasmloop-io-")) };
    })();
const text = (u8) => new TextDecoder().decode(u8);

const results = [];
async function check(name, fn) {
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

if (mode === "no-net") {
  // Deno without permissions: refused before anything is attempted, the flag named
  const refusals = [
    ["startServer on 127.0.0.1, port 0", "--allow-net=127.0.0.1", () => startServer(echoLines, "127.0.0.1", 0)],
    ["openConnection to 127.0.0.1:9", "--allow-net=127.0.0.1:9", () => openConnection("127.0.0.1", 9)],
    ["startUnixServer", "--allow-net=unix:/tmp/wasmloop-nowhere.sock", () => startUnixServer(echoLines, "/tmp/wasmloop-nowhere.sock")],
  ];
  for (const [what, flag, call] of refusals) {
    await check(`without --allow-net: ${what} raises PermissionError naming ${flag}`, () =>
      onLoop(function* () {
        try {
          yield* call();
        } catch (e) {
          if (!(e instanceof PermissionError) || !e.message.includes(flag)) throw e;
          yield* sleep(0.01); // the loop runs on
          return e.message;
        }
        throw new Error("not refused");
      }));
  }
} else {
  const ca = host.read(fixture("ca.pem"));
  const cert = host.read(fixture("leaf.pem"));
  const key = host.read(fixture("leaf-key.pem"));

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

  await check("TLS: echo with the test CA's certificate, by address and by name; an untrusted one refused", () =>
    onLoop(function* () {
      const server = yield* startServer(echoLines, "127.0.0.1", 0, { tls: { key, cert } });
      const port = server.sockets[0].port;
      const [r, w] = yield* openConnection("127.0.0.1", port, { tls: { ca } });
      const got = yield* talk(r, w, ["secret\n"]);
      const [r2, w2] = yield* openConnection("127.0.0.1", port, { tls: { ca }, serverHostname: "localhost" });
      got.push(...(yield* talk(r2, w2, ["named\n"])));
      let refused = "";
      try {
        yield* openConnection("127.0.0.1", port, { tls: true });
      } catch (e) {
        refused = e.name;
      }
      server.close();
      yield* server.waitClosed();
      expectEqual([got, refused], [["secret\n", "named\n"], "SSLCertVerificationError"], "TLS");
    }));

  await check("Unix sockets: startUnixServer/openUnixConnection; peername is the server's path", () =>
    onLoop(function* () {
      const path = `${host.tempDir()}/s.sock`;
      const server = yield* startUnixServer(echoLines, path);
      const [r, w] = yield* openUnixConnection(path);
      const peer = w.getExtraInfo("peername");
      const got = yield* talk(r, w, ["unix\n"]);
      server.close();
      yield* server.waitClosed();
      expectEqual([got, peer === path], [["unix\n"], true], "echo and peername");
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
        const t1 = loop.time();
        server.close();
        yield* server.waitClosed();
        return [t0, lines, t1];
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

  await check("virtual clock with real sockets: a reply after the server's sleep(1) arrives at 1; a silent peer times out at 4", () =>
    onLoop(
      function* (loop) {
        const server = yield* startServer(function* (r, w) {
          const line = yield* r.readline();
          yield* sleep(1);
          w.write(line);
          yield* r.read(); // then silence until EOF
          w.close();
        }, "127.0.0.1", 0);
        const [r, w] = yield* openConnection("127.0.0.1", server.sockets[0].port);
        w.write("later\n");
        const got = [text(yield* r.readline()), loop.time()];
        try {
          yield* waitFor(r.readline(), 3);
        } catch (e) {
          got.push(e.name, loop.time());
        }
        w.close();
        yield* w.waitClosed();
        server.close();
        yield* server.waitClosed();
        expectEqual(got, ["later\n", 1, "TimeoutError", 4], "trace");
      },
      { clock: "virtual" },
    ));
}

const changed = changedGlobals();
results.unshift({ name: 'importing "wasmloop" and using sockets add or replace no global', ok: changed.length === 0, detail: changed.join(", ") });
console.log(JSON.stringify(results));
