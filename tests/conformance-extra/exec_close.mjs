// set_default_executor() takes a ThreadPoolExecutor (anything else: TypeError), and
// run_until_complete() takes a run_in_executor Future directly. close() shuts the default
// executor down without waiting: the executor then refuses new work, and run_in_executor on
// the closed loop raises RuntimeError, with the default executor or an explicit one.
import { EventLoop, RuntimeError, ThreadPoolExecutor } from "wasmloop";
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

const loop = new EventLoop();
try {
  loop.setDefaultExecutor({});
} catch (e) {
  if (!(e instanceof TypeError)) throw e;
  console.log("set_default_executor(object()):", ename(e));
}
const pool = new ThreadPoolExecutor({ maxWorkers: 1 });
loop.setDefaultExecutor(pool);
console.log("run_until_complete:", py(await loop.runUntilComplete(loop.runInExecutor(null, square, 3))));
const fut = loop.runInExecutor(null, square, 4);
console.log("awaited by run_until_complete:", py(await loop.runUntilComplete(fut)), B(fut.done()));
loop.close();
console.log("closed");
const attempt = (label, f) => {
  try {
    f();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log(label, fmt(e));
  }
};
attempt("submit after close:", () => pool.submit(square, 2));
attempt("run_in_executor(None) after close:", () => loop.runInExecutor(null, square, 2));
const other = new ThreadPoolExecutor({ maxWorkers: 1 });
attempt("run_in_executor(other) after close:", () => loop.runInExecutor(other, square, 2));
await other.shutdown();
loop.close();
console.log("close() again: fine");
