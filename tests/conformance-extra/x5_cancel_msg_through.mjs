// A cancel message travels with the CancelledError through the structured helpers: a task
// cancelled with a message inside `async with TaskGroup()` (the group's children are
// cancelled without it, the parent's error keeps it), inside timeout(), inside wait_for()
// and gather() (the inner task gets the message), and a child cancelled with its own
// message does not fail its group. Awaiting the cancelled task raises an error with the
// same message.
import { EventLoop, sleep, gather, waitFor, timeout, asyncWith, createTask, TaskGroup, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const m = (e) => (e.args.length ? `'${e.args[0]}'` : "no message");

function* child(name, d = 10) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("    ", name, "cancelled:", m(e));
    throw e;
  }
}

function* inGroup() {
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(child("child"));
      yield* sleep(10);
    });
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("    group raised:", m(e));
    throw e;
  }
}

function* inTimeout() {
  try {
    yield* asyncWith(timeout(5), function* () {
      yield* sleep(10);
    });
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("    timeout let through:", m(e));
    throw e;
  }
}

function* inWaitFor() {
  try {
    yield* waitFor(child("inner of wait_for"), 5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("    wait_for raised:", m(e));
    throw e;
  }
}

function* inGather() {
  try {
    yield* gather(child("gathered a"), child("gathered b", 20));
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("    gather raised:", m(e));
    throw e;
  }
}

function* main() {
  for (const [name, f] of [["in_group", inGroup], ["in_timeout", inTimeout], ["in_wait_for", inWaitFor], ["in_gather", inGather]]) {
    console.log(name);
    const t = createTask(f());
    yield* sleep(1);
    t.cancel("stop " + name);
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("  awaiting the task:", m(e), "cancelled", B(t.cancelled()), T());
    }
  }

  console.log("a child cancelled with its own message");
  let c;
  yield* asyncWith(new TaskGroup(), function* (tg) {
    c = tg.createTask(child("lone child"));
    yield* sleep(0.5);
    c.cancel("just this one");
  });
  console.log("  group ended normally; child cancelled", B(c.cancelled()), T());
}

loop.runUntilCompleteSync(main());
loop.close();
