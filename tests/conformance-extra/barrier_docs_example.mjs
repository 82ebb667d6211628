// The asyncio-sync documentation's Barrier example: two tasks wait on a Barrier(3), the third
// wait() passes it, the repr shows filling, draining, then filling again.
import { EventLoop, sleep, gather, Barrier } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* exampleBarrier() {
  const b = new Barrier(3);
  loop.createTask(b.wait());
  loop.createTask(b.wait());
  yield* sleep(0);
  console.log(state(b));
  yield* b.wait();
  console.log(state(b));
  console.log("barrier passed");
  yield* sleep(0);
  console.log(state(b));
}

loop.runUntilCompleteSync(exampleBarrier());
loop.close();
