// an inner gather cancelled directly while an outer gather waits on it: with
// returnExceptions the outer lists its CancelledError (with the message) and the siblings
// finish; without, the outer fails at once with CancelledError while the siblings go on and
// the awaiting task is not cancelled. Already-cancelled futures in a gather; gather() with
// only options; a child failure through waitFor(gather, null). Futures already done (a
// cache of results): the gather completes at once (3.12's eager path), so awaiting it does
// not give way to other tasks; an already-failed future next to a pending task fails it at
// once; cancel() of a gather of done futures.
import { EventLoop, sleep, gather, waitFor, ensureFuture, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* leaf(name, d, fail = false) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", name, "cancelled", fmt(e), T());
    throw e;
  }
  if (fail) throw new ValueError(name);
  console.log("  ", name, "done", T());
  return name;
}

function* ticker(n) {
  for (let i = 0; i < n; i++) {
    console.log("  tick", i, T());
    yield* sleep(0);
  }
}

function* work(name, d) {
  yield* sleep(d);
  console.log("  work", name, "done", T());
  return name;
}

function* main() {
  let inner = gather(leaf("a", 1), leaf("b", 2));
  let outer = gather(inner, leaf("c", 0.8), { returnExceptions: true });
  yield* sleep(0.3);
  console.log("cancel inner", B(inner.cancel("inner only")), T());
  console.log("outer list", fmt(yield* outer), T());

  inner = gather(leaf("d", 1), leaf("e", 2));
  const sibling = ensureFuture(leaf("f", 0.7));
  outer = gather(inner, sibling);
  yield* sleep(0.2);
  inner.cancel();
  try {
    yield* outer;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("outer raised", fmt(e), T(), "outer cancelled", B(outer.cancelled()), "sibling done", B(sibling.done()));
  }
  console.log("main goes on, sibling", fmt(yield* sibling), T());

  const f = loop.createFuture();
  f.cancel("gone");
  let g = gather(f, leaf("g", 0.1), { returnExceptions: true });
  console.log("with cancelled future", fmt(yield* g), T());
  try {
    yield* gather(leaf("h", 0.1), f);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("cancelled future raises", fmt(e), T());
  }
  yield* sleep(0.2);

  g = gather({ returnExceptions: true });
  console.log("no awaitables", B(g.done()), fmt(yield* g));

  try {
    yield* waitFor(gather(leaf("i", 0.2, true), leaf("j", 0.5)), null);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("wait_for None raised", fmt(e), T());
  }
  yield* sleep(0.5);
  console.log("end", T());

  const cache = {};
  for (const k of ["x", "y"]) {
    const f = loop.createFuture();
    f.setResult(k.toUpperCase());
    cache[k] = f;
  }
  g = gather(cache.x, cache.y);
  console.log("gather of done futures done at once", B(g.done()));
  let t = loop.createTask(ticker(4));
  console.log("cached", fmt(yield* g), T());
  yield* t;

  const bad = loop.createFuture();
  bad.setException(new ValueError("stale"));
  const slow = loop.createTask(work("slow", 0.5));
  g = gather(bad, slow);
  console.log("failed child done at once", B(g.done()));
  t = loop.createTask(ticker(3));
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("gather raised", fmt(e), T(), "slow done", B(slow.done()));
  }
  yield* t;

  g = gather(cache.x, bad, slow, { returnExceptions: true });
  yield* sleep(0);
  console.log("mixed after one iteration", B(g.done()));
  console.log("mixed", fmt(yield* g), T());

  g = gather(cache.y);
  console.log("cancel a gather of done futures", B(g.cancel()), B(g.cancelled()));
  console.log("still", fmt(yield* g), T());
}

loop.runUntilCompleteSync(main());
loop.close();
