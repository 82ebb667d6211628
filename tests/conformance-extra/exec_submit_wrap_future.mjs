// ThreadPoolExecutor.submit() returns a concurrent.futures.Future; asyncio.wrap_future() makes
// a loop Future that follows it (wrap_future of a loop Future returns it unchanged). A done
// concurrent future: result(), exception(), cancel() is False, a done callback added late runs
// at once. After shutdown(), submit() raises RuntimeError.
import { EventLoop, RuntimeError, ThreadPoolExecutor, ensureFuture, getRunningLoop, isFuture, setEventLoop, wrapFuture } from "wasmloop";
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

function refuse(x) {
  throw new RangeError(`refused ${x}`);
}

function* main() {
  const loop = getRunningLoop();
  const pool = new ThreadPoolExecutor({ maxWorkers: 2 });
  const cf = pool.submit(square, 8);
  const fut = wrapFuture(cf);
  console.log("wrap_future gives a loop Future:", B(isFuture(fut)), B(fut.getLoop() === loop));
  console.log("awaited:", py(yield* fut));
  console.log("concurrent future: done", B(cf.done()), "result", py(cf.result()), "exception", py(cf.exception()));
  console.log("cancel() when done:", B(cf.cancel()), "cancelled:", B(cf.cancelled()));
  const seen = [];
  cf.addDoneCallback((f) => seen.push(f.result()));
  console.log("a late done callback ran at once:", fmt(seen));
  console.log("wrap_future of a loop Future returns it:", B(wrapFuture(fut) === fut));
  const bad = pool.submit(refuse, 3);
  try {
    yield* wrapFuture(bad);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("awaited the failing one:", fmt(e));
  }
  console.log("its exception():", fmt(bad.exception()));
  try {
    bad.result();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("its result() raises:", fmt(e));
  }
  yield* ensureFuture(pool.shutdown({ wait: true }));
  try {
    pool.submit(square, 1);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("submit after shutdown:", fmt(e));
  }
}

const loop = new EventLoop();
setEventLoop(loop);
await loop.runUntilComplete(main());
loop.close();
