// wait() returns only after the child exited and its pipes closed: wait() calls started while
// the child runs all get the returncode, in the order they began, once stdout is at EOF (whether
// they finish before or after communicate() depends on when the exit is reported, so that is not
// printed); wait() on an exited child returns at once.
import { EventLoop, createSubprocessExec, gather, getRunningLoop, sleep, PIPE } from "wasmloop";
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
const list = (a) => `[${a.map((x) => (typeof x === "string" ? `'${x}'` : py(x))).join(", ")}]`;

function* main() {
  const loop = getRunningLoop();
  const order = [];
  const proc = yield* createSubprocessExec("sh", "-c", "cat; exit 5", { stdin: PIPE, stdout: PIPE });

  function* waiter(name) {
    const rc = yield* proc.wait();
    order.push(`${name} stdout at EOF ${py(proc.stdout.atEof())}`);
    return rc;
  }

  const waits = [0, 1, 2].map((i) => loop.createTask(waiter(`wait${i}`)));
  yield* sleep(0.05);
  console.log("waiters done before stdin closed:", list(waits.map((t) => t.done())));
  const [out] = yield* proc.communicate(bytes("data"));
  console.log("out", pyBytes(out), "returncode", py(proc.returncode));
  console.log("results", list(yield* gather(...waits)));
  console.log("order", list(order));
  const task = loop.createTask(proc.wait());
  yield* sleep(0);
  console.log("wait after exit done after one step:", py(task.done()), task.result());
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
