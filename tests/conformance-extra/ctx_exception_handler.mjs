// A custom exception handler runs in the context of what the report is about (3.12): for a
// failing callback, the copy the callback ran in, its own last sets included (the next
// callback still sees its scheduling context); for a callback given { context }, that
// context; for a leftover task that fails during run()'s shutdown, the task's context.
import { EventLoop, run, sleep, createTask, getRunningLoop, ContextVar, Context } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const who = new ContextVar("who", { default: "nobody" });

function handler(loop_, context) {
  console.log("handler sees", fmt(who.get()), "for", fmt(context.exception), T());
}

function failing(tag) {
  console.log(tag, "runs as", fmt(who.get()));
  who.set("changed by " + tag);
  throw new ValueError(tag);
}

function fine(tag) {
  console.log(tag, "runs as", fmt(who.get()));
}

function* main() {
  who.set("main task");
  loop.callSoon(failing, "callback");
  loop.callSoon(fine, "next callback");
  const fut = loop.createFuture();
  fut.addDoneCallback(() => failing("done callback"));
  fut.setResult(null);
  const ctx = new Context();
  loop.callLater(0.1, failing, "in ctx", { context: ctx });
  yield* sleep(0.2);
  console.log("main still", fmt(who.get()), "ctx holds", fmt(ctx.get(who)), T());
}

loop.setExceptionHandler(handler);
who.set("program");
loop.runUntilCompleteSync(main());
loop.close();

function* leftover() {
  who.set("leftover task");
  try {
    yield* sleep(10);
  } finally {
    throw new ValueError("leftover cleanup");
  }
}

function* shortMain() {
  getRunningLoop().setExceptionHandler(handler);
  who.set("short main");
  createTask(leftover());
  yield* sleep(0.1);
}

await run(shortMain(), { clock: "virtual" });
console.log("program still", fmt(who.get()));
