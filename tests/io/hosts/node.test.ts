// The Node host: found through process.getBuiltinModule, hands over plain Uint8Arrays
// (not Buffers), starts sockets paused, and reports write progress and failures.
import { describe, expect, it } from "vitest";
import { nodeHost } from "../../../src/io/hosts/node.js";
import type { ConnectionSink, HostConnection } from "../../../src/io/hosts/host.js";
import { EventLoop } from "../../../src/index.js";

function sinkLog(log: string[], done: () => void): ConnectionSink {
  return {
    data: (c) => log.push(`data ${c.constructor.name} ${new TextDecoder().decode(c)}`),
    eof: () => {
      log.push("eof");
      done();
    },
    written: () => log.push("written"),
    error: (e) => log.push(`error ${e.name}`),
    closed: () => log.push("closed"),
  };
}

describe("the Node host", () => {
  it("names the runtime and needs process.getBuiltinModule", () => {
    const host = nodeHost()!;
    expect(host.runtime).toBe(`Node ${process.version}`);
    expect(host.external).toBe(true);
    const saved = (process as any).getBuiltinModule;
    (process as any).getBuiltinModule = undefined;
    try {
      expect(nodeHost()).toBe(null);
    } finally {
      (process as any).getBuiltinModule = saved;
    }
  });

  it("connects and listens; data arrives as plain Uint8Arrays, only after resumeReading", async () => {
    const host = nodeHost()!;
    const loop = new EventLoop();
    let accepted!: HostConnection;
    let gotConn!: () => void;
    const connected = new Promise<void>((resolve) => (gotConn = resolve));
    const listener = await host.listen!({
      loop,
      address: { host: "127.0.0.1", port: 0 },
      backlog: 10,
      tls: null,
      onConnection: (c) => {
        accepted = c;
        gotConn();
      },
      onError: () => {},
    });
    const port = (listener.address as { port: number }).port;
    const client = await host.connect!({ loop, address: { host: "127.0.0.1", port }, tls: null });
    await connected;
    const log: string[] = [];
    const ended = new Promise<void>((resolve) => accepted.attach(sinkLog(log, resolve)));
    client.attach(sinkLog([], () => {}));
    client.write(new TextEncoder().encode("hi"));
    client.shutdown();
    accepted.resumeReading();
    await ended;
    expect(log).toEqual(["data Uint8Array hi", "eof"]);
    expect(accepted.halfClose).toBe(true);
    expect(accepted.bufferedAmount).toBe(0);
    client.abort();
    accepted.close();
    listener.close();
    loop.close();
  });
});
