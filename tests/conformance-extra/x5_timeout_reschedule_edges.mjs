// timeout() rescheduled while the body runs: to a deadline already past (expires at the
// next iteration, not inside reschedule), to None (never expires, even past the old
// deadline), later than before, and earlier than before. Rescheduling a timeout that has
// not been entered, or one that already expired, is a RuntimeError. when() and expired()
// are printed along the way.
import { EventLoop, sleep, timeout, asyncWith, CancelledError, TimeoutError, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
function* main() {
  let cm;
  console.log("to the past:");
  try {
    yield* asyncWith(timeout(5), function* (c) {
      cm = c;
      yield* sleep(1);
      cm.reschedule(loop.time() - 3);
      console.log("  rescheduled, expired", B(cm.expired()), "when", cm.when().toFixed(1));
      try {
        yield* sleep(1);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        console.log("  body cancelled", T());
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  TimeoutError", T(), "expired", B(cm.expired()));
  }

  console.log("to None:");
  yield* asyncWith(timeout(1), function* (c) {
    cm = c;
    yield* sleep(0.5);
    cm.reschedule(null);
    console.log("  when", fmt(cm.when()));
    yield* sleep(2);
  });
  console.log("  finished", T(), "expired", B(cm.expired()));

  console.log("later, then earlier:");
  try {
    yield* asyncWith(timeout(1), function* (c) {
      cm = c;
      cm.reschedule(loop.time() + 4);
      yield* sleep(2);
      console.log("  still running", T());
      cm.reschedule(loop.time() + 0.25);
      yield* sleep(2);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  TimeoutError", T(), "when", cm.when().toFixed(2));
  }

  console.log("from None to a deadline:");
  try {
    yield* asyncWith(timeout(null), function* (c) {
      cm = c;
      yield* sleep(1);
      cm.reschedule(loop.time() + 0.5);
      yield* sleep(5);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  TimeoutError", T());
  }

  console.log("misuse:");
  const t = timeout(1);
  try {
    t.reschedule(3);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("  not entered:", ename(e), e.message);
  }
  try {
    cm.reschedule(3);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("  expired:", ename(e), e.message);
  }
  console.log("  when kept", cm.when().toFixed(2));
}

loop.runUntilCompleteSync(main());
loop.close();
