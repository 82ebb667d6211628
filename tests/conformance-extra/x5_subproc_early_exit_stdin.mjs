// A child that stops reading its stdin early: communicate() with a large input to `true`
// (reads nothing) and to `head -c 10` (reads ten bytes) returns normally — the broken pipe
// is swallowed, as asyncio's _feed_stdin does — with what the child wrote and its exit
// status. Writing to the stdin StreamWriter of a child that already exited makes drain()
// raise BrokenPipeError or ConnectionResetError (which one depends on timing, so both print
// the same here), and wait() still returns the status.
import { run, createSubprocessExec, PIPE, BrokenPipeError, ConnectionResetError } from "wasmloop";
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
const BIG = new Uint8Array(1 << 20).fill(0x78);

function* main() {
  let proc = yield* createSubprocessExec("true", { stdin: PIPE, stdout: PIPE });
  let [out, err] = yield* proc.communicate(BIG);
  console.log("true:", pyBytes(out), pyBytes(err), proc.returncode);

  proc = yield* createSubprocessExec("head", "-c", "10", { stdin: PIPE, stdout: PIPE });
  [out, err] = yield* proc.communicate(BIG);
  console.log("head -c 10:", pyBytes(out), pyBytes(err), proc.returncode);

  proc = yield* createSubprocessExec("sh", "-c", "exit 3", { stdin: PIPE });
  console.log("exited:", yield* proc.wait());
  try {
    for (let i = 0; i < 20; i++) {
      proc.stdin.write(BIG);
      yield* proc.stdin.drain();
    }
    console.log("drain kept succeeding");
  } catch (e) {
    if (!(e instanceof BrokenPipeError || e instanceof ConnectionResetError)) throw e;
    console.log("drain: broken pipe or reset");
  }
  console.log("wait again:", yield* proc.wait());
  proc.stdin.close();
  yield* proc.stdin.waitClosed();
  console.log("stdin closed");
}

await run(main());
