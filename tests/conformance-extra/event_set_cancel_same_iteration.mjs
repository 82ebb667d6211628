// Event: a waiter cancelled in the same iteration as set() (before or after it) raises
// CancelledError, while the others return True; a waiter that caught the cancellation can
// wait again and returns at once since the flag is set. Iterations counted by a ticker.
import { EventLoop, sleep, gather, Event, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

let it = 0;
function tick() {
  it += 1;
  loop.callSoon(tick);
}

function* w(ev, name, log) {
  try {
    yield* ev.wait();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log.push(`${name} cancelled at ${it}`);
    const r = yield* ev.wait();
    log.push(`${name} waited again: ${B(r)} at ${it}`);
    return "again";
  }
  log.push(`${name} woke at ${it}`);
  return "woke";
}

function* main() {
  loop.callSoon(tick);
  const ev = new Event();
  const log = [];
  const ts = ["a", "b", "c"].map((n) => loop.createTask(w(ev, n, log)));
  yield* sleep(0);
  console.log("waiting at", it, state(ev));
  ts[0].cancel();
  ev.set();
  ts[2].cancel();
  console.log("cancel a, set, cancel c", state(ev));
  const res = yield* gather(...ts);
  console.log("log", fmt(log));
  console.log("results", fmt(res), state(ev));
}

loop.runUntilCompleteSync(main());
loop.close();
