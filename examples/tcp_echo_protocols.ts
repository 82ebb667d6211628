// The TCP echo server and client of CPython's asyncio-protocol docs ("TCP Echo Server",
// "TCP Echo Client"), translated, in one program: EchoServerProtocol on loop.createServer,
// EchoClientProtocol on loop.createConnection; the client waits until the server closes
// the connection. Real sockets on 127.0.0.1, port 0; addresses print without their ports
// so that the output is the same on every run. The server side's lines go to a log printed
// at the end: which side's callbacks run first is up to the OS.
import { EventLoop, Protocol, getRunningLoop, type Future, type Transport } from "wasmloop";

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const serverLog: string[] = [];

class EchoServerProtocol extends Protocol {
  transport!: Transport;

  override connectionMade(transport: Transport) {
    const peername = transport.getExtraInfo("peername") as [string, number];
    serverLog.push(`Connection from ${peername[0]}`);
    this.transport = transport;
  }

  override dataReceived(data: Uint8Array) {
    const message = decode(data);
    serverLog.push(`Data received: '${message}'`);

    serverLog.push(`Send: '${message}'`);
    this.transport.write(data);

    serverLog.push("Close the client socket");
    this.transport.close();
  }
}

class EchoClientProtocol extends Protocol {
  constructor(
    readonly message: string,
    readonly onConLost: Future<boolean>,
  ) {
    super();
  }

  override connectionMade(transport: Transport) {
    transport.write(new TextEncoder().encode(this.message));
    console.log(`Data sent: '${this.message}'`);
  }

  override dataReceived(data: Uint8Array) {
    console.log(`Data received: '${decode(data)}'`);
  }

  override connectionLost(_exc: Error | null) {
    console.log("The server closed the connection");
    this.onConLost.setResult(true);
  }
}

function* main() {
  // Get a reference to the event loop as we plan to use low-level APIs.
  const loop = getRunningLoop();

  const server = yield* loop.createServer(() => new EchoServerProtocol(), "127.0.0.1", 0);
  const port = server.sockets[0].port;

  const onConLost = loop.createFuture<boolean>();
  const message = "Hello World!";

  const [transport] = yield* loop.createConnection(() => new EchoClientProtocol(message, onConLost), "127.0.0.1", port);

  // Wait until the protocol signals that the connection is lost and close the transport.
  try {
    yield* onConLost;
  } finally {
    transport.close();
  }

  server.close();
  yield* server.waitClosed();
  console.log("--- the server's side:");
  for (const line of serverLog) console.log(line);
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
