// Typed fixtures for the I/O layer (see coroutines.ts): what `yield*` gives for streams,
// createConnection's protocol type, and the checks on options and bytes.
import {
  EventLoop, MemoryNetwork, Protocol, StreamReader, StreamWriter, Server, openConnection, startServer,
  type Transport,
} from "../../src/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

class Echo extends Protocol {
  transport: Transport | null = null;
  override connectionMade(t: Transport) {
    this.transport = t;
  }
  override dataReceived(data: Uint8Array) {
    this.transport?.write(data);
  }
}

function* main(loop: EventLoop) {
  const server = yield* startServer(function* (reader, writer) {
    assertType<Equal<typeof reader, StreamReader>>();
    assertType<Equal<typeof writer, StreamWriter>>();
    const line = yield* reader.readline();
    assertType<Equal<typeof line, Uint8Array>>();
    writer.write(line);
    yield* writer.drain();
  }, "127.0.0.1", 0);
  assertType<Equal<typeof server, Server>>();
  const port: number = server.sockets[0].port;

  const [reader, writer] = yield* openConnection("127.0.0.1", port, { limit: 1024 });
  assertType<Equal<typeof reader, StreamReader>>();
  const exact = yield* reader.readexactly(4);
  assertType<Equal<typeof exact, Uint8Array>>();
  writer.write("text is sent as UTF-8");
  // @ts-expect-error bytes or a string, not a number
  writer.write(42);
  // @ts-expect-error limit is a number of bytes
  yield* openConnection("127.0.0.1", port, { limit: "big" });

  const [transport, protocol] = yield* loop.createConnection(() => new Echo(), "127.0.0.1", port);
  assertType<Equal<typeof protocol, Echo>>();
  assertType<Equal<typeof transport, Transport>>();
  // @ts-expect-error createServer's options are checked
  yield* loop.createServer(() => new Echo(), "127.0.0.1", 0, { startServing: "yes" });
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}

const loop = new EventLoop({ clock: "virtual", network: new MemoryNetwork({ latency: 0.01 }) });
loop.runUntilCompleteSync(main(loop));
