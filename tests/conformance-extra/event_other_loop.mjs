// Event and Condition are bound to the loop of their first wait: waiting from another loop
// is a RuntimeError (they stay usable on their own loop); an Event that is set never waits,
// so it works from any loop; a Condition whose lock is free can be entered from any loop.
import { EventLoop, sleep, gather, asyncWith, Event, Condition, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

const ev = new Event();
const cond = new Condition();

function* first() {
  const t = loop.createTask(ev.wait());
  yield* sleep(0);
  ev.set();
  console.log("first loop:", B(yield* t), state(ev));
  ev.clear();
  function* notifier() {
    yield* asyncWith(cond, function* () {
      cond.notify();
    });
  }
  yield* asyncWith(cond, function* () {
    loop.createTask(notifier());
    console.log("cond wait:", B(yield* cond.wait()), state(cond));
  });
}

function* second() {
  try {
    yield* ev.wait();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("event from another loop:", ename(e), B(e.message.includes("bound to a different event loop")), state(ev));
  }
  ev.set();
  console.log("set event from another loop:", B(yield* ev.wait()));
  ev.clear();
  yield* asyncWith(cond, function* () {
    console.log("cond entered from another loop", state(cond));
    try {
      yield* cond.wait();
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      console.log("cond wait from another loop:", ename(e), "still held:", B(cond.locked()));
    }
  });
  console.log("after", state(cond));
}

loop.runUntilCompleteSync(first());
const loop2 = new EventLoop({ clock: "virtual" });
loop2.runUntilCompleteSync(second());
loop2.close();

function* again() {
  const t = loop.createTask(ev.wait());
  yield* sleep(0);
  ev.set();
  console.log("first loop again:", B(yield* t), state(ev));
}

loop.runUntilCompleteSync(again());
loop.close();
