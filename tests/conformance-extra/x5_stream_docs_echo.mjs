// asyncio-stream.rst's TCP echo client and server, in one program: the server runs
// `async with server: await server.serve_forever()` in a task; the client sends a message,
// reads the echo, then reads EOF after the server closed (b'' and at_eof), and the
// serve_forever task is cancelled, which closes the server on the way out of `async with`.
// Addresses print without their ports.
import { run, sleep, startServer, openConnection, asyncWith, createTask, CancelledError } from "wasmloop";
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
const pyStr = (s) => (s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s}'`);   // repr(str) for these texts
const dec = (u8) => new TextDecoder().decode(u8);

function* handleEcho(reader, writer) {
  const data = yield* reader.read(100);
  const message = dec(data);
  const addr = writer.getExtraInfo("peername");

  console.log(`Received ${pyStr(message)} from ${pyStr(addr[0])}`);

  console.log(`Send: ${pyStr(message)}`);
  writer.write(data);
  yield* writer.drain();

  console.log("Close the connection");
  writer.close();
  yield* writer.waitClosed();
}

function* tcpEchoClient(message, port) {
  const [reader, writer] = yield* openConnection("127.0.0.1", port);

  console.log(`Send: ${pyStr(message)}`);
  writer.write(new TextEncoder().encode(message));
  yield* writer.drain();

  const data = yield* reader.read(100);
  console.log(`Received: ${pyStr(dec(data))}`);
  console.log("then", pyBytes(yield* reader.read(100)), "at_eof", B(reader.atEof()));

  console.log("Close the connection");
  writer.close();
  yield* writer.waitClosed();
}

function* serve(server) {
  yield* asyncWith(server, function* () {
    try {
      yield* server.serveForever();
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("serve_forever cancelled; is_serving", B(server.isServing()));
      throw e;
    }
  });
}

function* main() {
  const server = yield* startServer(handleEcho, "127.0.0.1", 0);
  const addrs = server.sockets.map((s) => s.host).join(", ");
  console.log(`Serving on ${addrs}`);
  const task = createTask(serve(server));
  yield* sleep(0);
  console.log("is_serving", B(server.isServing()));
  yield* tcpEchoClient("Hello World!", server.sockets[0].port);
  yield* tcpEchoClient("ünïcode ✓", server.sockets[0].port);
  task.cancel();
  try {
    yield* task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("server task cancelled; is_serving", B(server.isServing()));
  }
}

await run(main());
