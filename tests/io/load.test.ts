// Load, on real sockets (127.0.0.1): 100 MB through an echo server with drain() keeping
// every writer's buffer under its high-water mark plus one chunk, and 10,000 connections
// open at once to one server with every byte echoed. Each test is bounded (LOAD_TIMEOUT)
// so that the suite stays within a minute or two in CI; `npm run test:load` runs only these.
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { EventLoop, gather, openConnection, startServer, type StreamWriter } from "../../src/index.js";
import { onRealLoop } from "./net-fixtures.js";

const LOAD_TIMEOUT = 120_000;
const HIGH_WATER = 64 * 1024;

/** Wraps writer.write to record the largest write buffer it ever left behind. */
function watch(writer: StreamWriter, peak: { max: number }) {
  const write = writer.write.bind(writer);
  writer.write = (d) => {
    write(d);
    peak.max = Math.max(peak.max, writer.transport.getWriteBufferSize());
  };
}

describe("load", () => {
  it(
    "100 MB through an echo server: every byte back in order, each writer's buffer ≤ high-water mark + one chunk",
    async () => {
      const TOTAL = 100 * 1024 * 1024;
      const CHUNK = 64 * 1024;
      const serverPeak = { max: 0 };
      const clientPeak = { max: 0 };
      const got = await onRealLoop(function* (loop: EventLoop) {
        const server = yield* startServer(function* (r, w) {
          watch(w, serverPeak);
          for (;;) {
            const chunk = yield* r.read(CHUNK);
            if (chunk.length === 0) break;
            w.write(chunk);
            yield* w.drain();
          }
          w.close();
        }, "127.0.0.1", 0);
        const [reader, writer] = yield* openConnection("127.0.0.1", server.sockets[0].port);
        watch(writer, clientPeak);
        const send = loop.createTask(
          (function* () {
            const chunk = new Uint8Array(CHUNK);
            for (let sent = 0, n = 0; sent < TOTAL; sent += CHUNK, n++) {
              chunk.fill(n & 0xff);
              writer.write(chunk.slice());
              yield* writer.drain();
            }
            writer.writeEof();
          })(),
        );
        let received = 0;
        let inOrder = true;
        for (;;) {
          const data = yield* reader.read(CHUNK);
          if (data.length === 0) break;
          // chunk n is filled with n & 0xff: every byte tells where it belongs
          for (let k = 0; k < data.length; k += 4096) {
            if (data[k] !== (Math.floor((received + k) / CHUNK) & 0xff)) inOrder = false;
          }
          received += data.length;
        }
        yield* send;
        writer.close();
        yield* writer.waitClosed();
        server.close();
        yield* server.waitClosed();
        return { received, inOrder };
      });
      expect(got).toEqual({ received: TOTAL, inOrder: true });
      expect(clientPeak.max).toBeLessThanOrEqual(HIGH_WATER + CHUNK);
      expect(serverPeak.max).toBeLessThanOrEqual(HIGH_WATER + CHUNK);
    },
    LOAD_TIMEOUT,
  );

  it(
    "10,000 connections open at once to one server (clients in a child process): bytes in = bytes out",
    async () => {
      const COUNT = 10_000;
      const BYTES = 1000;
      let open = 0;
      let maxOpen = 0;
      let bytesIn = 0;
      let bytesOut = 0;
      const out = await onRealLoop(function* (loop: EventLoop) {
        // every handler waits until all COUNT connections are in, then says "go" (one byte)
        const allIn = loop.createFuture<void>();
        const server = yield* startServer(
          function* (r, w) {
            open++;
            maxOpen = Math.max(maxOpen, open);
            if (open === COUNT) allIn.setResult(undefined);
            try {
              yield* allIn;
              w.write("!");
              for (;;) {
                const data = yield* r.read(65536);
                if (data.length === 0) break;
                bytesIn += data.length;
                w.write(data);
                bytesOut += data.length;
                yield* w.drain();
              }
            } finally {
              open--;
              w.close();
            }
          },
          "127.0.0.1",
          0,
          { backlog: 4096 },
        );
        const script = fileURLToPath(new URL("./load/clients.mjs", import.meta.url));
        const child = loop.createFuture<string>();
        execFile(
          process.execPath,
          [script, String(server.sockets[0].port), String(COUNT), String(BYTES), "500"],
          { timeout: LOAD_TIMEOUT - 10_000, maxBuffer: 1 << 20 },
          (err, stdout, stderr) => {
            if (err) child.setException(new Error(`clients failed: ${err.message} ${stderr}`));
            else child.setResult(stdout);
          },
        );
        const report = JSON.parse((yield* child).trim().split("\n").pop()!);
        server.close();
        yield* server.waitClosed();
        return report;
      });
      expect(out).toEqual({ connected: COUNT, sent: COUNT * BYTES, received: COUNT * BYTES, allMatched: true });
      expect(bytesIn).toBe(COUNT * BYTES);
      expect(bytesOut).toBe(COUNT * BYTES);
      expect(maxOpen).toBe(COUNT);
      expect(open).toBe(0);
    },
    LOAD_TIMEOUT,
  );
});
