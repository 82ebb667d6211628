// asCompleted in a realistic consumer: mixed durations, failures and a task cancelled by
// someone else come out in completion order; a slow consumer still gets, after the timeout,
// the results that arrived before it, and only then TimeoutError; an empty batch gives no
// items (no error); tasks with their own waitFor inside; a failed future already done.
import { EventLoop, sleep, waitFor, asCompleted, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* job(name, d, fail = false) {
  yield* sleep(d);
  if (fail) throw new ValueError(name);
  return name;
}

function* bounded(name, d, limit) {
  try {
    return yield* waitFor(job(name, d), limit);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    return name + " (gave up)";
  }
}

function* consume(label, fs, timeout = null, pause = 0) {
  for (const f of asCompleted(fs, { timeout })) {
    try {
      console.log(label, "->", fmt(yield* f), T());
    } catch (e) {
      if (e instanceof ValueError) console.log(label, "-> raised", fmt(e), T());
      else if (e instanceof CancelledError) console.log(label, "-> CancelledError", fmt(e), T());
      else if (e instanceof TimeoutError) console.log(label, "-> TimeoutError", T());
      else throw e;
    }
    if (pause) yield* sleep(pause);
  }
}

function* main() {
  let ts = [["a", 0.4, false], ["b", 0.1, true], ["c", 0.3, false], ["d", 0.6, false]]
    .map(([n, d, f]) => loop.createTask(job(n, d, f)));
  loop.callLater(0.2, (m) => ts[3].cancel(m), "not needed");
  yield* consume("mixed", ts);

  ts = [["e", 0.1], ["f", 0.15], ["g", 3]].map(([n, d]) => loop.createTask(job(n, d)));
  yield* consume("slow consumer", ts, 0.5, 0.45);
  console.log("g cancelled", B(ts[2].cancelled()), T());
  yield* ts[2];

  yield* consume("empty", []);
  yield* consume("empty with timeout", [], 1);
  console.log("after empty", T());

  ts = [["h", 0.9], ["i", 0.2]].map(([n, d]) => loop.createTask(bounded(n, d, 0.5)));
  yield* consume("bounded", ts, 2);

  const bad = loop.createFuture();
  bad.setException(new ValueError("precomputed"));
  yield* consume("done first", [bad, loop.createTask(job("j", 0.1))]);
}

loop.runUntilCompleteSync(main());
loop.close();
