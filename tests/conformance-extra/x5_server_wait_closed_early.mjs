// Server.wait_closed() (3.12.1) called before close(): it waits for close() and then for
// every connection to go. Two protocol clients are connected; the server closes (is_serving
// False, sockets empty) while both still talk; wait_closed() returns only after the second
// one leaves. Then `async with server` of a start_server server: leaving the block with a
// client connected waits (close + wait_closed) until the client has gone.
import { run, sleep, wait, createTask, asyncWith, startServer, openConnection, getRunningLoop, Protocol } from "wasmloop";
// ---- helpers, the same in every I/O scenario: print values the way Python does
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e instanceof RangeError ? "ValueError"   // rule 7: ValueError is RangeError
  : e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const bytes = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));   // b"..." (each char is one byte, 0-255)
const concat = (...parts) => {                                     // b1 + b2 + ...
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
};
const pyBytes = (u8) => {                                          // repr(bytes)
  if (u8 === null || u8 === undefined) return "None";
  if (!(u8 instanceof Uint8Array)) return `<not bytes: ${Object.prototype.toString.call(u8)} ${String(u8)}>`;
  const q = u8.includes(0x27) && !u8.includes(0x22) ? '"' : "'";
  let s = "b" + q;
  for (const c of u8) {
    if (c === 0x5c) s += "\\\\";
    else if (c === q.charCodeAt(0)) s += "\\" + q;
    else if (c === 0x09) s += "\\t";
    else if (c === 0x0a) s += "\\n";
    else if (c === 0x0d) s += "\\r";
    else if (c < 0x20 || c >= 0x7f) s += "\\x" + c.toString(16).padStart(2, "0");
    else s += String.fromCharCode(c);
  }
  return s + q;
};
const py = (v) => (v === null || v === undefined ? "None" : typeof v === "boolean" ? B(v)
  : v instanceof Uint8Array ? pyBytes(v) : v instanceof Error ? ename(v) : String(v));   // str(v) in print()
// ---- end of helpers
class Echo extends Protocol {
  connectionMade(transport) {
    this.transport = transport;
  }

  dataReceived(data) {
    this.transport.write(bytes(String.fromCharCode(...data).toUpperCase()));
  }
}

function* main() {
  const loop = getRunningLoop();
  let server = yield* loop.createServer(() => new Echo(), "127.0.0.1", 0);
  let port = server.sockets[0].port;
  const waiter = createTask(server.waitClosed());
  const clients = [];
  for (let i = 0; i < 2; i++) clients.push(yield* openConnection("127.0.0.1", port));
  yield* sleep(0.05);
  console.log("before close: wait_closed done", B(waiter.done()));
  server.close();
  console.log("closed: is_serving", B(server.isServing()), "sockets", server.sockets.length);
  for (const [i, [r, w]] of clients.entries()) {
    w.write(bytes(`client ${i}\n`));
    console.log("echo", pyBytes(yield* r.readline()));
  }
  console.log("clients still connected: wait_closed done", B(waiter.done()));
  for (const [i, [, w]] of clients.entries()) {
    w.close();
    yield* w.waitClosed();
    // after the last client the server needs a few loop iterations to notice: wait for it
    yield* wait([waiter], { timeout: i === clients.length - 1 ? 5 : 0.05 });
    console.log("client", i, "left: wait_closed done", B(waiter.done()));
  }
  yield* waiter;

  function* handle(reader, writer) {
    const data = yield* reader.read();
    console.log("handler got", pyBytes(data));
    writer.close();
    yield* writer.waitClosed();
  }

  server = yield* startServer(handle, "127.0.0.1", 0);
  port = server.sockets[0].port;
  const [, w] = yield* openConnection("127.0.0.1", port);

  function* leaveLater() {
    yield* sleep(0.1);
    console.log("client writes and leaves");
    w.write(bytes("bye"));
    w.close();
    yield* w.waitClosed();
  }

  const leaver = createTask(leaveLater());
  yield* asyncWith(server, function* () {
    console.log("in async with: serving", B(server.isServing()));
  });
  console.log("left async with after the client left:", B(leaver.done()), "serving", B(server.isServing()));
}

await run(main());
