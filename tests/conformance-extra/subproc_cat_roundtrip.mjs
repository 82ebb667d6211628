// stdin and stdout as PIPEs: communicate(input) writes the input, closes stdin and reads
// stdout to its end; cat gives back what it got. Empty input closes stdin at once; a large
// input (1 MB, more than a pipe holds) goes through whole.
import { EventLoop, createSubprocessExec, PIPE } from "wasmloop";
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

function* main() {
  let proc = yield* createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
  console.log("streams:", py(proc.stdin !== null), py(proc.stdout !== null), py(proc.stderr));
  let [out, err] = yield* proc.communicate(bytes("hello\nworld\n"));
  console.log("out", pyBytes(out), "err", py(err), "returncode", py(proc.returncode));

  proc = yield* createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
  [out, err] = yield* proc.communicate(bytes(""));
  console.log("empty input:", pyBytes(out), py(proc.returncode));

  const data = new Uint8Array(256 * 4096).map((_, i) => i % 256);   // bytes(range(256)) * 4096
  proc = yield* createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
  [out, err] = yield* proc.communicate(data);
  console.log("1 MB:", out.length, py(out.length === data.length && out.every((v, i) => v === data[i])), py(proc.returncode));

  proc = yield* createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
  [out, err] = yield* proc.communicate();
  console.log("no input:", pyBytes(out), py(proc.returncode));
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
