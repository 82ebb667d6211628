// a heartbeat task beside the real work: drift-free beats (sleep until start + n*interval),
// cancelled at the end with cleanup in finally that itself awaits; a second cancel during
// that cleanup interrupts it; a heartbeat whose cleanup raises ends with that exception,
// not cancelled; the work's result is returned after the heartbeats are gone.
import { EventLoop, sleep, allTasks, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class ConnectionError extends Error { constructor(m) { super(m); this.name = "ConnectionError"; } }

function* heartbeat(name, interval, cleanup, failCleanup = false) {
  const start = loop.time();
  let n = 0;
  try {
    while (true) {
      n += 1;
      yield* sleep(start + n * interval - loop.time());
      console.log("  beat", name, n, T());
      yield* sleep(0.013);   // the beat takes some time to send
    }
  } finally {
    console.log("  ", name, "stopping after", n, "beats", T());
    try {
      yield* sleep(cleanup);
      if (failCleanup) throw new ConnectionError(name + " could not say goodbye");
      console.log("  ", name, "said goodbye", T());
    } catch (e) {
      if (e instanceof CancelledError) console.log("  ", name, "goodbye interrupted", T());
      throw e;
    }
  }
}

function* work(steps) {
  let total = 0;
  for (const [i, d] of steps.entries()) {
    yield* sleep(d);
    total += i * 10;
    console.log("work step", i, T());
  }
  return total;
}

function* stop(task, secondCancelAfter = null) {
  task.cancel();
  if (secondCancelAfter !== null) loop.callLater(secondCancelAfter, () => task.cancel());
  try {
    yield* task;
  } catch (e) {
    if (e instanceof CancelledError) console.log("stop", task.getName(), "-> cancelled", T());
    else console.log("stop", task.getName(), "->", fmt(e), T());
  }
  console.log(`   done=${B(task.done())} cancelled=${B(task.cancelled())}`);
}

function* main() {
  const hb1 = loop.createTask(heartbeat("hb1", 0.3, 0.05), { name: "hb1" });
  const hb2 = loop.createTask(heartbeat("hb2", 0.47, 0.2), { name: "hb2" });
  const hb3 = loop.createTask(heartbeat("hb3", 0.7, 0.1, true), { name: "hb3" });
  const result = yield* work([0.22, 0.41, 0.35, 0.08]);
  console.log("work result", result, T());
  yield* stop(hb1);
  yield* stop(hb2, 0.06);
  yield* stop(hb3);
  console.log("remaining tasks", allTasks().size - 1);
  return result;
}

console.log("main ->", loop.runUntilCompleteSync(main()), T());
loop.close();
