// stderr=STDOUT: both streams on one pipe, in the order the child wrote them; the program
// runs as itself (its own exit status; a signal ends it with -N).
import { EventLoop, createSubprocessExec, createSubprocessShell, PIPE, STDOUT } from "wasmloop";
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
  let proc = yield* createSubprocessExec(
    "sh", "-c", "for i in 1 2 3; do echo out$i; echo err$i >&2; done; exit 9", { stdout: PIPE, stderr: STDOUT });
  console.log("stderr stream", py(proc.stderr));
  const [out, err] = yield* proc.communicate();
  console.log(pyBytes(out), py(err), py(proc.returncode));

  proc = yield* createSubprocessExec("sh", "-c", "echo ready >&2; exec sleep 30", { stdout: PIPE, stderr: STDOUT });
  console.log("line", pyBytes(yield* proc.stdout.readline()));
  proc.terminate();
  console.log("terminated", yield* proc.wait());

  proc = yield* createSubprocessShell("echo a; echo b >&2", { stdout: PIPE, stderr: STDOUT });
  console.log("shell", pyBytes((yield* proc.communicate())[0]));
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
