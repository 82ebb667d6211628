// createConnection / createServer and their Unix variants: argument checks (at the call for
// types, in the Future for asyncio's ValueErrors), TLS options and server_hostname rules,
// Unix sockets, and the refusal of a host without sockets.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  EventLoop,
  FileNotFoundError,
  NotImplementedError,
  SSLCertVerificationError,
  openUnixConnection,
  startUnixServer,
  type IoHost,
} from "../../src/index.js";
import { Recorder, TLS_CERT, TLS_KEY, b, onRealLoop, s } from "./net-fixtures.js";
import { virtual } from "../fixtures.js";

/** The error `body` ends with, as "Name: message". */
async function failure(body: (loop: EventLoop) => Generator<unknown, unknown, any>): Promise<string> {
  try {
    await onRealLoop(body);
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return "no error";
}

describe("createConnection: arguments", () => {
  const loop = virtual();
  const f = () => new Recorder(loop);

  it("refuses bad types at the call, naming the argument", () => {
    expect(() => loop.createConnection(42 as never, "h", 1)).toThrow(/createConnection: protocolFactory must be a function/);
    expect(() => loop.createConnection(f, 5 as never, 1)).toThrow(/createConnection: host must be a string or null/);
    expect(() => loop.createConnection(f, "h", 1.5)).toThrow(/createConnection: port must be an integer/);
    expect(() => loop.createConnection(f, "h", 70000)).toThrow(new RangeError("createConnection: port must be 0-65535, got 70000"));
    expect(() => loop.createConnection(f, "h", 1, { ssl: true } as never)).toThrow(/unknown option "ssl" \(known: tls, serverHostname, localAddr\)/);
    expect(() => loop.createConnection(f, "h", 1, { localAddr: "x" } as never)).toThrow(/localAddr must be \[host, port\]/);
  });

  it("raises asyncio's ValueErrors (RangeError) from the Future", async () => {
    expect(await failure((l) => l.createConnection(f, null, null))).toBe("RangeError: host and port was not specified and no sock specified");
    expect(await failure((l) => l.createConnection(f, "127.0.0.1", 1, { serverHostname: "x" }))).toBe(
      "RangeError: createConnection: serverHostname is only meaningful with tls",
    );
    expect(await failure((l) => l.createUnixConnection(f, "/nonexistent.sock", { tls: true }))).toBe(
      "RangeError: createUnixConnection: You must set serverHostname when using tls without a host",
    );
    expect(await failure((l) => l.createConnection(f, "127.0.0.1", 1, { tls: { key: "k", nope: 1 } as never }))).toMatch(
      /unknown option "nope"/,
    );
  });

  it("takes a numeric string port, as Python takes '80'", async () => {
    const got = await onRealLoop(function* (l) {
      const server = yield* l.createServer(() => new Recorder(l), "127.0.0.1", 0);
      const [t] = yield* l.createConnection(() => new Recorder(l), "127.0.0.1", String(server.sockets[0].port));
      t.close();
      server.close();
      return true;
    });
    expect(got).toBe(true);
  });
});

describe("createServer: arguments", () => {
  const loop = virtual();
  const f = () => new Recorder(loop);

  it("refuses bad types at the call", () => {
    expect(() => loop.createServer(f, 5 as never, 0)).toThrow(/host must be a string, an array of strings or null/);
    expect(() => loop.createServer(f, "h", 0, { backlog: -1 })).toThrow(/options.backlog must be a non-negative integer/);
    expect(() => loop.createServer(f, "h", 0, { tls: true } as never)).toThrow(/options.tls must be an object of TLS options/);
    expect(() => loop.createServer(f, "h", 0, { startServing: 1 } as never)).toThrow(/startServing must be a boolean/);
    expect(() => loop.createUnixServer(f, "")).toThrow(/path must be a non-empty string/);
    expect(() => loop.createServer(f, "h", 0, { reuseAddress: "yes" } as never)).toThrow(/reuseAddress must be a boolean/);
  });

  it("takes reuseAddress: true (what the hosts always do) and refuses false with NotImplementedError", () => {
    expect(() => loop.createServer(f, "h", 0, { reuseAddress: false })).toThrow(NotImplementedError);
    expect(loop.createServer(f, "h", 0, { reuseAddress: true })).toBeTruthy();
  });

  it("with neither host nor port raises RangeError from the Future", async () => {
    expect(await failure((l) => l.createServer(f, null, null))).toBe("RangeError: Neither host/port nor sock were specified");
  });
});

describe("Unix sockets", () => {
  it("serve and connect with streams, and a stale socket file is replaced", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wasmloop-unix-"));
    const path = join(dir, "s.sock");
    const got = await onRealLoop(function* () {
      const first = yield* startUnixServer(() => {}, path);
      first.close(); // Node removes the file; make a stale one the way a crash leaves it
      const server2 = yield* startUnixServer(function* (r, w) {
        w.write(yield* r.readline());
        w.close();
      }, path);
      const [r, w] = yield* openUnixConnection(path);
      w.write("over unix\n");
      const line = s(yield* r.readline());
      const info = [w.getExtraInfo("peername"), server2.sockets[0]];
      w.close();
      yield* w.waitClosed();
      server2.close();
      yield* server2.waitClosed();
      return [line, info];
    });
    expect(got[0]).toBe("over unix\n");
    // asyncio's: the connecting end's peername is the path; the server lists its path
    expect(got[1]).toEqual([path, { family: "unix", host: path, port: 0, path }]);
  });

  it("connecting to a path nobody listens on raises FileNotFoundError", async () => {
    const got = await failure(function* () {
      yield* openUnixConnection("/nonexistent/dir/x.sock");
    });
    expect(got).toBe("FileNotFoundError: [Errno 2] No such file or directory");
    expect(FileNotFoundError.name).toBe("FileNotFoundError");
  });

  it("a file that is not a socket is left alone: binding fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wasmloop-unix-"));
    const path = join(dir, "plain-file");
    writeFileSync(path, "keep me");
    const got = await failure(function* () {
      yield* startUnixServer(() => {}, path);
    });
    expect(got).toMatch(/^OSError: \[Errno 98\] error while attempting to bind on address/);
    expect(existsSync(path)).toBe(true);
  });
});

