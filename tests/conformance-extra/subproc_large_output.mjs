// A child that writes far more than a pipe holds (3 MB on stdout, 1 MB on stderr) with
// both read by communicate(): nothing is lost, and reading line by line works too.
import { EventLoop, createSubprocessExec, createSubprocessShell, PIPE } from "wasmloop";
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
const count = (u8, c) => u8.reduce((n, v) => n + (v === c.charCodeAt(0) ? 1 : 0), 0);

function* main() {
  let proc = yield* createSubprocessShell(
    "head -c 3000000 /dev/zero | tr '\\0' x; head -c 1000000 /dev/zero | tr '\\0' y >&2",
    { stdout: PIPE, stderr: PIPE });
  const [out, err] = yield* proc.communicate();
  console.log("stdout", out.length, count(out, "x"), "stderr", err.length, count(err, "y"), "returncode", py(proc.returncode));

  proc = yield* createSubprocessExec("seq", "1", "20000", { stdout: PIPE });
  let n = 0;
  let total = 0;
  for (let line; (line = yield* proc.stdout.readline()).length > 0; ) {
    n += 1;
    total += Number(new TextDecoder().decode(line));
  }
  console.log("lines", n, "sum", total, "wait", yield* proc.wait());
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
