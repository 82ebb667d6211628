// run_in_executor(None, func, *args): the default executor runs a plain function in a
// thread. The loop Future is pending right after the call and done once awaited; the
// positional arguments pass through; results of several types come back as they are.
import { EventLoop, getRunningLoop, isFuture, setEventLoop } from "wasmloop";
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

function multiply(a, b) {
  return a * b;
}

function describe(name, items) {
  return `${name} has ${items.length} items: ${items.join(", ")}`;
}

function squares(n) {
  return Array.from({ length: n }, (_, i) => i * i);
}

function nothing() {
  return null;
}

function above(x, limit) {
  return x > limit;
}

function* main() {
  const loop = getRunningLoop();
  const fut = loop.runInExecutor(null, multiply, 6, 7);
  console.log("a future:", B(isFuture(fut)), "done right after the call:", B(fut.done()));
  console.log("result", py(yield* fut), "done:", B(fut.done()));
  console.log(yield* loop.runInExecutor(null, describe, "basket", ["apple", "pear"]));
  console.log("squares", fmt(yield* loop.runInExecutor(null, squares, 5)));
  console.log("nothing", fmt(yield* loop.runInExecutor(null, nothing)));
  console.log("above", fmt(yield* loop.runInExecutor(null, above, 5, 3)), fmt(yield* loop.runInExecutor(null, above, 1, 3)));
  console.log("the first future again:", py(fut.result()));
}

const loop = new EventLoop();
setEventLoop(loop);
await loop.runUntilComplete(main());
loop.close();
