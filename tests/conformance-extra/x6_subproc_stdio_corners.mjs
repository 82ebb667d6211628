// Subprocess stdio corners: half a megabyte through a shell pipeline with communicate(); stdout
// read to EOF with stderr merged into it (STDOUT) before wait(); a line written to stdin and
// the reply read while the child still runs; communicate() with no pipes, called twice.
import { run, createSubprocessShell, createSubprocessExec, PIPE, STDOUT } from "wasmloop";
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
  const data = Uint8Array.from({ length: 256 * 2048 }, (_, i) => i % 256);
  let p = yield* createSubprocessShell("cat | wc -c", { stdin: PIPE, stdout: PIPE });
  const [out] = yield* p.communicate(data);
  console.log("wc:", pyBytes(bytes(new TextDecoder().decode(out).trim())), String(p.returncode));
  p = yield* createSubprocessExec("sh", "-c", "echo out; echo err >&2; exit 7", { stdout: PIPE, stderr: STDOUT });
  const merged = yield* p.stdout.read();
  console.log("merged:", pyBytes(merged), String(yield* p.wait()));
  p = yield* createSubprocessExec("sh", "-c", "read x; echo got $x", { stdin: PIPE, stdout: PIPE });
  p.stdin.write(bytes("hello\n"));
  yield* p.stdin.drain();
  const reply = yield* p.stdout.readline();
  console.log("reply:", pyBytes(reply), String(yield* p.wait()));
  p.stdin.close();
  console.log("stdin closing", B(p.stdin.isClosing()));
  p = yield* createSubprocessExec("true");
  const c1 = yield* p.communicate();
  const c2 = yield* p.communicate();
  const tup = (c) => `(${py(c[0])}, ${py(c[1])})`;
  console.log("communicate:", tup(c1), tup(c2), String(p.returncode));
}

await run(main());
