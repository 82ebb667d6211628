// Timeout's repr through its states: created, active with its deadline rounded to 3 places as
// Python rounds (on the exact binary value, ties to even: 0.0625 -> 0.062), active without a
// deadline, expiring (seen from the body after the deadline), expired, finished; when() keeps
// the unrounded deadline.
import { EventLoop, sleep, timeout, timeoutAt, asyncWith, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
// Python's repr of the numbers this scenario uses
const R = (x) => (x >= 1e16 ? x.toExponential() : String(x));

function* main() {
  let cm = timeoutAt(0.0625);
  console.log("created:", String(cm));
  yield* asyncWith(cm, function* () {
    console.log("active:", String(cm), "when", cm.when());
    for (const [when, repr] of [[1.0625], [2.0005], [1.0015], [0.1 + 0.2], [12345.6789], [7, "7.0"], [1e16], [2.675], [123456789.0625]]) {
      cm.reschedule(when);
      console.log(`  reschedule(${repr ?? R(when)}):`, String(cm));
    }
    cm.reschedule(null);
    console.log("  reschedule(None):", String(cm));
  });
  console.log("finished:", String(cm));
  cm = timeout(0.5);
  try {
    yield* asyncWith(cm, function* () {
      try {
        yield* sleep(1);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        console.log("expiring:", String(cm), T());
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("expired:", String(cm), "when", cm.when());
  }
}

loop.runUntilCompleteSync(main());
loop.close();
