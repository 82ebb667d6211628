// The custom exception handler's context: a failing call_soon / call_later callback gives
// message + exception + handle (the very handle returned); a failing done callback of a
// Future gives a handle too; call_exception_handler passes the caller's dict through
// (future / task keys included). A handler that raises is contained: the loop goes on.
// set_exception_handler(None) restores the default handler.
import { EventLoop, sleep } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class DoneCallbackError extends Error {}

const H = {};
const seen = [];

function handler(lp, ctx) {
  seen.push(ctx);
  const keys = Object.keys(ctx).sort();
  const h = ctx.handle;
  const which = Object.entries(H).filter(([k, v]) => v === h).map(([k]) => k);
  console.log("handler t=" + T(), "keys:", keys.join(","), "exc:", fmt(ctx.exception),
    "msg-prefix:", `[${ctx.message.split(" ").slice(0, 3).map((s) => `'${s}'`).join(", ")}]`,
    "handle is:", which.length ? which[0] : "None");
}

function raisingHandler(lp, ctx) {
  console.log("raising_handler got:", fmt(ctx.exception), "t=" + T());
  throw new ValueError("handler broke");
}

function bad(tag) {
  console.log("bad", tag, "t=" + T());
  throw new ValueError(tag);
}
function good(tag) { console.log("good", tag, "t=" + T()); }

function badDone(f) {
  console.log("bad_done sees result", fmt(f.result()));
  throw new DoneCallbackError("done-cb");
}

function* worker() {
  yield* sleep(0.1);
  return "w";
}

function* main() {
  H.soon = loop.callSoon(bad, "soon");
  H.timer = loop.callLater(0.5, bad, "timer");
  loop.callSoon(good, "after soon");
  yield* sleep(1);
  const fut = loop.createFuture();
  fut.addDoneCallback(badDone);
  fut.setResult("r");
  yield* sleep(0);
  yield* sleep(0);
  const task = loop.createTask(worker());
  yield* task;
  const ctx = { message: "custom", exception: new ValueError("direct"), future: fut, task: task, extra: 1 };
  loop.callExceptionHandler(ctx);
  const last = seen[seen.length - 1];
  console.log("same dict:", B(last === ctx), "future is fut:", B(last.future === fut), "task is task:", B(last.task === task));
  loop.callExceptionHandler({ message: "no exception" });
  console.log("message only:", fmt(seen[seen.length - 1].exception), fmt(Object.keys(seen[seen.length - 1]).sort()));

  loop.setExceptionHandler(raisingHandler);
  try {
    loop.callExceptionHandler({ message: "via raising", exception: new ValueError("x") });
    console.log("call_exception_handler with raising handler returned normally");
  } catch (e) {
    console.log("call_exception_handler raised", fmt(e));
  }
  loop.callSoon(bad, "under raising handler");
  loop.callSoon(good, "still runs");
  yield* sleep(0.5);

  loop.setExceptionHandler(null);
  console.log("handler is None:", B(loop.getExceptionHandler() === null));
  loop.callSoon(bad, "default handler");
  loop.callSoon(good, "after default");
  yield* sleep(0.5);
  try {
    loop.setExceptionHandler(42);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    console.log("set_exception_handler(42):", ename(e));
  }
  console.log("handler still None:", B(loop.getExceptionHandler() === null));
  console.log("main done t=" + T());
}

loop.setExceptionHandler(handler);
console.log("get_exception_handler is handler:", B(loop.getExceptionHandler() === handler));
await loop.runUntilComplete(main());
loop.close();
