// as_completed when several inputs complete in one loop iteration: the items (new awaitables,
// never the inputs) give results in the order the completions happened inside the iteration,
// not in argument order: futures set in reverse order by one callback, a failure and a
// cancellation set by one callback, a task finishing in the iteration where a callback queued
// before its wake-up sets a future; items awaited only after everything completed keep that
// order; two consumer tasks waiting on items: the first to wait gets the first completion,
// and one cancelled after its wake-up was queued passes the result on to the other.
import { EventLoop, sleep, wait, asCompleted, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* take(label, items) {
  const out = [];
  for (const f of items) {
    try {
      out.push(fmt(yield* f));
    } catch (e) {
      if (e instanceof CancelledError) out.push(`cancelled(${e.message})`);
      else if (e instanceof ValueError) out.push(fmt(e));
      else throw e;
    }
  }
  console.log(label, out.join(", "), T());
}

function* main() {
  let [fa, fb, fc] = [loop.createFuture(), loop.createFuture(), loop.createFuture()];
  let items = [...asCompleted([fa, fb, fc])];
  console.log("items are new", B(items.every((i) => [fa, fb, fc].every((x) => i !== x))), items.length);
  loop.callLater(0.1, () => {
    fc.setResult("c");
    fa.setResult("a");
    fb.setResult("b");
  });
  yield* take("reverse in one callback:", items);

  [fa, fb, fc] = [loop.createFuture(), loop.createFuture(), loop.createFuture()];
  items = [...asCompleted([fa, fb, fc])];
  loop.callLater(0.1, () => {
    fb.cancel("bee");
    fc.setException(new ValueError("cee"));
    fa.setResult("a");
  });
  yield* take("cancel, failure, result:", items);

  const src = loop.createFuture();
  function* relay() {
    return "relay got " + (yield* src);
  }
  const t = loop.createTask(relay());
  const f = loop.createFuture();
  const g = loop.createFuture();
  items = [...asCompleted([t, f, g])];
  loop.callLater(0.25, (v) => g.setResult(v), "g-early");
  loop.callLater(0.3, () => {
    loop.callSoon((v) => f.setResult(v), "f");
    src.setResult("s");
  });
  yield* take("future set next to a task's wake-up:", items);

  [fa, fb] = [loop.createFuture(), loop.createFuture()];
  items = [...asCompleted([fa, fb])];
  loop.callSoon((v) => fb.setResult(v), "b");
  loop.callSoon((v) => fa.setResult(v), "a");
  yield* sleep(0.5);
  console.log("all done before awaiting", B(fa.done()), B(fb.done()));
  yield* take("awaited late:", items);

  [fa, fb] = [loop.createFuture(), loop.createFuture()];
  items = [...asCompleted([fa, fb])];
  function* consumer(label, item) {
    try {
      console.log("  ", label, "got", fmt(yield* item), T());
    } catch (e) {
      if (e instanceof CancelledError) console.log("  ", label, "cancelled", fmt(e), T());
      throw e;
    }
  }
  const ca = loop.createTask(consumer("ca", items[1]));
  const cb = loop.createTask(consumer("cb", items[0]));
  yield* sleep(0);
  loop.callLater(0.2, () => {
    fb.setResult("b");
    loop.callSoon((m) => ca.cancel(m), "late");
  });
  yield* wait([ca, cb]);
  console.log("ca cancelled", B(ca.cancelled()), "cb done", B(cb.done()), T());
}

loop.runUntilCompleteSync(main());
loop.close();
