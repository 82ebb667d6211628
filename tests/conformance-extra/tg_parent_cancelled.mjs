// The parent task is cancelled while the group's children run: the body gets CancelledError,
// the children are cancelled and the group waits until they are done (they clean up for a
// while), then re-raises the CancelledError; a child that had finished keeps its result.
// Then the same with the body done and the group waiting in its exit.
import { EventLoop, sleep, TaskGroup, asyncWith, currentTask, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* child(name, d, cleanup) {
  try {
    yield* sleep(d);
    console.log(name, "done", T());
    return name;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    yield* sleep(cleanup);
    console.log(name, "cancelled, cleaned up", T());
    throw e;
  }
}

function* runner(bodyWaits, tasks) {
  yield* asyncWith(new TaskGroup(), function* (tg) {
    tasks.push(tg.createTask(child("a", 5, 0.1)));
    tasks.push(tg.createTask(child("b", 0.5, 0.1)));
    tasks.push(tg.createTask(child("c", 6, 0.25)));
    if (bodyWaits) {
      try {
        yield* sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        console.log("body cancelled", T(), "cancelling", currentTask().cancelling());
        throw e;
      }
    }
    console.log("body done", T());
  });
  console.log("never printed");
}

function* main() {
  for (const bodyWaits of [true, false]) {
    console.log("-- body waits:", B(bodyWaits));
    const tasks = [];
    const r = loop.createTask(runner(bodyWaits, tasks));
    yield* sleep(1);
    r.cancel();
    try {
      yield* r;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("runner raised CancelledError", T());
    }
    console.log("runner cancelled", B(r.cancelled()), "cancelling", r.cancelling());
    console.log("children cancelled", `[${tasks.map((t) => B(t.cancelled())).join(", ")}]`, "b", fmt(tasks[1].result()));
  }
}

loop.runUntilCompleteSync(main());
loop.close();
