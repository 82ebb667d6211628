// shutdown_default_executor(): afterwards run_in_executor(None, ...) raises RuntimeError at
// the call, and so does to_thread() when awaited, while an explicit executor still works.
// Calling it again returns at once, and so does calling it on a loop that never made a
// default executor.
import { EventLoop, RuntimeError, ThreadPoolExecutor, getRunningLoop, setEventLoop, toThread } from "wasmloop";
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
const fmt = (v) => (v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v === null || v === undefined ? "None" : typeof v === "boolean" ? B(v) : String(v));   // vloop.fmt

function square(x) {
  return x * x;
}

function* main() {
  const loop = getRunningLoop();
  console.log("before:", py(yield* loop.runInExecutor(null, square, 4)));
  yield* loop.shutdownDefaultExecutor();
  console.log("shut down");
  try {
    loop.runInExecutor(null, square, 5);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("run_in_executor(None):", fmt(e));
  }
  const coro = toThread(square, 6);
  console.log("to_thread() made without error");
  try {
    yield* coro;
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("awaiting it:", fmt(e));
  }
  const pool = new ThreadPoolExecutor(); // with ... as pool: (using pool = ..., where the syntax exists)
  try {
    console.log("an explicit executor:", py(yield* loop.runInExecutor(pool, square, 7)));
  } finally {
    pool[Symbol.dispose]();
  }
  yield* loop.shutdownDefaultExecutor();
  console.log("shut down again");
}

const loop = new EventLoop();
setEventLoop(loop);
await loop.runUntilComplete(main());
loop.close();

const fresh = new EventLoop();
console.log("a fresh loop's shutdown_default_executor():", fmt(await fresh.runUntilComplete(fresh.shutdownDefaultExecutor())));
fresh.close();
