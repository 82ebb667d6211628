// A long-lived child driven through its pipes: lines written to a `cat` child's stdin with
// drain() come back one by one on stdout; write_eof() ends it (returncode 0). A child that
// would run for a minute: returncode is None while it runs, kill() makes wait() return -9,
// returncode stays -9 and a second wait() returns at once; terminate() gives -15; a
// wait() cancelled by wait_for's timeout leaves the child running for a later kill().
import { run, waitFor, createSubprocessExec, PIPE, TimeoutError } from "wasmloop";
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
  for (const word of ["alpha", "beta", "gamma"]) {
    proc.stdin.write(bytes(word + "\n"));
    yield* proc.stdin.drain();
    console.log("echoed", pyBytes(yield* proc.stdout.readline()));
  }
  console.log("can_write_eof", B(proc.stdin.canWriteEof()), "returncode", py(proc.returncode));
  proc.stdin.writeEof();
  console.log("rest", pyBytes(yield* proc.stdout.read()), "wait", yield* proc.wait());

  proc = yield* createSubprocessExec("sleep", "60");
  console.log("running, returncode", py(proc.returncode));
  proc.kill();
  console.log("after kill() returncode", py(proc.returncode));
  console.log("wait", yield* proc.wait(), "returncode", py(proc.returncode), "wait again", yield* proc.wait());

  proc = yield* createSubprocessExec("sleep", "60");
  proc.terminate();
  console.log("terminate -> wait", yield* proc.wait());

  proc = yield* createSubprocessExec("sleep", "60");
  try {
    yield* waitFor(proc.wait(), 0.1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("wait_for timed out; returncode", py(proc.returncode));
  }
  proc.sendSignal("SIGKILL");
  console.log("send_signal(SIGKILL) -> wait", yield* proc.wait());

  proc = yield* createSubprocessExec("sh", "-c", "read line; echo got $line; exit 4", { stdin: PIPE, stdout: PIPE });
  const [out, err] = yield* proc.communicate(bytes("input line\n"));
  console.log("communicate", pyBytes(out), pyBytes(err), proc.returncode);
}

await run(main());
