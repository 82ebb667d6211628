// A cancelled task runs its catch/finally blocks in its own context, the values it set
// before the cancel included; what the cleanup sets stays in the task; a task cancelled
// before its first step never sees its context at all; the canceller's context is untouched.
import { EventLoop, sleep, createTask, ContextVar, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const req = new ContextVar("req", { default: "none" });

function* handler(rid) {
  req.set(rid);
  try {
    yield* sleep(1);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("cleanup of", fmt(req.get()), "cancelled with", fmt(e), T());
    req.set(rid + "-cleaned");
    yield* sleep(0.1);
    console.log("cleanup done as", fmt(req.get()), T());
    throw e;
  } finally {
    console.log("finally sees", fmt(req.get()), T());
  }
}

function* neverStarted() {
  console.log("never printed", req.get());
}

function* main() {
  req.set("main");
  const t = createTask(handler("r1"));
  const t2 = createTask(neverStarted());
  t2.cancel();
  yield* sleep(0.5);
  req.set("main-cancelling");
  t.cancel("client went away");
  for (const x of [t, t2]) {
    try {
      yield* x;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("awaited:", fmt(e), "cancelled:", B(x.cancelled()), T());
    }
  }
  console.log("main sees", fmt(req.get()), T());
}

loop.runUntilCompleteSync(main());
loop.close();
