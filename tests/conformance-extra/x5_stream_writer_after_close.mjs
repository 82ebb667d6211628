// A StreamWriter after close(): is_closing() at once; drain() raises ConnectionResetError
// ("Connection lost") once the connection is lost; write() and write_eof() are silently
// ignored; wait_closed() returns, again and again; the transport no longer reads; the
// client's reader gives what had arrived and then b'' (EOF); the server's handler sees EOF.
import { run, startServer, openConnection, getRunningLoop, ConnectionResetError } from "wasmloop";
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
function* main() {
  const gotEof = getRunningLoop().createFuture();

  function* handle(reader, writer) {
    writer.write(bytes("greeting\n"));
    yield* writer.drain();
    const data = yield* reader.read();
    gotEof.setResult(data);
    writer.close();
    yield* writer.waitClosed();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  console.log("first line", pyBytes(yield* reader.readline()));
  writer.write(bytes("last words"));
  writer.close();
  console.log("is_closing", B(writer.isClosing()), "can_write_eof", B(writer.canWriteEof()));
  try {
    yield* writer.drain();
    console.log("drain returned");
  } catch (e) {
    if (!(e instanceof ConnectionResetError)) throw e;
    console.log("drain:", ename(e), e.message);
  }
  writer.write(bytes("ignored"));
  writer.writeEof();
  console.log("write/write_eof after close raised nothing");
  yield* writer.waitClosed();
  yield* writer.waitClosed();
  console.log("wait_closed twice; is_reading", B(writer.transport.isReading()));
  console.log("reader:", pyBytes(yield* reader.read()), "at_eof", B(reader.atEof()));
  console.log("server saw", pyBytes(yield* gotEof));
  try {
    yield* writer.drain();
  } catch (e) {
    if (!(e instanceof ConnectionResetError)) throw e;
    console.log("drain again:", ename(e), e.message);
  }
  server.close();
  yield* server.waitClosed();
}

await run(main());
