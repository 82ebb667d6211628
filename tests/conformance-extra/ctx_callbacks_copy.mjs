// callSoon / callLater / callAt callbacks run in a copy of the context current when they
// were scheduled: later sets by the scheduler do not reach them, their own sets reach neither
// the scheduler nor the next callback, and a callback they schedule inherits their values.
import { EventLoop, sleep, ContextVar } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const phase = new ContextVar("phase", { default: "start" });

function report(tag) {
  console.log(tag, "sees", fmt(phase.get()), T());
}

function setter(tag, value) {
  console.log(tag, "sees", fmt(phase.get()), "and sets", fmt(value), T());
  phase.set(value);
  loop.callSoon(report, tag + "'s child");
  loop.callLater(0.05, report, tag + "'s timer");
}

function* main() {
  phase.set("scheduling");
  loop.callSoon(report, "soon-1");
  loop.callSoon(setter, "soon-2", "set by soon-2");
  loop.callSoon(report, "soon-3");
  loop.callLater(0.1, setter, "later", "set by later");
  loop.callAt(loop.time() + 0.2, report, "at");
  const h = loop.callLater(0.15, report, "cancelled");
  phase.set("after scheduling");
  h.cancel();
  yield* sleep(0);
  console.log("main sees", fmt(phase.get()), T());
  yield* sleep(0.3);
  console.log("main still sees", fmt(phase.get()), T());
}

loop.callSoon(report, "from outside");
loop.runUntilCompleteSync(main());
console.log("outside", fmt(phase.get()));
loop.close();
