// Server.close_clients() and abort_clients() (3.13): after close() the server stops
// listening but its connections stay; close_clients() closes every accepted transport (the
// clients read what was written before, then EOF), and wait_closed() returns once they are
// gone; abort_clients() ends them at once (the client sees the connection end: EOF or a
// reset, printed alike). Handlers blocked in read() see EOF.
import { run, sleep, createTask, startServer, openConnection, ConnectionResetError } from "wasmloop";
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
  const seen = [];

  function* handle(reader, writer) {
    writer.write(bytes("welcome\n"));
    yield* writer.drain();
    const data = yield* reader.read();
    seen.push(data);
  }

  for (const how of ["closeClients", "abortClients"]) {
    console.log(how === "closeClients" ? "close_clients:" : "abort_clients:");
    const server = yield* startServer(handle, "127.0.0.1", 0);
    const port = server.sockets[0].port;
    const clients = [];
    for (let i = 0; i < 3; i++) clients.push(yield* openConnection("127.0.0.1", port));
    for (const [r] of clients) console.log("  client got", pyBytes(yield* r.readline()));
    server.close();
    console.log("  closed; is_serving", B(server.isServing()));
    const waiter = createTask(server.waitClosed());
    yield* sleep(0.05);
    console.log("  wait_closed done with clients connected:", B(waiter.done()));
    server[how]();
    for (const [r, w] of clients) {
      try {
        const rest = yield* r.read();
        console.log("  client reads", pyBytes(rest), "at_eof", B(r.atEof()));
      } catch (e) {
        if (!(e instanceof ConnectionResetError)) throw e;
        console.log("  client reads", "b''", "at_eof", "True");
      }
      w.close();
      try {
        yield* w.waitClosed();
      } catch (e) {
        if (!(e instanceof ConnectionResetError)) throw e;
      }
    }
    yield* waiter;
    console.log("  wait_closed returned; handlers saw", `[${seen.map(pyBytes).join(", ")}]`);
    seen.length = 0;
    yield* sleep(0.05);
  }
}

await run(main());
