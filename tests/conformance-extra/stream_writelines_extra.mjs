// writelines() sends the pieces in order (empty ones included); get_extra_info: the
// client's sockname is the server side's peername and the client's peername is the server's
// address; unknown names give None or the default; "socket" is there, "sslcontext" is None.
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

const eq = (a, b) => JSON.stringify(a) === JSON.stringify(b);   // tuple ==

function* main() {
  const seen = loop.createFuture();

  function* handle(reader, writer) {
    const line = yield* reader.readline();
    seen.setResult([line, writer.getExtraInfo("peername"), writer.getExtraInfo("sockname")]);
    writer.close();
    yield* writer.waitClosed();
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const { host, port } = server.sockets[0];
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  writer.writelines([bytes("a"), bytes("bc"), bytes(""), bytes("def\n")]);
  const [line, serverPeer, serverSock] = yield* seen;
  console.log("server read", pyBytes(line));
  console.log("client sockname == server peername:", B(eq(writer.getExtraInfo("sockname"), serverPeer)));
  console.log("client peername == server sockname:", B(eq(writer.getExtraInfo("peername"), serverSock)));
  console.log("peername host", writer.getExtraInfo("peername")[0], "port matches", B(writer.getExtraInfo("peername")[1] === port));
  console.log("server listens on", host);
  console.log("unknown:", py(writer.getExtraInfo("no such thing")), writer.getExtraInfo("no such thing", "dflt"));
  console.log("socket given:", B(writer.getExtraInfo("socket") !== null), "sslcontext:", py(writer.getExtraInfo("sslcontext")));
  writer.close();
  yield* writer.waitClosed();
  server.close();
  yield* server.waitClosed();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
