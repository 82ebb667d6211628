// start_unix_server / open_unix_connection on a socket in a fresh temporary directory: the
// server's socket name is the path, the client's peername is the path and its sockname is
// empty; lines go both ways; a second server on a path already in use (a plain file) fails
// with OSError EADDRINUSE, and connecting to a path where nothing listens raises
// FileNotFoundError (no file) or ConnectionRefusedError (a file, not a listening socket).
import { run, startUnixServer, openUnixConnection, getRunningLoop, OSError } from "wasmloop";
import { mkdtempSync, writeFileSync, rmSync, existsSync, rmdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
const repr = (v) => (typeof v === "string" ? `'${v}'` : py(v));

function* main() {
  const d = mkdtempSync(join(tmpdir(), "x5-"));
  const path = join(d, "echo.sock");
  const done = getRunningLoop().createFuture();

  function* handle(reader, writer) {
    console.log("server: sockname is path", B(writer.getExtraInfo("sockname") === path),
      "peername", repr(writer.getExtraInfo("peername")));
    let line;
    while ((line = yield* reader.readline()).length) {
      writer.write(concat(bytes("echo "), line));
      yield* writer.drain();
    }
    writer.close();
    yield* writer.waitClosed();
    done.setResult(null);
  }

  const server = yield* startUnixServer(handle, path);
  console.log("listening on the path:", B(server.sockets[0].path === path), "is_serving", B(server.isServing()));
  const [reader, writer] = yield* openUnixConnection(path);
  console.log("client: peername is path", B(writer.getExtraInfo("peername") === path),
    "sockname", repr(writer.getExtraInfo("sockname")));
  for (const msg of ["one\n", "two\n"]) {
    writer.write(bytes(msg));
    yield* writer.drain();
    console.log("client got", pyBytes(yield* reader.readline()));
  }
  writer.writeEof();
  console.log("client reads EOF", pyBytes(yield* reader.read()), "at_eof", B(reader.atEof()));
  writer.close();
  yield* writer.waitClosed();
  yield* done;
  server.close();
  yield* server.waitClosed();
  console.log("closed; is_serving", B(server.isServing()));

  const taken = join(d, "taken");
  writeFileSync(taken, "");
  try {
    yield* startUnixServer(handle, taken);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    console.log("path in use:", ename(e), e.errno);
  }
  try {
    yield* openUnixConnection(join(d, "nothing.sock"));
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    console.log("no such socket:", ename(e), e.errno);
  }
  try {
    yield* openUnixConnection(taken);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    console.log("not a socket:", ename(e), e.errno);
  }
  rmSync(taken);
  if (existsSync(path)) rmSync(path);
  rmdirSync(d);
}

await run(main());
