// retry with exponential backoff: each attempt runs under waitFor(op(), perTry); a
// TransientError or a timeout is retried after 0.1, 0.2, 0.4...; a FatalError stops at once;
// running out of attempts raises the helper's own error with the last cause; the whole retry
// under an outer waitFor budget is cancelled in the middle of a backoff sleep or of an
// attempt, and the attempt's cleanup still runs.
import { EventLoop, sleep, waitFor, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

class TransientError extends Error { constructor(m) { super(m); this.name = "TransientError"; } }
class FatalError extends Error { constructor(m) { super(m); this.name = "FatalError"; } }
class GiveUp extends Error { constructor(m) { super(m); this.name = "GiveUp"; } }

function makeOp(name, plan) {
  const calls = plan[Symbol.iterator]();
  return function* op() {
    const [d, outcome] = calls.next().value;
    try {
      yield* sleep(d);
    } catch (e) {
      if (e instanceof CancelledError) console.log(`    ${name} attempt cancelled`, T());
      throw e;
    }
    if (outcome === "transient") throw new TransientError(name + " flaked");
    if (outcome === "fatal") throw new FatalError(name + " broke");
    return outcome;
  };
}

function* retry(op, attempts, perTry, base = 0.1) {
  let last = null;
  for (let i = 0; i < attempts; i++) {
    try {
      return yield* waitFor(op(), perTry);
    } catch (e) {
      if (!(e instanceof TransientError || e instanceof TimeoutError)) throw e;
      last = e;
      const delay = base * 2 ** i;
      console.log("  attempt", i, "->", ename(e), `retry in ${delay.toFixed(3)}`, T());
      yield* sleep(delay);
    }
  }
  throw new GiveUp(`${attempts} attempts, last: ${ename(last)}`);
}

function* run(label, coro) {
  try {
    console.log(label, "=", fmt(yield* coro), T());
  } catch (e) {
    if (e instanceof CancelledError) console.log(label, "cancelled", fmt(e), T());
    else console.log(label, "raised", fmt(e), T());
  }
}

function* main() {
  yield* run("ok-later", retry(makeOp("a", [[0.05, "transient"], [0.5, "x"], [0.07, "done a"]]), 4, 0.3));
  yield* run("fatal", retry(makeOp("b", [[0.02, "transient"], [0.04, "fatal"], [0.01, "never"]]), 4, 0.3));
  yield* run("exhausted", retry(makeOp("c", [[0.03, "transient"], [0.03, "transient"], [0.9, "slow"]]), 3, 0.25));
  yield* run("budget-in-backoff", waitFor(
    retry(makeOp("d", [[0.06, "transient"], [0.08, "transient"], [0.09, "d"]]), 5, 0.3), 0.27));
  yield* run("budget-in-attempt", waitFor(
    retry(makeOp("e", [[0.11, "transient"], [0.5, "e"]]), 5, 0.6), 0.33));
  const t = loop.createTask(retry(makeOp("f", [[0.2, "transient"], [0.3, "f"]]), 3, 1));
  loop.callLater(0.25, (m) => t.cancel(m), "operator abort");
  yield* run("aborted", t);
  console.log("f cancelled?", B(t.cancelled()));
}

loop.runUntilCompleteSync(main());
loop.close();
