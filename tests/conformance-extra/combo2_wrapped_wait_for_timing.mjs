// when does a task waiting on gather(waitFor(...)) or shield(waitFor(...)) resume? The
// waitFor coroutine gets a Task of its own; the waiter resumes two loop iterations after
// that Task finishes (the gather/shield callback, then the wake-up), interleaved with another
// task that started at the same moment, exactly as with a plain coroutine.
import { EventLoop, sleep, gather, waitFor, shield } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* reporter(label) {
  for (let i = 0; i < 4; i++) {
    console.log("   ", label, "step", i);
    yield* sleep(0);
  }
}

function* request(name, d) {
  yield* sleep(d);
  loop.createTask(reporter(name));
  return name;
}

function* main() {
  console.log("gather plain", fmt(yield* gather(request("a", 0.1))), T());
  yield* sleep(1);
  console.log("gather wait_for", fmt(yield* gather(waitFor(request("b", 0.1), 1))), T());
  yield* sleep(1);
  console.log("shield plain", fmt(yield* shield(request("c", 0.1))), T());
  yield* sleep(1);
  console.log("shield wait_for", fmt(yield* shield(waitFor(request("d", 0.1), 1))), T());
  yield* sleep(1);
  const res = yield* gather(waitFor(request("e", 0.2), 1), waitFor(request("f", 0.1), 1));
  console.log("two wait_fors", fmt(res), T());
  yield* sleep(1);
}

loop.runUntilCompleteSync(main());
loop.close();
