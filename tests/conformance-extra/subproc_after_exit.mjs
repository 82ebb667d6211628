// Once a wait() begun while the child ran has returned (the child exited and the transport
// finished), send_signal, terminate and kill raise ProcessLookupError; wait() and communicate()
// still return. (A wait() begun after the exit is reported but before the pipes close returns at
// once, and signals then still do nothing: the child reads a line first so that this one cannot.)
import { EventLoop, ProcessLookupError, createSubprocessExec, getRunningLoop, sleep, PIPE } from "wasmloop";
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
  const proc = yield* createSubprocessExec("sh", "-c", "read x; echo bye", { stdin: PIPE, stdout: PIPE });
  const waiting = getRunningLoop().createTask(proc.wait());
  yield* sleep(0);
  const [out] = yield* proc.communicate(bytes("\n"));
  console.log("out", pyBytes(out), "returncode", py(proc.returncode), "wait", yield* waiting);
  for (const [name, call] of [
    ["send_signal", () => proc.sendSignal("SIGTERM")],
    ["terminate", () => proc.terminate()],
    ["kill", () => proc.kill()],
  ]) {
    try {
      call();
      console.log(name, "did nothing");
    } catch (e) {
      if (!(e instanceof ProcessLookupError)) throw e;
      console.log(name, "raised", ename(e), `'${e.message}'`);
    }
  }
  console.log("wait", yield* proc.wait());
  console.log("communicate again", tuple(yield* proc.communicate()));
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
