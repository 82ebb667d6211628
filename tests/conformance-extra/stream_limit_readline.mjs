// start_server(limit=8): the handler's readline raises ValueError for a line longer than the
// limit and drops that line; the lines before and after it read normally. The handler
// reports what it saw on its writer.
import { EventLoop, startServer, openConnection } from "wasmloop";
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
    const seen = [];
    while (true) {
      let line;
      try {
        line = yield* reader.readline();
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        seen.push(`ValueError(${e.message})`);
        continue;
      }
      if (line.length === 0) break;
      seen.push(pyBytes(line));
    }
    writer.write(new TextEncoder().encode(seen.join(" ") + "\n"));
    yield* writer.drain();
    writer.close();
    yield* writer.waitClosed();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0, { limit: 8 });
  const port = server.sockets[0].port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  writer.write(bytes("short\nthis line is too long\nok\n"));
  writer.writeEof();
  console.log(new TextDecoder().decode(yield* reader.readline()).trim());
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
