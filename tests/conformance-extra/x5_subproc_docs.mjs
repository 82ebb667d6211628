// asyncio-subprocess.rst's examples: run() with create_subprocess_shell and PIPEs, run
// alone and several at once with gather (the quick failing command reports first), and
// get_date()'s pattern — create_subprocess_exec of the interpreter itself, readline() from
// stdout, then wait() — with a line that does not depend on the clock.
import { run as asyncioRun, gather, createSubprocessShell, createSubprocessExec, PIPE } from "wasmloop";
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
const dec = (u8) => new TextDecoder().decode(u8);
const pyStr = (s) => (s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s}'`);

function* run(cmd) {
  const proc = yield* createSubprocessShell(cmd, { stdout: PIPE, stderr: PIPE });

  const [stdout, stderr] = yield* proc.communicate();

  console.log(`[${pyStr(cmd)} exited with ${proc.returncode}]`);
  if (stdout.length) console.log(`[stdout]\n${dec(stdout)}`);
  if (stderr.length) console.log(`[stderr]\n${dec(stderr)}`);
}

function* getLine() {
  const code = 'console.log(6 * 7); console.log("second line")';

  // Create the subprocess; redirect the standard output
  // into a pipe.
  const proc = yield* createSubprocessExec(process.execPath, "-e", code, { stdout: PIPE });

  // Read one line of output.
  const data = yield* proc.stdout.readline();
  const line = dec(data).trimEnd();

  // Wait for the subprocess exit.
  yield* proc.wait();
  console.log("returncode", proc.returncode, "rest", pyBytes(yield* proc.stdout.read()));
  return line;
}

function* main() {
  yield* run("ls /zzz");
  yield* gather(
    run("ls /zzz"),
    run('sleep 1; echo "hello"'));
  const line = yield* getLine();
  console.log(`Line: ${line}`);
}

await asyncioRun(main());
