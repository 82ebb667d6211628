// Four tasks interleave, each setting the same variable at every step: whatever order the
// loop runs their steps in, each sees only its own latest value; a wakeup by a future that
// another task completes resumes the waiter in the waiter's context; the main task's value
// never moves.
import { EventLoop, sleep, gather, ContextVar } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const step = new ContextVar("step", { default: "main" });

function* runner(name, delays, gate = null) {
  for (let i = 0; i < delays.length; i++) {
    step.set(`${name}.${i}`);
    yield* sleep(delays[i]);
    console.log(name, "step", i, "sees", fmt(step.get()), T());
  }
  if (gate !== null) {
    if (gate.done()) {
      console.log(name, "gate already open, sees", fmt(step.get()), T());
    } else {
      step.set(name + ".gate");
      yield* gate;
      console.log(name, "through the gate, sees", fmt(step.get()), T());
    }
  }
  return step.get();
}

function* opener(gate) {
  step.set("opener");
  yield* sleep(0.25);
  gate.setResult(null);
  console.log("opener opened the gate, sees", fmt(step.get()), T());
}

function* main() {
  const gate = loop.createFuture();
  const rs = yield* gather(
    runner("A", [0.1, 0.1, 0.1], gate),
    runner("B", [0.05, 0.17], gate),
    runner("C", [0, 0, 0.12]),
    runner("D", [0.31], gate),
    opener(gate),
  );
  console.log("results", fmt(rs), "main sees", fmt(step.get()), T());
}

loop.runUntilCompleteSync(main());
loop.close();
