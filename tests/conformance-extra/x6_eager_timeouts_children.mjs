// Eager first steps doing structured work: asyncio.timeout() entered during the eager step
// expires later and cancels the task as usual (uncancelled afterwards); an eager child that
// creates a sibling in the same TaskGroup during its eager step; an eager task that is
// cancelled from outside right after creation while suspended in its first await; wait_for
// inside an eager step on an already-done future returns without suspending.
import { EventLoop, sleep, waitFor, timeout, asyncWith, createTask, currentTask, TaskGroup, eagerTaskFactory, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
loop.setTaskFactory(eagerTaskFactory);

function* timed(name) {
  const me = currentTask();
  try {
    yield* asyncWith(timeout(0.5), function* () {
      console.log("  ", name, "in timeout, cancelling", me.cancelling(), T());
      yield* sleep(2);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  ", name, "timed out, cancelling", me.cancelling(), T());
  }
  return name;
}

function* leaf(name) {
  console.log("  ", name, "starts", T());
  yield* sleep(0.25);
  return name;
}

function* spawner(tg) {
  console.log("   spawner eager step");
  const c = tg.createTask(leaf("sibling"));
  console.log("   sibling done at once", B(c.done()));
  return yield* c;
}

function* sleeper() {
  try {
    yield* sleep(1);
  } catch (e) {
    if (e instanceof CancelledError) console.log("   sleeper cancelled", fmt(e), T());
    throw e;
  }
}

function* doneWait() {
  const f = loop.createFuture();
  f.setResult("ready");
  return yield* waitFor(f, 1);
}

function* main() {
  console.log("case 1: timeout in an eager step");
  let t = createTask(timed("t"));
  console.log("  created, done", B(t.done()));
  console.log("  result", fmt(yield* t), T());

  console.log("case 2: a child spawning a sibling");
  let s;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    s = tg.createTask(spawner(tg));
  });
  console.log("  spawner ->", fmt(s.result()), T());

  console.log("case 3: cancelled right after creation");
  t = createTask(sleeper());
  t.cancel("early");
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("  cancelled", B(t.cancelled()), T());
  }

  console.log("case 4: wait_for on a done future in the eager step");
  t = createTask(doneWait());
  console.log("  done at once", B(t.done()), t.done() ? fmt(t.result()) : "");
  console.log("  result", fmt(yield* t), T());
}

loop.runUntilCompleteSync(main());
loop.close();
