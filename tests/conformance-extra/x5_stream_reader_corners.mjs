// A StreamReader fed by timers (virtual clock): a second read while one waits is a
// RuntimeError; a read cancelled while waiting loses nothing; wait_for(readline) times out
// and a later readline still gets the whole line; readuntil's LimitOverrunError when the
// separator is found beyond the limit (consumed = where it starts) and when it is not
// found, and what readline then drops; bad arguments.
import { EventLoop, sleep, waitFor, StreamReader, LimitOverrunError, TimeoutError, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const bytes = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const pyBytes = (u8) => "b'" + Array.from(u8, (c) => (c === 0x0a ? "\\n" : String.fromCharCode(c))).join("") + "'";
const vename = (e) => (e instanceof RangeError ? "ValueError" : ename(e));

function* main() {
  const r = new StreamReader({ limit: 8 });
  loop.callLater(1, () => r.feedData(bytes("ab")));
  const first = loop.createTask(r.read(10));
  yield* sleep(0);
  try {
    yield* r.read(10);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("second read:", ename(e), e.message);
  }
  console.log("first read", pyBytes(yield* first), T());

  const t = loop.createTask(r.readexactly(3));
  loop.callLater(0.5, () => r.feedData(bytes("cde")));
  yield* sleep(0.25);
  t.cancel();
  yield* sleep(0);
  console.log("cancelled readexactly", B(t.cancelled()), T());
  yield* sleep(0.5);
  console.log("data kept:", pyBytes(yield* r.readexactly(3)), T());

  loop.callLater(0.5, () => r.feedData(bytes("hel")));
  loop.callLater(1.5, () => r.feedData(bytes("lo\nrest")));
  try {
    yield* waitFor(r.readline(), 1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("readline timed out", T());
  }
  console.log("readline later:", pyBytes(yield* r.readline()), T());
  console.log("left:", pyBytes(yield* r.readexactly(4)));

  r.feedData(bytes("0123456789|tail"));
  try {
    yield* r.readuntil(bytes("|"));
  } catch (e) {
    if (!(e instanceof LimitOverrunError)) throw e;
    console.log("found beyond limit:", ename(e), e.consumed, e.message);
  }
  try {
    yield* r.readline();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("readline:", vename(e), e.message);
  }
  r.feedData(bytes("more"));
  console.log("after readline error:", pyBytes(yield* r.read(8)));

  r.feedData(bytes("abcdefghijkl"));
  try {
    yield* r.readuntil(bytes("\n"));
  } catch (e) {
    if (!(e instanceof LimitOverrunError)) throw e;
    console.log("not found:", ename(e), e.consumed, e.message);
  }
  try {
    yield* r.readline();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("readline:", vename(e), e.message);
  }
  r.feedData(bytes("xy\n"));
  console.log("after clear:", pyBytes(yield* r.readline()));

  for (const [what, call] of [["readuntil(b'')", () => r.readuntil(bytes(""))],
                              ["readexactly(-1)", () => r.readexactly(-1)]]) {
    try {
      yield* call();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      console.log(what, vename(e), e.message);
    }
  }
  console.log("read(0)", pyBytes(yield* r.read(0)));
  r.feedEof();
  console.log("read(-1) at eof", pyBytes(yield* r.read(-1)), "at_eof", B(r.atEof()));
  try {
    new StreamReader({ limit: 0 });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("limit=0:", vename(e), e.message);
  }
}

loop.runUntilCompleteSync(main());
loop.close();
