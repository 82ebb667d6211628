// The TCP echo client and server of CPython's asyncio-stream docs ("TCP echo client using
// streams", "TCP echo server using streams"), translated, in one program: the server
// serves forever in a task, the client talks to it once, then the server task is
// cancelled (serveForever closes the server). Real sockets on 127.0.0.1; the docs use
// port 8888, this uses port 0 (any free port) and prints addresses without their ports, so
// that the output is the same on every run.
import { EventLoop, asyncWith, getRunningLoop, openConnection, startServer, CancelledError, type StreamReader, type StreamWriter } from "wasmloop";

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const encode = (s: string) => new TextEncoder().encode(s);
const host = (addr: unknown) => (addr as [string, number])[0];

function* tcpEchoClient(message: string, port: number) {
  const [reader, writer] = yield* openConnection("127.0.0.1", port);

  console.log(`Send: '${message}'`);
  writer.write(encode(message));
  yield* writer.drain();

  const data = yield* reader.read(100);
  console.log(`Received: '${decode(data)}'`);

  console.log("Close the connection");
  writer.close();
  yield* writer.waitClosed();
}

function* handleEcho(reader: StreamReader, writer: StreamWriter) {
  const data = yield* reader.read(100);
  const message = decode(data);
  const addr = writer.getExtraInfo("peername");

  console.log(`Received '${message}' from ${host(addr)}`);

  console.log(`Send: '${message}'`);
  writer.write(data);
  yield* writer.drain();

  console.log("Close the connection");
  writer.close();
  yield* writer.waitClosed();
}

function* main() {
  const server = yield* startServer(handleEcho, "127.0.0.1", 0);

  const addrs = server.sockets.map((sock) => sock.host).join(", ");
  console.log(`Serving on ${addrs}`);

  const serving = getRunningLoop().createTask(
    asyncWith(server, function* () {
      yield* server.serveForever();
    }),
  );

  yield* tcpEchoClient("Hello World!", server.sockets[0].port);

  serving.cancel();
  try {
    yield* serving;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
  }
  console.log("Server closed:", !server.isServing());
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
