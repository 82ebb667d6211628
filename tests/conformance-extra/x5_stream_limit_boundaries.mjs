// readuntil/readline/readexactly/read at the reader's limit, byte by byte, on readers fed by
// hand (virtual clock): for each case a fresh StreamReader(limit=4) gets the data (and EOF
// if asked), and the read either returns, raises (LimitOverrunError with consumed,
// ValueError, IncompleteReadError with the partial), or is still waiting after one second
// of loop time (wait_for's TimeoutError). Then what is left to read once EOF is fed.
import { EventLoop, waitFor, StreamReader, LimitOverrunError, IncompleteReadError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const bytes = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const pyBytes = (u8) => "b'" + Array.from(u8, (c) => (c === 0x0a ? "\\n" : String.fromCharCode(c))).join("") + "'";
const rep = (v) => (v === null ? "None" : v instanceof Uint8Array ? pyBytes(v) : String(v));
const ljust = (s, n) => s.padEnd(n);

const CASES = [
  ["readuntil", "abcd", "\n", false],
  ["readuntil", "abcd\n", "\n", false],
  ["readuntil", "abcde", "\n", false],
  ["readuntil", "abcde\n", "\n", false],
  ["readuntil", "abc", "!!", false],
  ["readuntil", "abcd!", "!!", false],
  ["readuntil", "abcde!", "!!", false],
  ["readuntil", "abcd!!", "!!", false],
  ["readuntil", "abcde!!", "!!", false],
  ["readuntil", "ab!", "!!", true],
  ["readuntil", "", "\n", true],
  ["readline", "abcd", null, false],
  ["readline", "abcde", null, false],
  ["readline", "abcd\nxy", null, false],
  ["readline", "abcde\nxy", null, false],
  ["readline", "abcdefgh", null, true],
  ["readline", "abc", null, true],
  ["readexactly", "abcdef", 6, false],
  ["readexactly", "abc", 6, true],
  ["read", "abcdefgh", 100, false],
  ["read", "abcdefgh", -1, true],
];

function* kase(kind, data, arg, eof) {
  const r = new StreamReader({ limit: 4 });
  r.feedData(bytes(data));
  if (eof) r.feedEof();
  const sep = typeof arg === "string" ? bytes(arg) : arg;
  const aw = kind === "readuntil" ? r.readuntil(sep) : kind === "readline" ? r.readline()
    : kind === "readexactly" ? r.readexactly(arg) : r.read(arg);
  let out;
  try {
    out = `-> ${pyBytes(yield* waitFor(aw, 1))}`;
  } catch (e) {
    if (e instanceof LimitOverrunError) out = `LimitOverrunError consumed=${e.consumed} ${e.message}`;
    else if (e instanceof IncompleteReadError) out = `IncompleteReadError partial=${pyBytes(e.partial)} expected=${rep(e.expected)}`;
    else if (e instanceof RangeError) out = `ValueError ${e.message}`;
    else if (e instanceof TimeoutError) out = "still waiting";
    else throw e;
  }
  r.feedEof();
  const left = yield* r.read();
  console.log(`${ljust(kind, 11)} ${ljust(pyBytes(bytes(data)), 10)} ${ljust(sep instanceof Uint8Array ? pyBytes(sep) : rep(sep), 6)} eof=${ljust(B(eof), 5)} ${out} | left ${pyBytes(left)}`);
}

function* main() {
  for (const c of CASES) yield* kase(...c);
}

loop.runUntilCompleteSync(main());
loop.close();
