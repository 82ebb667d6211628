// loop.subprocess_exec with a SubprocessProtocol: connection_made first, then per pipe its
// data and then its pipe_connection_lost, process_exited, and connection_lost last; the
// transport's pid, returncode and pipe transports. (Across pipes the order is the host's:
// only each pipe's own order is printed.)
import { EventLoop, SubprocessProtocol, getRunningLoop } from "wasmloop";
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
const tuple = (a) => `(${a.map((x) => (typeof x === "string" ? `'${x}'` : py(x))).join(", ")}${a.length === 1 ? "," : ""})`;
const list = (a) => `[${a.map((x) => `'${x}'`).join(", ")}]`;

class Recorder extends SubprocessProtocol {
  constructor(done) {
    super();
    this.done = done;
    this.events = [];
    this.data = { 1: new Uint8Array(0), 2: new Uint8Array(0) };
  }
  connectionMade(transport) {
    this.events.push(["connection_made"]);
  }
  pipeDataReceived(fd, data) {
    this.data[fd] = concat(this.data[fd], data);
    if (!this.events.some((e) => e[0] === "data" && e[1] === fd)) this.events.push(["data", fd]);
  }
  pipeConnectionLost(fd, exc) {
    this.events.push(["pipe_connection_lost", fd, exc]);
  }
  processExited() {
    this.events.push(["process_exited"]);
  }
  connectionLost(exc) {
    this.events.push(["connection_lost", exc]);
    this.done.setResult(null);
  }
}

function* main() {
  const loop = getRunningLoop();
  const done = loop.createFuture();
  const [transport, protocol] = yield* loop.subprocessExec(
    () => new Recorder(done), "sh", "-c", "echo out; echo err >&2; exit 7", { stdin: null });
  console.log("pid is an int:", py(Number.isInteger(transport.getPid())));
  console.log("pipe transports:", py(transport.getPipeTransport(0)), py(transport.getPipeTransport(1) !== null),
    py(transport.getPipeTransport(2) !== null));
  yield* done;
  const ev = protocol.events;
  console.log("first", tuple(ev[0]), "last", tuple(ev[ev.length - 1]));
  for (const fd of [1, 2]) {
    console.log("fd", fd, list(ev.filter((e) => e.length > 1 && e[1] === fd).map((e) => e[0])), pyBytes(protocol.data[fd]));
  }
  console.log("process_exited before connection_lost:", py(ev.findIndex((e) => e[0] === "process_exited") < ev.length - 1));
  console.log("returncode", py(transport.getReturncode()), "is_closing", py(transport.isClosing()));
  transport.close();
  console.log("closed", py(transport.isClosing()));
}

const loop = new EventLoop();
await loop.runUntilComplete(main());
loop.close();
