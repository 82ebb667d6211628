// Debug mode and the exception handler's context keys: with set_debug(True) a failing
// call_soon / call_later callback reports a source_traceback (where the handle was made);
// call_exception_handler passes the caller's dict as given; with debug
// off the same failures carry no source_traceback. run(debug=True) turns the loop's debug on.
import { EventLoop, run, sleep, getRunningLoop, setEventLoop } from "wasmloop";
const B = (b) => (b ? "True" : "False");
const fmt = (v) => Array.isArray(v) ? `[${v.map(fmt).join(", ")}]` : typeof v === "string" ? `'${v}'` : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function handler(lp, ctx) {
  const tb = ctx.source_traceback;
  console.log("  handler:", fmt(Object.keys(ctx).sort()), "traceback is a non-empty list",
    tb !== undefined ? B(Array.isArray(tb) && tb.length > 0) : "-");
}

function bad() {
  throw new ValueError("cb");
}

function* scenario(loop) {
  loop.callSoon(bad);
  yield* sleep(0);
  loop.callLater(0.1, bad);
  yield* sleep(0.2);
  loop.callExceptionHandler({ message: "plain" });
}

for (const debug of [true, false]) {
  const loop = new EventLoop({ clock: "virtual" });
  setEventLoop(loop);
  loop.setDebug(debug);
  loop.setExceptionHandler(handler);
  console.log("debug", B(loop.getDebug()));
  loop.runUntilCompleteSync(scenario(loop));
  loop.close();
}

function* show() {
  console.log("run(debug=True): get_debug", B(getRunningLoop().getDebug()));
}
await run(show(), { debug: true });
