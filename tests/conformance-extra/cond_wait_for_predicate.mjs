// Condition.wait_for(predicate): the predicate is checked first (a truthy value returns at once,
// lock or not) and after each notification with the lock held; its last value is the result.
// wait() and notify() without the lock are RuntimeErrors, and the condition stays usable.
// A producer/consumer pair on one condition.
import { EventLoop, sleep, gather, asyncWith, Condition, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* main() {
  const cond = new Condition();
  console.log("truthy at once, no lock:", fmt(yield* cond.waitFor(() => "ready")), state(cond));
  try {
    yield* cond.waitFor(() => 0);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("falsy without the lock:", fmt(e));
  }
  try {
    yield* cond.wait();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("wait without the lock:", fmt(e));
  }
  for (const f of [() => cond.notify(), () => cond.notifyAll()]) {
    try {
      f();
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      console.log("notify without the lock:", fmt(e));
    }
  }
  const items = [];
  const checks = [0];
  const pred = () => {
    checks[0] += 1;
    return items.length > 0 ? items.shift() : null;
  };
  function* consumer(name) {
    return yield* asyncWith(cond, function* () {
      const item = yield* cond.waitFor(pred);
      console.log(name, "got", item, T(), "checks", checks[0]);
      return item;
    });
  }
  function* producer() {
    const delays = [0.25, 0.5, 0.75];
    for (let i = 0; i < delays.length; i++) {
      yield* sleep(delays[i]);
      yield* asyncWith(cond, function* () {
        if (i === 1) {
          cond.notifyAll();
          console.log("spurious notify_all", T());
          return;
        }
        items.push(`item${i}`);
        cond.notify();
        console.log(`put item${i}`, T(), state(cond));
      });
    }
    yield* sleep(0.5);
    yield* asyncWith(cond, function* () {
      items.push("last");
      cond.notify();
    });
  }
  const res = yield* gather(consumer("c1"), consumer("c2"), consumer("c3"), producer());
  console.log("results", fmt(res), T(), state(cond));
}

loop.runUntilCompleteSync(main());
loop.close();
