// Stream writer and reader odds on a real connection: can_write_eof, write_eof then reading
// the peer's reply, read(0) and readexactly(0) returning b'' at once, a partial last line at
// EOF, get_extra_info for both ends' host, is_closing before and after close, wait_closed
// twice, and the reader's exception() (None) after EOF.
import { run, startServer, openConnection } from "wasmloop";
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
  function* handle(reader, writer) {
    const data = yield* reader.read();   // until the client's write_eof
    console.log("server got", pyBytes(data), "at_eof", B(reader.atEof()), "peer host", writer.getExtraInfo("peername")[0]);
    writer.write(bytes("line1\npartial"));
    yield* writer.drain();
    writer.close();
    yield* writer.waitClosed();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  console.log("sock host", writer.getExtraInfo("sockname")[0], "can_write_eof", B(writer.canWriteEof()));
  const r0 = yield* reader.read(0);
  console.log("read(0)", pyBytes(r0), "readexactly(0)", pyBytes(yield* reader.readexactly(0)));
  writer.write(bytes("hello"));
  writer.writeEof();
  console.log("is_closing after write_eof", B(writer.isClosing()));
  console.log("readline", pyBytes(yield* reader.readline()));
  console.log("readline", pyBytes(yield* reader.readline()));
  const last = yield* reader.readline();
  console.log("readline", pyBytes(last), "at_eof", B(reader.atEof()), "exception", py(reader.exception()));
  writer.close();
  console.log("is_closing after close", B(writer.isClosing()));
  yield* writer.waitClosed();
  yield* writer.waitClosed();
  console.log("closed twice fine");
  server.close();
  yield* server.waitClosed();
}

await run(main());
