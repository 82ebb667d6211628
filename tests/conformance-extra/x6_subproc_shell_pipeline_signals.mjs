// create_subprocess_shell with pipelines: stdin fed through communicate() to a two-stage
// pipeline, the pipeline's status is its last stage's, and signals: a shell that kills itself
// gives minus the signal's number, one whose child is killed exits 128 + the number, and
// `exec` makes the killed program the child itself (kill() gives -9).
import { run, createSubprocessShell, PIPE, DEVNULL } from "wasmloop";
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
const pyStr = (s) => (s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s}'`);   // repr(str) for these texts

function* main() {
  let proc = yield* createSubprocessShell("tr a-z A-Z | sort -r", { stdin: PIPE, stdout: PIPE });
  let [out, err] = yield* proc.communicate(bytes("banana\napple\ncherry\n"));
  console.log("pipeline:", pyBytes(out), py(err), String(proc.returncode));

  for (const cmd of ["false | true", "true | (exit 3)", "echo hi | sh -c 'cat >/dev/null; exit 5'"]) {
    proc = yield* createSubprocessShell(cmd, { stdout: DEVNULL });
    console.log("status of", pyStr(cmd), String(yield* proc.wait()));
  }

  proc = yield* createSubprocessShell("kill -TERM $$", { stdout: PIPE });
  [out] = yield* proc.communicate();
  console.log("self-killed shell:", pyBytes(out), String(proc.returncode));

  proc = yield* createSubprocessShell("sh -c 'kill -KILL $$'; echo after $?", { stdout: PIPE, stderr: DEVNULL });
  [out] = yield* proc.communicate();
  console.log("killed grandchild:", pyBytes(out), String(proc.returncode));

  proc = yield* createSubprocessShell("exec sleep 30", { stdout: PIPE });
  proc.kill();
  [out] = yield* proc.communicate();
  console.log("exec then kill:", pyBytes(out), String(proc.returncode));

  proc = yield* createSubprocessShell("echo start; exec sleep 30", { stdout: PIPE });
  console.log("first line:", pyBytes(yield* proc.stdout.readline()));
  proc.terminate();
  const rc = yield* proc.wait();
  console.log("terminated:", String(rc), "rest", pyBytes(yield* proc.stdout.read()));
}

await run(main());
