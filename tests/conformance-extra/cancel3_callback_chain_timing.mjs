// exactly which loop iteration tasks wake up in, next to a reporter task that prints every
// iteration: a future set from callSoon, from callLater and from a done callback of another
// future (a chain of three, each link one iteration later); a task awaiting a task wakes one
// iteration after it finishes, after the task's own done callbacks registered earlier; a
// done callback that cancels a task whose wake-up is already queued (the task gets
// CancelledError although its future has a result) versus one queued after the wake-up.
import { EventLoop, sleep, gather, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* reporter(label, n) {
  for (let i = 0; i < n; i++) {
    console.log("   ", label, i, T());
    yield* sleep(0);
  }
}

function* waiter(name, fut) {
  try {
    const v = yield* fut;
    console.log("  ", name, "woke with", fmt(v), T());
    return v;
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", name, "cancelled", fmt(e), "future done", B(fut.done()), T());
    throw e;
  }
}

function link(nxt, tag) {
  return (f) => {
    console.log("  cb", tag, "sees", fmt(f.result()), "-> sets next");
    nxt.setResult(f.result() + 1);
  };
}

function* main() {
  const [f1, f2, f3] = [loop.createFuture(), loop.createFuture(), loop.createFuture()];
  f1.addDoneCallback(link(f2, "1->2"));
  f2.addDoneCallback(link(f3, "2->3"));
  const ws = [["w3", f3], ["w2", f2], ["w1", f1]].map(([n, f]) => loop.createTask(waiter(n, f)));
  loop.createTask(reporter("chain", 6));
  loop.callSoon((v) => f1.setResult(v), 10);
  yield* gather(...ws);
  console.log("chain done", T());

  const f = loop.createFuture();
  const w = loop.createTask(waiter("wt", f));
  loop.callLater(0.5, () => { console.log("  timer sets f", T()); f.setResult("tick"); });
  yield* sleep(0.25);
  loop.createTask(reporter("timer", 4));
  yield* w;

  function* inner() {
    yield* sleep(0.5);
    console.log("  inner returns", T());
    return "in";
  }
  const it = loop.createTask(inner());
  it.addDoneCallback((t) => console.log("  done cb A of inner", fmt(t.result())));
  const outer = loop.createTask(waiter("outer", it));
  yield* sleep(0);
  it.addDoneCallback((t) => console.log("  done cb B of inner", fmt(t.result())));
  yield* sleep(0.25);
  loop.createTask(reporter("nest", 4));
  yield* outer;

  const g = loop.createFuture();
  const holder = {};
  g.addDoneCallback(() => console.log("  early cb cancels", B(holder.w.cancel("from cb"))));
  holder.w = loop.createTask(waiter("wg", g));
  yield* sleep(0);
  loop.callSoon((v) => g.setResult(v), "value");
  try {
    yield* holder.w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("wg ->", fmt(e), T());
  }

  function* sleeper(fut) {
    const v = yield* fut;
    console.log("   sleeper got", fmt(v), T());
    try {
      yield* sleep(1);
    } catch (e) {
      if (e instanceof CancelledError) console.log("   sleeper cancelled in its sleep", fmt(e), T());
      throw e;
    }
  }
  const h = loop.createFuture();
  const s = loop.createTask(sleeper(h));
  yield* sleep(0);
  h.addDoneCallback(() => console.log("  late cb cancels", B(s.cancel("late"))));
  loop.callLater(0.125, (v) => h.setResult(v), "v2");
  try {
    yield* s;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("sleeper ->", fmt(e), T());
  }
}

loop.runUntilCompleteSync(main());
loop.close();
