// Cancelled and timed-out reads on a real connection lose no data: a readline() task
// cancelled before anything arrived, then the line read whole; timeout() around
// readexactly(10) when only 5 bytes came (TimeoutError), then the rest arrives and
// readexactly(10) returns all 10; wait_for(readuntil) timing out in the middle of a
// separator. The server sends only when asked, so nothing races.
import { run, sleep, startServer, openConnection, timeout, waitFor, asyncWith, createTask, CancelledError, TimeoutError } from "wasmloop";
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
const strip = (u8) => {
  let a = 0, b = u8.length;
  while (a < b && " \t\n\r".includes(String.fromCharCode(u8[a]))) a++;
  while (b > a && " \t\n\r".includes(String.fromCharCode(u8[b - 1]))) b--;
  return u8.subarray(a, b);
};
const unescape = (u8) => bytes(String.fromCharCode(...u8).replaceAll("\\n", "\n"));

function* main() {
  function* handle(reader, writer) {
    for (;;) {
      const cmd = yield* reader.readline();
      if (!cmd.length) break;
      writer.write(unescape(strip(cmd)));
      yield* writer.drain();
    }
    writer.close();
    yield* writer.waitClosed();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);

  const t = createTask(reader.readline());
  yield* sleep(0.01);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("readline task cancelled:", B(t.cancelled()));
  }
  writer.write(bytes("first line\\n\n"));
  console.log("then readline:", pyBytes(yield* reader.readline()));

  writer.write(bytes("12345\n"));
  try {
    yield* asyncWith(timeout(0.2), function* () {
      yield* reader.readexactly(10);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("readexactly(10) timed out; at_eof", B(reader.atEof()));
  }
  writer.write(bytes("67890\n"));
  console.log("readexactly(10) again:", pyBytes(yield* reader.readexactly(10)));

  writer.write(bytes("part|\n"));
  try {
    yield* waitFor(reader.readuntil(bytes("||")), 0.2);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("readuntil timed out");
  }
  writer.write(bytes("|rest\n"));
  console.log("readuntil again:", pyBytes(yield* reader.readuntil(bytes("||"))));
  console.log("read(4):", pyBytes(yield* reader.read(4)));

  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
  console.log("done");
}

await run(main());
