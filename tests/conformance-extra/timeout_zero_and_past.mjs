// Deadlines that are due at once: timeout(0), timeout(-1), timeoutAt(now), timeoutAt(past).
// The timeout fires at the next iteration, so a block that awaits anything (sleep(0), a done
// future's wait) raises TimeoutError, while a block that never awaits ends normally and the
// timeout is not expired. timeout(null) / timeoutAt(null) never fire; when() shows each.
import { EventLoop, sleep, timeout, timeoutAt, asyncWith, getRunningLoop, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const W = (w) => (w == null ? "None" : w.toFixed(3));

function* no_await() {
  return "no await";
}

function* sleep0() {
  yield* sleep(0);
  return "slept 0";
}

function* long() {
  yield* sleep(3);
  return "slept 3";
}

function* attempt(label, cm, body) {
  try {
    const r = yield* asyncWith(cm, function* () {
      return yield* body();
    });
    console.log(label, "->", fmt(r), T(), "when", W(cm.when()), "expired", B(cm.expired()));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log(label, "-> TimeoutError", T(), "when", W(cm.when()), "expired", B(cm.expired()));
  }
}

function* main() {
  yield* sleep(10);
  const loop = getRunningLoop();
  for (const body of [no_await, sleep0, long]) {
    const name = body.name;
    yield* attempt("timeout(0) " + name, timeout(0), body);
    yield* attempt("timeout(-1) " + name, timeout(-1), body);
    yield* attempt("timeout_at(now) " + name, timeoutAt(loop.time()), body);
    yield* attempt("timeout_at(past) " + name, timeoutAt(loop.time() - 5), body);
    yield* attempt("timeout(None) " + name, timeout(null), body);
    yield* attempt("timeout_at(None) " + name, timeoutAt(null), body);
  }
}

loop.runUntilCompleteSync(main());
loop.close();
