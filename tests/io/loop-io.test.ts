// What a virtual-clock loop does while real host I/O is in flight (base-events.ts, "Virtual
// time and host I/O", fed by src/io/loop-io.ts): it never jumps past a deadline while it
// waits on the host, gives the host a turn before each jump while sockets are open, never
// hangs, and runUntilCompleteSync refuses clearly instead of waiting.
import { describe, expect, it } from "vitest";
import {
  EventLoop,
  MemoryNetwork,
  RuntimeError,
  TimeoutError,
  openConnection,
  sleep,
  startServer,
  waitFor,
} from "../../src/index.js";
import { s } from "./net-fixtures.js";

/** An echo server on a real socket. */
function* echoServer() {
  return yield* startServer(function* (r, w) {
    for (;;) {
      const line = yield* r.readline();
      if (line.length === 0) break;
      w.write(line);
      yield* w.drain();
    }
    w.close();
  }, "127.0.0.1", 0);
}

describe("a virtual clock with real sockets", () => {
  it("does not move while a connect is in flight: a 1 ms timeout does not fire", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const got = await loop.runUntilComplete(
      (function* () {
        const server = yield* echoServer();
        const [r, w] = yield* waitFor(openConnection("127.0.0.1", server.sockets[0].port), 0.001);
        const t = loop.time();
        w.close();
        server.close();
        return [t, r.atEof()];
      })(),
    );
    loop.close();
    expect(got).toEqual([0, false]);
  });

  it("gives the host a turn before each jump: an echo over loopback beats a 5 s timeout at time 0", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const got = await loop.runUntilComplete(
      (function* () {
        const server = yield* echoServer();
        const [r, w] = yield* openConnection("127.0.0.1", server.sockets[0].port);
        const lines: string[] = [];
        for (const m of ["one\n", "two\n", "three\n"]) {
          w.write(m);
          lines.push(s(yield* waitFor(r.readline(), 5)));
        }
        const t = loop.time();
        w.close();
        yield* w.waitClosed();
        server.close();
        yield* server.waitClosed();
        return [lines, t];
      })(),
    );
    loop.close();
    expect(got).toEqual([["one\n", "two\n", "three\n"], 0]);
  });

  it("still jumps when the host has nothing: a sleep beside an idle server ends at its deadline", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const t = await loop.runUntilComplete(
      (function* () {
        const server = yield* echoServer();
        yield* sleep(3600);
        server.close();
        return loop.time();
      })(),
    );
    loop.close();
    expect(t).toBe(3600);
  });

  it("never hangs on a silent peer: a read with a timeout times out in virtual time", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const got = await loop.runUntilComplete(
      (function* () {
        const server = yield* startServer(function* (r) {
          yield* r.read(); // reads, never writes
        }, "127.0.0.1", 0);
        const [r, w] = yield* openConnection("127.0.0.1", server.sockets[0].port);
        let name = "";
        try {
          yield* waitFor(r.read(1), 5);
        } catch (e) {
          name = (e as Error).name;
        }
        w.close();
        server.close();
        return [name, loop.time()];
      })(),
    );
    loop.close();
    expect(got).toEqual([TimeoutError.name, 5]);
  });
});

describe("runUntilCompleteSync with real sockets", () => {
  it("refuses with RuntimeError instead of waiting when host sockets are open and nothing is ready", async () => {
    const loop = new EventLoop({ clock: "virtual" });
    const server = await loop.runUntilComplete(echoServer());
    let err: Error | null = null;
    try {
      loop.runUntilCompleteSync(sleep(1));
    } catch (e) {
      err = e as Error;
    }
    expect(err).toBeInstanceOf(RuntimeError);
    expect(err!.message).toMatch(
      /^runUntilCompleteSync cannot wait for host I\/O \(1 connection\(s\) or server\(s\) open, 0 operation\(s\) in flight\), and .* is not done: host sockets only make progress when the caller's stack unwinds; use await runUntilComplete\(\)$/,
    );
    // the loop is usable after, and once the server is closed a synchronous run works again
    server.close();
    expect(loop.runUntilCompleteSync(sleep(2, "ok"))).toBe("ok");
    loop.close();
  });

  it("refuses while a connect is in flight (virtual or real clock)", () => {
    for (const clock of ["virtual", "real"] as const) {
      const loop = new EventLoop({ clock });
      expect(() => loop.runUntilCompleteSync(openConnection("127.0.0.1", 9))).toThrow(/0 connection\(s\) or server\(s\) open, 1 operation\(s\) in flight/);
      loop.close();
    }
  });

  it("runs the in-memory network synchronously: it is not host I/O", () => {
    const loop = new EventLoop({ clock: "virtual", network: new MemoryNetwork({ latency: 0.5 }) });
    const got = loop.runUntilCompleteSync(
      (function* () {
        const server = yield* echoServer();
        const [r, w] = yield* openConnection("127.0.0.1", server.sockets[0].port);
        w.write("sync\n");
        const line = s(yield* r.readline());
        w.close();
        server.close();
        return [line, loop.time()];
      })(),
    );
    expect(got).toEqual(["sync\n", 2]);
  });
});
