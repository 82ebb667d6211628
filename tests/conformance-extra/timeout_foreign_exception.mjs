// What leaves a timeout block besides TimeoutError. The body's own exception before the
// deadline goes through, the timeout unexpired. A body that raises another exception while it
// is being cancelled by the deadline: that exception, not TimeoutError, with the timeout
// expired and the cancel request withdrawn. A TimeoutError raised by the body itself is just
// an exception: it goes through and the timeout is not expired. The TimeoutError the timeout
// raises has the CancelledError as its cause.
import { EventLoop, sleep, timeout, asyncWith, currentTask, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class ZeroDivisionError extends Error { constructor(m) { super(m); this.name = "ZeroDivisionError"; } }

function* attempt(label, body) {
  const me = currentTask();
  const cm = timeout(1);
  try {
    yield* asyncWith(cm, function* () {
      yield* body();
    });
    console.log(label, "-> ended", T());
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    const cause = e.cause;
    console.log(label, "->", fmt(e), "cause", cause != null ? ename(cause) : "None", T());
  }
  console.log("  expired", B(cm.expired()), "cancelling", me.cancelling());
}

function* raisesEarly() {
  yield* sleep(0.5);
  throw new ValueError("early");
}

function* raisesInFinally() {
  try {
    yield* sleep(5);
  } finally {
    throw new ValueError("from finally"); // eslint-disable-line no-unsafe-finally
  }
}

function* raisesAfterCleanup() {
  try {
    yield* sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    yield* sleep(0.25);
    throw new ZeroDivisionError("cleanup failed");
  }
}

function* ownTimeoutError() {
  yield* sleep(0.5);
  throw new TimeoutError("mine");
}

function* expires() {
  yield* sleep(5);
}

function* main() {
  yield* attempt("raises early", raisesEarly);
  yield* attempt("raises in finally", raisesInFinally);
  yield* attempt("raises after cleanup", raisesAfterCleanup);
  yield* attempt("own TimeoutError", ownTimeoutError);
  yield* attempt("expires", expires);
}

loop.runUntilCompleteSync(main());
loop.close();
