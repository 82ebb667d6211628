// Tokens across tasks: a task can reset its own set after awaiting (its context is the same
// across steps), but not a token made in another task (RangeError, asyncio's ValueError:
// different Context), not one of another variable (RangeError), and not one used already
// (RuntimeError); each failure leaves the value as it was and the task goes on.
import { EventLoop, sleep, gather, ContextVar, Token, copyContext, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
// asyncio's ValueError is RangeError here (API.md rule 7)
const pyName = (e) => (e instanceof RangeError ? "ValueError" : ename(e));

const level = new ContextVar("level", { default: 0 });
const other = new ContextVar("other", { default: "-" });

function attempt(tag, v, token) {
  try {
    v.reset(token);
    console.log(" ", tag, "-> reset ok, now", fmt(v.get()));
  } catch (e) {
    if (!(e instanceof RangeError || e instanceof RuntimeError)) throw e;
    console.log(" ", tag, "->", pyName(e), "value stays", fmt(v.get()));
  }
}

function* owner(shared) {
  const t1 = level.set(1);
  console.log("owner set 1, old value missing:", B(t1.oldValue === Token.MISSING), T());
  yield* sleep(0.1);
  const t2 = level.set(2);
  console.log("owner set 2, old value", t2.oldValue, "var is level:", B(t2.var === level), T());
  shared.push(t2);
  yield* sleep(0.2);
  attempt("owner resets t2 after sleeping", level, t2);
  attempt("owner resets t2 again", level, t2);
  attempt("owner resets t1 with other", other, t1);
  attempt("owner resets t1", level, t1);
  return level.get();
}

function* thief(shared) {
  yield* sleep(0.15);
  level.set(99);
  attempt("thief resets owner's token", level, shared[0]);
  return level.get();
}

function* main() {
  const shared = [];
  const r = yield* gather(owner(shared), thief(shared));
  console.log("results", fmt(r), "main level", level.get(), T());
  const tok = other.set("main");
  const ctx = copyContext();
  console.log("copy holds", fmt(ctx.get(other)));
  try {
    ctx.run((t) => other.reset(t), tok);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("reset inside a copy:", pyName(e));
  }
  other.reset(tok);
  console.log("main other", fmt(other.get()), "copy still", fmt(ctx.get(other)));
}

loop.runUntilCompleteSync(main());
loop.close();
