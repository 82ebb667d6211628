// a task that catches CancelledError, awaits cleanup work, then re-raises: cancelling() is 1
// during the cleanup, the awaiter sees the task pending until the cleanup is over and then
// the original CancelledError; a second cancel during the cleanup interrupts a plain sleep
// but not a shielded cleanup (the task gets CancelledError from the shield while the cleanup
// goes on); uncancel() after catching lets the task go on and a later waitFor timeout is a
// TimeoutError again; a reporter task shows the interleaving.
import { EventLoop, sleep, shield, waitFor, currentTask, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* reporter(label, n) {
  for (let i = 0; i < n; i++) {
    console.log("   ", label, i, T());
    yield* sleep(0);
  }
}

function* cleanup(name, d) {
  console.log("  cleanup", name, "starts", T());
  yield* sleep(d);
  console.log("  cleanup", name, "finished", T());
  return name;
}

function* worker(name, shielded) {
  const me = currentTask();
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  worker", name, "caught", fmt(e), "cancelling", me.cancelling(), T());
    try {
      if (shielded) {
        yield* shield(cleanup(name, 0.5));
      } else {
        yield* cleanup(name, 0.5);
        yield* sleep(0);
        console.log("  worker", name, "after cleanup, cancelling", me.cancelling(), T());
      }
    } catch (e2) {
      if (e2 instanceof CancelledError) console.log("  worker", name, "cleanup interrupted", fmt(e2), "cancelling", me.cancelling(), T());
      throw e2;
    }
    throw e;
  }
}

function* resilient() {
  const me = currentTask();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      yield* sleep(1);
      console.log("  resilient attempt", attempt, "ok", T());
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("  resilient attempt", attempt, "cancelled", fmt(e), "cancelling", me.cancelling(),
                  "uncancel ->", me.uncancel(), T());
    }
  }
  try {
    yield* waitFor(sleep(5), 0.5);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  resilient wait_for -> TimeoutError, cancelling", me.cancelling(), T());
  }
  return "survived";
}

function* main() {
  let w = loop.createTask(worker("plain", false));
  yield* sleep(0.5);
  console.log("cancel plain", B(w.cancel("go")));
  loop.createTask(reporter("r1", 3));
  yield* sleep(0.25);
  console.log("plain done?", B(w.done()), "cancelling", w.cancelling(), T());
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("plain ->", fmt(e), "cancelled", B(w.cancelled()), T());
  }

  w = loop.createTask(worker("plain2", false));
  yield* sleep(0.5);
  console.log("cancel plain2", B(w.cancel("go")));
  yield* sleep(0.25);
  console.log("cancel plain2 during cleanup", B(w.cancel("again")), "cancelling", w.cancelling());
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("plain2 ->", fmt(e), T());
  }

  w = loop.createTask(worker("shielded", true));
  yield* sleep(0.5);
  console.log("cancel shielded", B(w.cancel("go")));
  yield* sleep(0.25);
  console.log("cancel shielded during cleanup", B(w.cancel("again")));
  loop.createTask(reporter("r2", 3));
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("shielded ->", fmt(e), T());
  }
  yield* sleep(0.5);
  console.log("after shielded cleanup", T());

  const r = loop.createTask(resilient());
  yield* sleep(0.5);
  console.log("cancel resilient", B(r.cancel("r1")));
  yield* sleep(1.25);
  console.log("cancel resilient twice", B(r.cancel("r2a")), B(r.cancel("r2b")), "cancelling", r.cancelling());
  console.log("resilient ->", fmt(yield* r), "cancelling", r.cancelling(), T());
}

loop.runUntilCompleteSync(main());
loop.close();
