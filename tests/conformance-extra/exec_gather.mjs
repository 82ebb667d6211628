// gather() of run_in_executor Futures: the results come in the order of the arguments,
// whatever order the threads finish in (the calls do different amounts of work). With
// return_exceptions=True a failing call's exception takes its place in the list; without
// it, gather raises that exception.
import { EventLoop, gather, getRunningLoop, setEventLoop } from "wasmloop";
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

function work(name, n) {
  let total = 0;
  for (let i = 0; i < n; i++) total += i;
  return `${name}:${total}`;
}

function boom(name) {
  throw new RangeError(`boom ${name}`);
}

function* main() {
  const loop = getRunningLoop();
  const jobs = [["a", 300000], ["b", 10], ["c", 20000], ["d", 1]];
  console.log(fmt(yield* gather(...jobs.map(([name, n]) => loop.runInExecutor(null, work, name, n)))));
  const res = yield* gather(
    loop.runInExecutor(null, work, "e", 5),
    loop.runInExecutor(null, boom, "f"),
    loop.runInExecutor(null, work, "g", 7),
    { returnExceptions: true },
  );
  console.log(fmt(res));
  try {
    yield* gather(loop.runInExecutor(null, work, "h", 3), loop.runInExecutor(null, boom, "i"));
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("gather raised", fmt(e));
  }
  console.log("afterwards", yield* loop.runInExecutor(null, work, "j", 4));
}

const loop = new EventLoop();
setEventLoop(loop);
await loop.runUntilComplete(main());
loop.close();
