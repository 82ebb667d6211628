// close(): refused while running (the run goes on), idempotent, drops pending callbacks;
// afterwards scheduling and running raise RuntimeError, while stop(), time(), cancel() of
// old handles, create_future() and a Future without callbacks still work.
import { EventLoop, sleep } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function attempt(label, f) {
  try {
    const r = f();
    console.log(label, "ok", fmt(r));
  } catch (e) {
    console.log(label, "raised", fmt(e));
  }
}
async function attemptAsync(label, f) {
  try {
    const r = await f();
    console.log(label, "ok", fmt(r));
  } catch (e) {
    console.log(label, "raised", fmt(e));
  }
}

function cb(name) { console.log("run", name, "t=" + T()); }

function inside() {
  console.log("inside: running", B(loop.isRunning()), "closed", B(loop.isClosed()));
  attempt("inside close()", () => loop.close());
  const fut = loop.createFuture();
  attempt("inside run_until_complete", () => loop.runUntilCompleteSync(fut));
  console.log("inside: fut done", B(fut.done()), "closed", B(loop.isClosed()));
  loop.callSoon(cb, "scheduled after failed close");
}

function* main() {
  loop.callSoon(inside);
  yield* sleep(1);
  console.log("main still running t=" + T());
  return "main result";
}

console.log("result:", fmt(await loop.runUntilComplete(main())));
const pendingSoon = loop.callSoon(cb, "dropped soon");
const pendingTimer = loop.callLater(5, cb, "dropped timer");
loop.close();
console.log("closed:", B(loop.isClosed()), "running:", B(loop.isRunning()));
attempt("close() again", () => loop.close());
console.log("pending handles cancelled:", B(pendingSoon.cancelled()), B(pendingTimer.cancelled()));
attempt("cancel old timer", () => pendingTimer.cancel());
console.log("old timer cancelled now:", B(pendingTimer.cancelled()));
attempt("call_soon", () => loop.callSoon(cb, "x"));
attempt("call_soon_threadsafe", () => loop.callSoonThreadsafe(cb, "x"));
attempt("call_later", () => loop.callLater(1, cb, "x"));
attempt("call_at", () => loop.callAt(10, cb, "x"));
attempt("stop", () => loop.stop());
console.log("time still works t=" + T());
const fut = loop.createFuture();
attempt("create_future done", () => fut.done());
attempt("set_result without callbacks", () => fut.setResult(7));
attempt("result", () => fut.result());
attempt("add_done_callback on done future", () => fut.addDoneCallback((f) => {}));
await attemptAsync("run_until_complete", () => loop.runUntilComplete(fut));
await attemptAsync("run_forever", () => loop.runForever());
console.log("end closed:", B(loop.isClosed()));
