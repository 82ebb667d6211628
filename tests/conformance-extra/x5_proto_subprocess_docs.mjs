// asyncio-protocol.rst's SubprocessProtocol example (DateProtocol): subprocess_exec with a
// protocol that collects stdout in pipe_data_received and resolves a future in
// process_exited; the transport is closed and the output decoded. The child is the
// interpreter itself printing a fixed line instead of the date; then the same protocol on a
// child that prints two lines and exits with 5; get_pipe_transport (None for stdin=None) and
// get_returncode once it exited (not before: a child that exits at once may already have been
// reported by the time subprocess_exec returns).
import { run, getRunningLoop, SubprocessProtocol } from "wasmloop";
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
class DateProtocol extends SubprocessProtocol {
  constructor(exitFuture) {
    super();
    this.exitFuture = exitFuture;
    this.output = [];
    this.pipeClosed = false;
    this.exited = false;
  }

  pipeConnectionLost(fd, exc) {
    this.pipeClosed = true;
    this.checkForExit();
  }

  pipeDataReceived(fd, data) {
    this.output.push(data);
  }

  processExited() {
    this.exited = true;
    // processExited() method can be called before
    // pipeConnectionLost() method: wait until both methods are
    // called.
    this.checkForExit();
  }

  checkForExit() {
    if (this.pipeClosed && this.exited) this.exitFuture.setResult(true);
  }
}

function* getDate(code) {
  // Get a reference to the event loop as we plan to use
  // low-level APIs.
  const loop = getRunningLoop();

  const exitFuture = loop.createFuture();

  // Create the subprocess controlled by DateProtocol;
  // redirect the standard output into a pipe.
  const [transport, protocol] = yield* loop.subprocessExec(
    () => new DateProtocol(exitFuture),
    process.execPath, "-e", code,
    { stdin: null, stderr: null });
  console.log("stdin pipe", py(transport.getPipeTransport(0)), "stdout pipe is a transport",
    B(transport.getPipeTransport(1) !== null));

  // Wait for the subprocess exit using the processExited()
  // method of the protocol.
  yield* exitFuture;

  // Close the stdout pipe.
  const rc = transport.getReturncode();
  transport.close();

  // Read the output which was collected by the
  // pipeDataReceived() method of the protocol.
  const data = concat(...protocol.output);
  return [new TextDecoder("ascii").decode(data).trimEnd(), rc];
}

function* main() {
  const [date, rc] = yield* getDate('console.log("2024-01-01 00:00:00")');
  console.log(`Current date: ${date} (returncode ${rc})`);
  const [out, rc2] = yield* getDate('console.log("one"); console.log("two"); process.exit(5)');
  console.log("output:", `[${out.split("\n").map((l) => `'${l}'`).join(", ")}]`, "returncode", rc2);
}

await run(main());
