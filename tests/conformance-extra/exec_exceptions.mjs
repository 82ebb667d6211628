// Exceptions raised in the executor's thread come out of the awaited Future with their class
// and message: ValueError, TypeError, RuntimeError, an application's own exception class, and
// one raised from another (its __cause__). The Future keeps the very exception it raised;
// the default executor goes on working afterwards.
import { EventLoop, getRunningLoop, setEventLoop } from "wasmloop";
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

// Each function runs in a worker, sent by its source: an error class it throws is defined
// inside it (the worker has none of this module's), and arrives with its name.

function checkPositive(x) {
  if (x <= 0) throw new RangeError(`x must be positive, got ${x}`);
  return x;
}

function needText(x) {
  if (typeof x !== "string") throw new TypeError("expected text, got a number");
  return x;
}

function stop(reason) {
  class RuntimeError extends Error { constructor(m) { super(m); this.name = "RuntimeError"; } }
  throw new RuntimeError(reason);
}

function failApp(code) {
  class AppError extends Error { constructor(m) { super(m); this.name = "AppError"; } }
  throw new AppError(`application failed with code ${code}`);
}

function parse(text) {
  class AppError extends Error { constructor(m, o) { super(m, o); this.name = "AppError"; } }
  try {
    throw new RangeError(`invalid literal: '${text}'`);
  } catch (inner) {
    throw new AppError("cannot parse", { cause: inner });
  }
}

const NAMES = new Map([[checkPositive, "check_positive"], [needText, "need_text"], [stop, "stop"], [failApp, "fail_app"], [parse, "parse"]]);

function* main() {
  const loop = getRunningLoop();
  const calls = [[checkPositive, 5], [checkPositive, -2], [needText, 3], [stop, "halt"], [failApp, 7], [parse, "x"]];
  for (const [func, arg] of calls) {
    const fut = loop.runInExecutor(null, func, arg);
    try {
      console.log(NAMES.get(func), "returned", fmt(yield* fut));
    } catch (e) {
      console.log(NAMES.get(func), "raised", fmt(e));
      console.log("  the Future's exception is it:", B(fut.exception() === e), "done:", B(fut.done()), "cancelled:", B(fut.cancelled()));
      if (e.cause !== undefined) console.log("  caused by", fmt(e.cause));
    }
  }
  console.log("still working:", py(yield* loop.runInExecutor(null, checkPositive, 1)));
}

const loop = new EventLoop();
setEventLoop(loop);
await loop.runUntilComplete(main());
loop.close();
