// The group's body raises: the children are cancelled (one of them raises while it cleans up,
// another swallows the cancellation and returns), the group waits for all of them, and the
// ExceptionGroup holds the children's errors first and the body's error last. A body that
// raises before any child has run: the children never start.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m); this.name = "KeyError"; } }

function* child(name, mode) {
  console.log(name, "starts", T());
  try {
    yield* sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    if (mode === "raise") {
      yield* sleep(0.25);
      console.log(name, "raises while cleaning up", T());
      throw new TypeError(name + " cleanup failed");
    }
    if (mode === "swallow") {
      yield* sleep(0.5);
      console.log(name, "swallows the cancel", T());
      return name + " swallowed";
    }
    console.log(name, "cancelled", T());
    throw e;
  }
  return name;
}

function* main() {
  let tasks = [];
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tasks.push(tg.createTask(child("a", "raise")));
      tasks.push(tg.createTask(child("b", "swallow")));
      yield* sleep(1);
      console.log("body raises", T());
      throw new ValueError("body failed");
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("caught", String(eg), T());
    for (const e of eg.exceptions) console.log(" -", fmt(e));
  }
  console.log("a:", fmt(tasks[0].exception()), "b:", fmt(tasks[1].result()));
  tasks = [];
  try {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tasks.push(tg.createTask(child("c", "plain")));
      tasks.push(tg.createTask(child("d", "plain")));
      throw new KeyError("at once");
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("caught", String(eg), `[${eg.exceptions.map((e) => `'${ename(e)}'`).join(", ")}]`, T());
  }
  console.log("c, d cancelled:", `[${tasks.map((t) => B(t.cancelled())).join(", ")}]`);
}

loop.runUntilCompleteSync(main());
loop.close();
