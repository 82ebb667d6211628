// The asyncio-protocol docs' echo pair again, on the in-memory network and the virtual
// clock: a test of protocols that needs no sockets and no real time. Every packet takes
// 10 ms of loop time, so the trace below (times and ports included) is the same on every
// run; runUntilCompleteSync works, since nothing waits on the host.
import { EventLoop, MemoryNetwork, Protocol, type Future, type Transport } from "wasmloop";

const loop = new EventLoop({ clock: "virtual", network: new MemoryNetwork({ latency: 0.01 }) });
const t = () => `t=${loop.time().toFixed(2)}`;
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

class EchoServerProtocol extends Protocol {
  transport!: Transport;

  override connectionMade(transport: Transport) {
    console.log(`${t()} server: connection from ${JSON.stringify(transport.getExtraInfo("peername"))}`);
    this.transport = transport;
  }

  override dataReceived(data: Uint8Array) {
    console.log(`${t()} server: data received: '${decode(data)}'; echo it and close`);
    this.transport.write(data);
    this.transport.close();
  }

  override connectionLost(exc: Error | null) {
    console.log(`${t()} server: connection lost (${exc})`);
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
    console.log(`${t()} client: data sent: '${this.message}'`);
  }

  override dataReceived(data: Uint8Array) {
    console.log(`${t()} client: data received: '${decode(data)}'`);
  }

  override eofReceived() {
    console.log(`${t()} client: EOF`);
  }

  override connectionLost(exc: Error | null) {
    console.log(`${t()} client: the server closed the connection (${exc})`);
    this.onConLost.setResult(true);
  }
}

function* main() {
  const server = yield* loop.createServer(() => new EchoServerProtocol(), "127.0.0.1", 8888);
  console.log(`${t()} serving on ${JSON.stringify(server.sockets)}`);
  const onConLost = loop.createFuture<boolean>();
  const [transport] = yield* loop.createConnection(() => new EchoClientProtocol("Hello World!", onConLost), "127.0.0.1", 8888);
  try {
    yield* onConLost;
  } finally {
    transport.close();
  }
  server.close();
  yield* server.waitClosed();
  console.log(`${t()} server closed`);
}

loop.runUntilCompleteSync(main());
loop.close();
