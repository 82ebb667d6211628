// Chains: values and exceptions travel through nested awaits (coroutines inline, tasks awaiting
// tasks) with every finally running innermost first; cancelling the outer task cancels the
// task it awaits; if that inner task swallows the cancellation and returns, the outer task
// gets the value and is not cancelled; an exception chained through three tasks keeps its identity.
import { EventLoop, sleep, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* leaf(x, fail) {
  try {
    yield* sleep(0.5);
    if (fail) throw new ValueError(`leaf ${x}`);
    return x * 2;
  } finally {
    console.log("leaf finally", x, T());
  }
}

function* mid(x, fail) {
  try {
    const v = yield* leaf(x, fail);
    return v + 1;
  } finally {
    console.log("mid finally", x, T());
  }
}

function* top(x, fail) {
  try {
    return (yield* mid(x, fail)) * 10;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("top caught", fmt(e), T());
    return -1;
  } finally {
    console.log("top finally", x, T());
  }
}

function* innerSwallow() {
  try {
    yield* sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("inner swallows", fmt(e), T());
    yield* sleep(0.25);
    return "inner value";
  }
}

function* outer(t) {
  try {
    const v = yield* t;
    console.log("outer got", fmt(v), T());
    return v;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("outer cancelled", fmt(e), T());
    throw e;
  }
}

function* innerPlain() {
  try {
    yield* sleep(5);
  } finally {
    console.log("inner_plain finally", T());
  }
}

const err = new ValueError("deep");
function* l1() {
  yield* sleep(0.25);
  throw err;
}
function* l2() {
  return yield* loop.createTask(l1());
}
function* l3() {
  return yield* loop.createTask(l2());
}

function* main() {
  console.log("top(3) ->", yield* top(3, false), T());
  console.log("top(4) ->", yield* top(4, true), T());
  const t = loop.createTask(top(5, false));
  console.log("task top(5) ->", yield* t, T());

  const i = loop.createTask(innerSwallow());
  const o = loop.createTask(outer(i));
  yield* sleep(1);
  console.log("cancel outer", B(o.cancel("go")), "inner cancelling", i.cancelling(), "outer cancelling", o.cancelling());
  const r = yield* o;
  console.log("outer result", fmt(r), "outer cancelled", B(o.cancelled()), "inner cancelled", B(i.cancelled()), T());

  const i2 = loop.createTask(innerPlain());
  const o2 = loop.createTask(outer(i2));
  yield* sleep(1);
  o2.cancel();
  try {
    yield* o2;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("main: o2 cancelled", B(o2.cancelled()), "i2 cancelled", B(i2.cancelled()), T());
  }

  const t3 = loop.createTask(l3());
  try {
    yield* t3;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("main caught", fmt(e), "same object", B(e === err), T());
  }
}

await loop.runUntilComplete(main());
loop.close();
