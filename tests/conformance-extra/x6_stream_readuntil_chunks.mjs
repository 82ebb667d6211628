// readuntil on a real connection whose separators arrive split over several writes (the
// server pauses between pieces): a two-byte separator split after its first byte, one split
// over three writes with EOF before the next separator (IncompleteReadError), and limits:
// a separator found past the limit across pieces, one not found while the buffer grows past
// the limit (the client asks for the last piece after the error); in both cases the data
// stays to be read.
import { run, sleep, startServer, openConnection, IncompleteReadError, LimitOverrunError } from "wasmloop";
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

const SCRIPTS = {
  "crlf": ["ab\r", "\ncd", "\r\n"],
  "colons": ["x:", ":", ":y", "z:"],
  "found": ["0123456", "78\r\nrest"],
  "notfound": ["abc", "defgh", null, "ij|"],
};
const dec = (u8) => new TextDecoder().decode(u8);

function* main() {
  function* handle(reader, writer) {
    const which = dec(yield* reader.readline()).trimEnd();
    for (const piece of SCRIPTS[which]) {
      if (piece === null) {   // wait for the client's go-ahead
        yield* reader.readline();
        continue;
      }
      writer.write(bytes(piece));
      yield* writer.drain();
      yield* sleep(0.05);
    }
    writer.close();
    yield* writer.waitClosed();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].port;

  let [reader, writer] = yield* openConnection("127.0.0.1", port);
  writer.write(bytes("crlf\n"));
  const first = yield* reader.readuntil(bytes("\r\n"));
  console.log("crlf:", pyBytes(first), pyBytes(yield* reader.readuntil(bytes("\r\n"))));
  console.log("  then", pyBytes(yield* reader.read()), B(reader.atEof()));
  writer.close();
  yield* writer.waitClosed();

  [reader, writer] = yield* openConnection("127.0.0.1", port);
  writer.write(bytes("colons\n"));
  console.log("colons:", pyBytes(yield* reader.readuntil(bytes("::"))));
  try {
    yield* reader.readuntil(bytes("::"));
  } catch (e) {
    if (!(e instanceof IncompleteReadError)) throw e;
    console.log("  ", ename(e), pyBytes(e.partial), py(e.expected));
  }
  console.log("  then", pyBytes(yield* reader.read()), B(reader.atEof()));
  writer.close();
  yield* writer.waitClosed();

  [reader, writer] = yield* openConnection("127.0.0.1", port, { limit: 8 });
  writer.write(bytes("found\n"));
  try {
    yield* reader.readuntil(bytes("\r\n"));
  } catch (e) {
    if (!(e instanceof LimitOverrunError)) throw e;
    console.log("found:", ename(e), String(e.consumed), "|", e.message);
  }
  console.log("  still there:", pyBytes(yield* reader.readexactly(11)));
  console.log("  rest:", pyBytes(yield* reader.read()));
  writer.close();
  yield* writer.waitClosed();

  [reader, writer] = yield* openConnection("127.0.0.1", port, { limit: 4 });
  writer.write(bytes("notfound\n"));
  yield* reader.readexactly(3);
  try {
    console.log("notfound:", pyBytes(yield* reader.readuntil(bytes("|"))));
  } catch (e) {
    if (!(e instanceof LimitOverrunError)) throw e;
    console.log("notfound:", ename(e), String(e.consumed), "|", e.message);
  }
  writer.write(bytes("more\n"));
  console.log("  rest:", pyBytes(yield* reader.read()));
  writer.close();
  yield* writer.waitClosed();

  server.close();
  yield* server.waitClosed();
}

await run(main());
