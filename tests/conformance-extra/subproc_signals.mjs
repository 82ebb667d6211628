// A signal ends a child with a negative returncode, minus the signal's number: kill() is
// SIGKILL (-9), terminate() SIGTERM (-15), send_signal(SIGHUP) -1, send_signal(SIGINT) -2.
import { EventLoop, createSubprocessExec } from "wasmloop";
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
  for (const [name, how] of [
    ["kill", (p) => p.kill()],
    ["terminate", (p) => p.terminate()],
    ["send_signal(SIGHUP)", (p) => p.sendSignal("SIGHUP")],
    ["send_signal(SIGINT)", (p) => p.sendSignal(2)],   // a number, as signal.SIGINT is
  ]) {
    const proc = yield* createSubprocessExec("sleep", "30");
    console.log(name, "returncode before", py(proc.returncode));
    how(proc);
    console.log(name, "wait", yield* proc.wait(), "returncode", py(proc.returncode));
  }
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
