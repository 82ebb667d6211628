// callSoon / callLater / callAt with a trailing { context: ctx } run the callback in ctx
// itself: what the callback sets stays in ctx (the scheduler does not see it), callbacks
// sharing ctx see each other's sets, and a callback scheduled with { context } from inside
// one runs in that ctx too.
import { EventLoop, sleep, ContextVar, Context, copyContext } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const counter = new ContextVar("counter", { default: 0 });

function bump(tag) {
  counter.set(counter.get() + 1);
  console.log(tag, "counter now", counter.get(), T());
}

function chain(tag, ctx) {
  bump(tag);
  loop.callSoon(bump, tag + " chained", { context: ctx });
  loop.callSoon(bump, tag + " copy");
}

function* main() {
  const ctx = copyContext();
  counter.set(100);
  loop.callSoon(bump, "soon", { context: ctx });
  loop.callSoon(bump, "soon again", { context: ctx });
  loop.callLater(0.1, bump, "later", { context: ctx });
  loop.callAt(loop.time() + 0.2, chain, "at", ctx, { context: ctx });
  loop.callSoon(bump, "no context");
  yield* sleep(0.5);
  console.log("ctx holds", ctx.get(counter), "len", ctx.size, "main holds", counter.get(), T());
  const other = new Context();
  loop.callSoon(bump, "empty context", { context: other });
  yield* sleep(0);
  console.log("other holds", other.get(counter), "main holds", counter.get(), T());
}

loop.runUntilCompleteSync(main());
loop.close();
