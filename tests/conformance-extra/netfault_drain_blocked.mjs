// A writer blocked in drain() (the peer reads nothing, the buffer is over the high mark)
// when the peer resets the connection: drain() raises a ConnectionError, the reader's
// exception is set, and the loop serves a new connection afterwards.
import { EventLoop, startServer, openConnection, sleep, ConnectionError, BrokenPipeError, ConnectionResetError } from "wasmloop";
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
  const stalled = loop.createFuture();

  function* handle(reader, writer) {
    if (pyBytes(yield* reader.readexactly(1)) === "b's'") {
      yield* stalled;                       // never reads again until told to reset
      writer.getExtraInfo("socket").resetAndDestroy();   // SO_LINGER 0 + close
    } else {
      writer.write(bytes("served"));
      writer.close();
    }
  }

  const server = yield* startServer(handle, "127.0.0.1", 0);
  const port = server.sockets[0].port;
  const [reader, writer] = yield* openConnection("127.0.0.1", port);
  writer.write(bytes("s"));
  let blocked = null;
  for (let i = 0; i < 10000; i++) {
    writer.write(new Uint8Array(65536));
    const drain = loop.createTask(writer.drain());
    yield* sleep(0);
    if (!drain.done()) {
      blocked = drain;
      break;
    }
    yield* drain;
  }
  console.log("drain blocked:", B(blocked !== null), "buffer over high mark:", B(writer.transport.getWriteBufferSize() > 65536));
  stalled.setResult(null);
  try {
    yield* blocked;
  } catch (e) {
    if (!(e instanceof ConnectionError)) throw e;
    console.log("drain raised a ConnectionError:", B(e instanceof BrokenPipeError || e instanceof ConnectionResetError));
  }
  console.log("reader exception set:", B(reader.exception() instanceof ConnectionError));
  const [reader2, writer2] = yield* openConnection("127.0.0.1", port);
  writer2.write(bytes("n"));
  console.log("new connection:", pyBytes(yield* reader2.read()));
  writer2.close();
  server.close();
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
