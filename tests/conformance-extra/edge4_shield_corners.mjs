// shield corners: already-done futures and tasks (finished, failed, cancelled) come back as
// they are; shield of a coroutine makes a numbered Task at once (the coroutine sees its
// name); two tasks awaiting the same shield: cancelling one cancels the shared outer, so
// the other gets CancelledError too while the inner goes on; the inner failing after the
// outer was cancelled (the outer stays cancelled, the inner keeps its exception); the inner
// cancelled with a message gives the outer a plain cancel (empty message); shield of a
// shield whose innermost is cancelled; iteration counts: the waiter of a shield wakes one
// iteration later than a direct waiter.
import { EventLoop, sleep, shield, gather, currentTask, allTasks, Task, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* work(name, d, fail = false) {
  console.log("  work", name, "in", currentTask().getName(), T());
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  work", name, "cancelled", fmt(e), T());
    throw e;
  }
  if (fail) {
    console.log("  work", name, "fails", T());
    throw new ValueError(name);
  }
  console.log("  work", name, "finished", T());
  return name;
}

const names = () => [...allTasks()].map((t) => t.getName()).sort();

function* main() {
  console.log("main is", currentTask().getName());
  const f = loop.createFuture(); f.setResult(1);
  const g = loop.createFuture(); g.setException(new ValueError("g"));
  const h = loop.createFuture(); h.cancel("hh");
  console.log("done futures as is", B(shield(f) === f), B(shield(g) === g), B(shield(h) === h));
  const t = loop.createTask(work("quick", 0.01));
  yield* t;
  console.log("done task as is", B(shield(t) === t), fmt(g.exception()));
  try {
    yield* shield(h);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("shield of cancelled future raises", fmt(e));
  }

  const c = work("coro", 0.1);
  const s = shield(c);
  console.log("tasks after shield(coro)", fmt(names()), "outer is a task", B(s instanceof Task));
  console.log("shield(coro) ->", fmt(yield* s), T());

  let inner = loop.createTask(work("shared", 0.5));
  let outer = shield(inner);
  function* waiter(tag) {
    try {
      const r = yield* outer;
      console.log("  waiter", tag, "got", fmt(r), T());
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log("  waiter", tag, "cancelled", fmt(e), T());
    }
  }
  const w1 = loop.createTask(waiter("w1"));
  const w2 = loop.createTask(waiter("w2"));
  yield* sleep(0.1);
  console.log("cancel w1", B(w1.cancel("only w1")), T());
  yield* sleep(0);
  console.log("outer cancelled", B(outer.cancelled()), "inner done", B(inner.done()));
  yield* sleep(0);
  console.log("w2 done", B(w2.done()), "w2 cancelled", B(w2.cancelled()));
  console.log("inner result", fmt(yield* inner), T());

  inner = loop.createTask(work("late-fail", 0.3, true));
  outer = shield(inner);
  yield* sleep(0.1);
  console.log("cancel outer", B(outer.cancel("outer msg")), "inner cancelled", B(inner.cancelled()));
  try {
    yield* inner;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("inner raised", fmt(e), T());
  }
  console.log("outer still cancelled", B(outer.cancelled()));
  try {
    outer.result();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("outer.result()", fmt(e));
  }

  inner = loop.createTask(work("direct", 1));
  outer = shield(inner);
  const outer2 = shield(outer);
  yield* sleep(0.1);
  console.log("cancel inner", B(inner.cancel("from inner")));
  try {
    yield* outer2;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("outer2 raised", fmt(e), "outer", B(outer.cancelled()), "outer2", B(outer2.cancelled()), T());
  }
  try {
    yield* inner;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("inner raised", fmt(e));
  }

  const it = [0];
  function tick() {
    it[0] += 1;
    if (it[0] < 8) loop.callSoon(tick);
  }
  const src = loop.createFuture();
  function* direct() {
    yield* src;
    console.log("  direct woke at iteration", it[0]);
  }
  function* shielded() {
    yield* shield(src);
    console.log("  shielded woke at iteration", it[0]);
  }
  const a = loop.createTask(shielded());
  const b = loop.createTask(direct());
  yield* sleep(0);
  loop.callSoon(tick);
  loop.callSoon((v) => src.setResult(v), "x");
  yield* gather(a, b);
  console.log("end", T());
}

loop.runUntilCompleteSync(main());
loop.close();
