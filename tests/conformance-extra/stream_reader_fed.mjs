// A StreamReader fed by hand (no socket): feed_data/feed_eof from callbacks wake the read
// waiting for them; repr shows the buffer, EOF and a non-default limit; set_exception makes
// every read raise; a reader created in a coroutine uses the running loop.
import { EventLoop, StreamReader, ConnectionResetError, sleep } from "wasmloop";
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
  const r = new StreamReader(20);
  console.log(String(r));
  loop.callSoon((d) => r.feedData(d), bytes("hello "));
  loop.callSoon((d) => r.feedData(d), bytes("world\nrest"));
  console.log("readline:", pyBytes(yield* r.readline()));
  console.log(String(r));
  r.feedEof();
  console.log(String(r), "at_eof", B(r.atEof()));
  console.log("read:", pyBytes(yield* r.read()), "at_eof", B(r.atEof()));
  try {
    r.feedData(bytes("late"));
  } catch {
    console.log("feed_data after feed_eof refused");
  }

  const r2 = new StreamReader();
  const waiter = loop.createTask(r2.readexactly(3));
  yield* sleep(0);
  r2.setException(new ConnectionResetError("gone"));
  try {
    yield* waiter;
  } catch (e) {
    if (!(e instanceof ConnectionResetError)) throw e;
    console.log("waiting read raised", ename(e), e.message);
  }
  try {
    yield* r2.read(1);
  } catch (e) {
    if (!(e instanceof ConnectionResetError)) throw e;
    console.log("later read raised", ename(e), e.message);
  }
  console.log("exception()", ename(r2.exception()));
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
