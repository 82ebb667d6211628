// What makes an eager step stop: awaiting something already done does not (a done future, a
// task that completed eagerly, a coroutine that returns at once), so the whole task can
// finish inside createTask; sleep(0) does (one iteration), and so does a pending future. A
// task blocked on an eager task that completes later is woken through the loop.
import { EventLoop, sleep, gather, createTask, eagerTaskFactory } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
loop.setTaskFactory(eagerTaskFactory);

function* plain(v) {
  return v;
}

function* chain(doneFut) {
  const a = yield* doneFut;
  const b = yield* createTask(plain("eager child"));
  const c = yield* plain("inline");
  console.log("  chain finished inside its eager step:", fmt([a, b, c]));
  return "chain";
}

function* yielder() {
  console.log("  yielder before sleep(0)", T());
  yield* sleep(0);
  console.log("  yielder after sleep(0)", T());
  return "yielder";
}

function* blocker(gate) {
  const v = yield* gate;
  console.log("  blocker got", fmt(v), T());
  return v;
}

function* opener(gate) {
  yield* sleep(0.1);
  gate.setResult("opened");
  return "opener";
}

function* main() {
  const done = loop.createFuture();
  done.setResult("ready");
  const t = loop.createTask(chain(done));
  console.log("chain done:", B(t.done()), fmt(t.result()));
  const y = loop.createTask(yielder());
  console.log("yielder done:", B(y.done()));
  const gate = loop.createFuture();
  const b = loop.createTask(blocker(gate));
  const o = loop.createTask(opener(gate));
  console.log("blocker done:", B(b.done()), "opener done:", B(o.done()));
  console.log(fmt(yield* gather(y, b, o)), T());
}

loop.runUntilCompleteSync(main());
loop.close();
