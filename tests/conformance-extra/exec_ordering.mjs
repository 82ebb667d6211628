// Where an executor result lands among the loop's callbacks. The Future completes at a loop
// iteration after the thread finished (the thread hands the result over with
// call_soon_threadsafe), never inside the call: a callback scheduled before the await runs
// first; a done callback added before the await runs before the awaiting task resumes;
// what that callback schedules runs after the task's step, and before the task's next one.
import { EventLoop, gather, getRunningLoop, setEventLoop, sleep } from "wasmloop";
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

const log = [];

function compute(x) {
  return x * x;
}

function* main() {
  const loop = getRunningLoop();
  const fut = loop.runInExecutor(null, compute, 3);
  loop.callSoon((m) => log.push(m), "call_soon before the await");

  function onDone(f) {
    log.push("done callback sees " + fmt(f.result()));
    loop.callSoon((m) => log.push(m), "scheduled by the done callback");
  }

  fut.addDoneCallback(onDone);
  log.push(`awaiting; done: ${B(fut.done())}`);
  const v = yield* fut;
  log.push("task resumed with " + fmt(v));
  yield* sleep(0);
  log.push("task after sleep(0)");
  const both = gather(loop.runInExecutor(null, compute, 4), loop.runInExecutor(null, compute, 5));
  both.addDoneCallback((f) => log.push("gather done " + fmt(f.result())));
  log.push("gathered " + fmt(yield* both));
}

const loop = new EventLoop();
setEventLoop(loop);
await loop.runUntilComplete(main());
loop.close();
for (const line of log) console.log(line);
