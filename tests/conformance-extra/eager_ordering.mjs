// Eager tasks relative to normal ones: an eager task's first step runs before the creator
// goes on, ahead of normal tasks created earlier (whose first step waits for the next
// iteration); after their first suspension, eager and normal tasks interleave in the order
// their wakeups were scheduled. Tasks made while the loop is not running (here the main task
// and one made before runUntilComplete) start normally even with the eager factory.
import { EventLoop, sleep, gather, eagerTaskFactory } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* w(name, yields) {
  console.log(" ", name, "starts", T());
  for (let i = 0; i < yields; i++) {
    yield* sleep(0);
    console.log(" ", name, "resumes", i + 1, T());
  }
  return name;
}

let early;
function* main() {
  console.log("main starts");
  loop.setTaskFactory(null);
  const n1 = loop.createTask(w("normal-1", 2));
  loop.setTaskFactory(eagerTaskFactory);
  const e1 = loop.createTask(w("eager-1", 2));
  console.log("main after eager-1");
  loop.setTaskFactory(null);
  const n2 = loop.createTask(w("normal-2", 1));
  loop.setTaskFactory(eagerTaskFactory);
  const e2 = loop.createTask(w("eager-2", 1));
  const e3 = loop.createTask(w("eager-3", 0));
  console.log("main after eager-3; e3 done:", B(e3.done()));
  console.log(fmt(yield* gather(n1, e1, n2, e2, e3, early)), T());
}

early = loop.createTask(w("made before the loop runs", 1));
loop.setTaskFactory(eagerTaskFactory);
console.log("before run: early done", B(early.done()));
loop.runUntilCompleteSync(main());
loop.close();
