// A program that does not exist raises FileNotFoundError, one that is not executable
// PermissionError, a working directory that does not exist FileNotFoundError naming it;
// the loop goes on running children afterwards.
import { EventLoop, OSError, createSubprocessExec, PIPE, STDOUT } from "wasmloop";
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
  for (const [args, kw] of [
    [["wasmloop-no-such-program", "-x"], {}],
    [["wasmloop-no-such-program"], { stdout: PIPE, stderr: STDOUT }],
    [["/etc/passwd"], {}],
    [["./wasmloop/no/such/path"], {}],
    [["sh", "-c", "exit 0"], { cwd: "/wasmloop-no-such-dir" }],
  ]) {
    try {
      yield* createSubprocessExec(...args, kw);
      console.log(args[0], "started?!");
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      console.log(args[0], ename(e), e.message);
    }
  }
  const proc = yield* createSubprocessExec("sh", "-c", "echo still fine", { stdout: PIPE });
  console.log("then", pyBytes((yield* proc.communicate())[0]));
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
