// DEVNULL as stdin (the child reads EOF at once) and as stdout (its output goes nowhere);
// env replaces the child's whole environment; cwd sets its working directory.
import { EventLoop, createSubprocessExec, PIPE, DEVNULL } from "wasmloop";
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
const tuple = (a) => `(${a.map(py).join(", ")})`;

function* main() {
  let proc = yield* createSubprocessExec("cat", { stdin: DEVNULL, stdout: PIPE });
  console.log("stdin stream", py(proc.stdin), "out", pyBytes((yield* proc.communicate())[0]), py(proc.returncode));

  proc = yield* createSubprocessExec("sh", "-c", "echo hidden; echo shown >&2", { stdout: DEVNULL, stderr: PIPE });
  console.log("devnull stdout:", tuple(yield* proc.communicate()));

  proc = yield* createSubprocessExec(
    "sh", "-c", 'echo "FOO=$FOO BAR=${BAR-unset}"; pwd',
    { env: { FOO: "bar", PATH: "/usr/bin:/bin" }, cwd: "/", stdout: PIPE });
  console.log("env and cwd:", pyBytes((yield* proc.communicate())[0]));
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
