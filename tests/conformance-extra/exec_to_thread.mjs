// asyncio.to_thread(func, *args) runs func in the running loop's default executor: its
// result, its exception, several at once under gather, one under wait_for with a timeout
// that does not expire, and a to_thread() awaited only after other work.
import { EventLoop, gather, getRunningLoop, RuntimeError, setEventLoop, sleep, toThread, waitFor } from "wasmloop";
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

function upper(s) {
  return s.toUpperCase();
}

function add(...nums) {
  return nums.reduce((a, b) => a + b, 0);
}

function refuse(reason) {
  class RuntimeError extends Error { constructor(m) { super(m); this.name = "RuntimeError"; } }
  throw new RuntimeError(reason);
}

function* main() {
  console.log(yield* toThread(upper, "hello"));
  console.log(py(yield* toThread(add, 1, 2, 3, 4)));
  try {
    yield* toThread(refuse, "stopped");
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("raised", fmt(e));
  }
  console.log(fmt(yield* gather(toThread(upper, "a"), toThread(add, 5, 6), toThread(upper, "b"))));
  console.log(yield* waitFor(toThread(upper, "in time"), 60));
  const later = toThread(add, 10, 20);
  yield* sleep(0);
  console.log("awaited later:", py(yield* later));
  const task = getRunningLoop().createTask(toThread(upper, "as a task"));
  console.log("task result:", yield* task);
}

const loop = new EventLoop();
setEventLoop(loop);
await loop.runUntilComplete(main());
loop.close();
