// Done callbacks run in the context current when addDoneCallback was called (or the one
// given with { context }): not the context of whoever completes the future, and what they
// set does not leak into the task that added them. A task awaiting a future is woken in its
// own context.
import { EventLoop, sleep, gather, ContextVar, Context, createTask } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const who = new ContextVar("who", { default: "nobody" });

function onDone(tag) {
  return (fut) => {
    console.log(tag, "callback sees", fmt(who.get()), "result", fmt(fut.result()), T());
    who.set("callback " + tag);
  };
}

function* completer(fut, d) {
  who.set("completer");
  yield* sleep(d);
  fut.setResult("done by " + who.get());
}

function* adder(fut, name) {
  who.set(name);
  fut.addDoneCallback(onDone(name));
  const v = yield* fut;
  console.log(name, "woken with", fmt(v), "sees", fmt(who.get()), T());
}

function* main() {
  who.set("main");
  const fut = loop.createFuture();
  fut.addDoneCallback(onDone("main-added"));
  const ctx = new Context();
  fut.addDoneCallback(onDone("given-ctx"), { context: ctx });
  const a = createTask(adder(fut, "task-a"));
  const b = createTask(adder(fut, "task-b"));
  createTask(completer(fut, 0.1));
  yield* gather(a, b);
  console.log("main sees", fmt(who.get()), "ctx holds", fmt(ctx.get(who)), T());
  const t = createTask(sleep(0.1, "slept"));
  who.set("main again");
  t.addDoneCallback(onDone("on-task"));
  yield* t;
  yield* sleep(0);
  console.log("main ends as", fmt(who.get()), T());
}

loop.runUntilCompleteSync(main());
loop.close();