describe("TLS options", () => {
  function* tlsServer(loop: EventLoop) {
    return yield* loop.createServer(
      () => {
        const r = new Recorder(loop);
        r.dataReceived = (d) => r.transport.write(d);
        return r;
      },
      "127.0.0.1",
      0,
      { tls: { key: TLS_KEY, cert: TLS_CERT } },
    );
  }

  it("an untrusted certificate fails with SSLCertVerificationError", async () => {
    const got = await failure(function* (loop) {
      const server = yield* tlsServer(loop);
      try {
        yield* loop.createConnection(() => new Recorder(loop), "127.0.0.1", server.sockets[0].port, { tls: true });
      } finally {
        server.close();
      }
    });
    expect(got).toMatch(/^SSLCertVerificationError: \[SSL: CERTIFICATE_VERIFY_FAILED\] certificate verify failed: self.signed certificate/);
    expect(SSLCertVerificationError.name).toBe("SSLCertVerificationError");
  });

  it("checks the certificate against serverHostname; an empty one skips the name check", async () => {
    const got = await onRealLoop(function* (loop) {
      const server = yield* tlsServer(loop);
      const port = server.sockets[0].port;
      const out: string[] = [];
      try {
        yield* loop.createConnection(() => new Recorder(loop), "127.0.0.1", port, { tls: { ca: TLS_CERT }, serverHostname: "example.com" });
      } catch (e) {
        out.push((e as Error).name);
      }
      for (const name of ["localhost", ""]) {
        const c = new Recorder(loop);
        yield* loop.createConnection(() => c, "127.0.0.1", port, { tls: { ca: TLS_CERT }, serverHostname: name });
        c.transport.write(b(`via '${name}'`));
        yield* c.until(`via '${name}'`);
        out.push(c.received);
        c.transport.close();
        yield* c.lost;
      }
      server.close();
      return out;
    });
    expect(got).toEqual(["SSLCertVerificationError", "via 'localhost'", "via ''"]);
  });
});

describe("a host without sockets", () => {
  const bare: IoHost = { runtime: "a test runtime", external: false, hint: "give it a network" };

  it("refuses connections and servers with NotImplementedError naming the runtime", async () => {
    const loop = new EventLoop({ clock: "virtual", network: bare });
    const errors: string[] = [];
    for (const make of [
      () => loop.createConnection(() => new Recorder(loop), "h", 1),
      () => loop.createServer(() => new Recorder(loop), "h", 1),
      () => loop.createUnixServer(() => new Recorder(loop), "/p"),
    ]) {
      try {
        loop.runUntilCompleteSync(make());
      } catch (e) {
        expect(e).toBeInstanceOf(NotImplementedError);
        errors.push((e as Error).message);
      }
    }
    expect(errors).toEqual([
      "createConnection: a test runtime has no TCP sockets (give it a network)",
      "createServer: a test runtime has no TCP servers (give it a network)",
      "createUnixServer: a test runtime has no Unix socket servers (give it a network)",
    ]);
    // the loop is usable after
    expect(loop.runUntilCompleteSync((function* () { return 7; })())).toBe(7);
  });

  it("refuses a network option that is not a host", () => {
    expect(() => new EventLoop({ network: {} as never })).toThrow(/options.network must be a network host/);
  });
});
