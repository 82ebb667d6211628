// One Runner, several runs on one loop: a task started by the first run keeps running during
// the second; every run's main task runs in the runner's one context, so a variable set by
// one run is seen by the next, unless a run is given its own { context }; close() cancels
// what is still pending, waits for its cleanup and closes the loop.
import { Runner, EventLoop, Context, ContextVar, sleep, createTask, getRunningLoop } from "wasmloop";
const T = () => getRunningLoop().time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const visits = new ContextVar("visits", { default: 0 });

function* background() {
  try {
    for (;;) {
      yield* sleep(0.3);
      console.log("  background tick, visits", visits.get(), T());
    }
  } finally {
    yield* sleep(0.05);
    console.log("  background cleaned up", T());
  }
}

function* visit(tag, d, spawn = false) {
  const n = visits.get() + 1;
  visits.set(n);
  if (spawn) createTask(background());
  yield* sleep(d);
  console.log(tag, "visit", n, "sees", visits.get(), T());
  return n;
}

const runner = new Runner({ loopFactory: () => new EventLoop({ clock: "virtual" }) });
const loop = runner.getLoop();
console.log("first ->", runner.runSync(visit("first", 0.5, true)));
console.log("second ->", runner.runSync(visit("second", 0.5)));
const ctx = new Context();
console.log("own context ->", runner.runSync(visit("own", 0.1), { context: ctx }), "ctx holds", ctx.get(visits));
console.log("third ->", await runner.run(visit("third", 0.2)));
console.log("same loop:", B(runner.getLoop() === loop), `time ${loop.time().toFixed(3)}`);
runner.close();
console.log("closed:", B(loop.isClosed()), `time ${loop.time().toFixed(3)}`, "outside visits", visits.get());
