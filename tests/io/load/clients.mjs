// The client side of the 10,000-connection load test (tests/io/load.test.ts), in a process of
// its own: each process may hold 20,000 descriptors here, and the server holds one per
// connection too. Opens COUNT connections to 127.0.0.1:PORT with wasmloop streams, in
// batches, and keeps them all open; then every connection sends BYTES bytes and reads them
// back, once the server's one-byte "go" (sent when all COUNT are in) arrived. Prints one JSON line: how many connected, bytes sent and received, and whether every
// echo matched.
import { EventLoop, gather, openConnection } from "../../../dist/index.js";

const [port, count, bytes, batch] = process.argv.slice(2).map(Number);
const loop = new EventLoop();

function* client(i) {
  return yield* openConnection("127.0.0.1", port);
}

function* exchange([reader, writer], i) {
  yield* reader.readexactly(1); // the server has every connection
  const msg = new Uint8Array(bytes);
  for (let k = 0; k < bytes; k++) msg[k] = (i + k) & 0xff;
  writer.write(msg);
  yield* writer.drain();
  const back = yield* reader.readexactly(bytes);
  let same = back.length === bytes;
  for (let k = 0; same && k < bytes; k++) same = back[k] === msg[k];
  writer.close();
  yield* writer.waitClosed();
  return [back.length, same];
}

function* main() {
  const conns = [];
  for (let i = 0; i < count; i += batch) {
    const n = Math.min(batch, count - i);
    conns.push(...(yield* gather(...Array.from({ length: n }, (_, j) => loop.createTask(client(i + j))))));
  }
  const results = yield* gather(...conns.map((c, i) => loop.createTask(exchange(c, i))));
  return {
    connected: conns.length,
    sent: conns.length * bytes,
    received: results.reduce((n, [len]) => n + len, 0),
    allMatched: results.every(([, same]) => same),
  };
}

const out = await loop.runUntilComplete(main());
loop.close();
console.log(JSON.stringify(out));
