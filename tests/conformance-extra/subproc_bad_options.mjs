// asyncio refuses text mode and the other Popen options it cannot honour with ValueError,
// and a shell command that is not a string; nothing is started.
import { EventLoop, createSubprocessExec, createSubprocessShell } from "wasmloop";
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
const list = (o) => `[${Object.keys(o).map((k) => `'${k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase())}'`).join(", ")}]`;

function* main() {
  for (const kw of [{ text: true }, { encoding: "utf-8" }, { errors: "strict" },
    { universalNewlines: true }, { bufsize: 1 }, { shell: true }]) {
    try {
      yield* createSubprocessExec("true", kw);
      console.log("exec", kw, "started?!");
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      console.log("exec", list(kw), ename(e));
    }
  }
  for (const kw of [{ text: true }, { shell: false }]) {
    try {
      yield* createSubprocessShell("true", kw);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      console.log("shell", list(kw), ename(e));
    }
  }
  try {
    yield* createSubprocessShell(42);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("shell 42", ename(e));
  }
  try {
    yield* createSubprocessExec("echo", 42);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    console.log("exec arg 42", ename(e));
  }
  const proc = yield* createSubprocessExec("true");
  console.log("then true:", yield* proc.wait());
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
