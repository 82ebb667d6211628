// The exception handler runs synchronously inside the iteration, between the failing
// callback and the next one; it may stop the loop (the iteration still finishes), schedule
// recovery callbacks (next iteration), and sees the running loop and the TimerHandle; a
// callback that cancels its own handle and then raises still reaches it.
import { EventLoop, TimerHandle, getRunningLoop, RuntimeError } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

let count = 0;

function runningLoopIs(lp) {
  try {
    return getRunningLoop() === lp ? "yes" : "other";
  } catch (e) {
    if (e instanceof RuntimeError) return "RuntimeError";
    throw e;
  }
}

function handler(lp, ctx) {
  count += 1;
  const h = ctx.handle;
  const when = h instanceof TimerHandle ? h.when().toFixed(3) : "-";
  console.log(`handler #${count}`, fmt(ctx.exception), "t=" + T(), "timer when:", when,
    "running loop:", runningLoopIs(lp), "is_running:", B(lp.isRunning()));
  const exc = ctx.exception;
  if (exc != null && exc.message === "stop me") {
    lp.stop();
    console.log("handler: stop() requested");
  }
  if (exc != null && exc.message.startsWith("recover")) lp.callSoon(recover, exc.message);
}

function recover(what) { console.log("recover after", what, "t=" + T()); }

function bad(msg) {
  console.log("bad", msg, "t=" + T());
  throw new ValueError(msg);
}

function good(tag, ...more) {
  console.log("good", tag, "t=" + T());
  for (const m of more) loop.callSoon(good, m);
}

loop.setExceptionHandler(handler);
loop.callSoon(good, "first");
loop.callSoon(bad, "recover-1");
loop.callSoon(good, "same iteration", "next iteration");
loop.callLater(0.75, bad, "recover-timer");
loop.callLater(1.5, bad, "stop me");
loop.callLater(1.5 + 1e-6, good, "later timer (after restart)");
loop.callSoon(good, "second", "second's child");
await loop.runForever();
console.log("run_forever returned after handler stop t=" + T(), "running:", B(loop.isRunning()));
loop.callLater(1, () => loop.stop());
await loop.runForever();
console.log("second run returned t=" + T());
loop.callExceptionHandler({ message: "outside", exception: new ValueError("outside any run") });
const H = {};
function selfCancelThenRaise() {
  console.log("self_cancel_then_raise t=" + T());
  H.me.cancel();
  throw new ValueError("after self-cancel");
}
H.me = loop.callSoon(selfCancelThenRaise);
loop.callSoon(good, "after self-cancel");
loop.callLater(0.5, () => loop.stop());
await loop.runForever();
console.log("self-cancelled handle cancelled:", B(H.me.cancelled()), "t=" + T());
console.log("handler calls:", count);
loop.setExceptionHandler(null);
loop.close();
