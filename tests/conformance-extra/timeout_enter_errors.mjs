// Entering a Timeout wrongly: twice while active, again after exit, outside any task (from a
// plain callback); the RuntimeErrors and the states they leave. A Timeout entered by a Task of
// its own (runUntilCompleteSync(cm.aenter())) binds to that task, which then ends: the
// deadline cancels nothing, the timeout shows expired, and leaving it from another task raises
// nothing.
import { EventLoop, sleep, timeout, timeoutAt, asyncWith, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* main() {
  const cm = timeout(5);
  yield* asyncWith(cm, function* () {
    try {
      yield* asyncWith(cm, function* () {
        console.log("never printed");
      });
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      console.log("enter while active ->", ename(e), e.message, String(cm));
    }
  });
  console.log("after exit", String(cm));
  try {
    yield* asyncWith(cm, function* () {
      console.log("never printed");
    });
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("enter after exit ->", ename(e), e.message, String(cm));
  }

  const outside = timeoutAt(100);
  const result = loop.createFuture();
  function fromCallback() {
    try {
      outside.aenter()[Symbol.iterator]().next();
      result.setResult("entered");
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      result.setResult(`${ename(e)}: ${e.message}`);
    }
  }
  loop.callSoon(fromCallback);
  console.log("enter outside a task ->", yield* result, String(outside));
  try {
    outside.reschedule(200);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("reschedule after that ->", ename(e), e.message);
  }
}

loop.runUntilCompleteSync(main());
const cm = timeoutAt(loop.time() + 1);
console.log("own task enters:", B(loop.runUntilCompleteSync(cm.aenter()) === cm), String(cm));
loop.runUntilCompleteSync(sleep(2));
console.log("after the deadline:", String(cm), "expired", B(cm.expired()));
console.log("aexit from another task swallows ->", B(loop.runUntilCompleteSync(cm.aexit(null))), String(cm));
loop.close();
