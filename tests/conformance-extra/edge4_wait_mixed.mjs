// wait over plain Futures and Tasks mixed, done and pending: the sets hold the very objects
// passed in (identity, one entry for a duplicate); FIRST_COMPLETED with some already done
// returns after one iteration with exactly those (plus any that completed in that iteration);
// a cancelled future counts as completed but not as an exception for FIRST_EXCEPTION; timeout
// 0 with a setResult already queued by callSoon sees it done (the completion callbacks run
// before the waiter's wake-up); a failure after a cancellation ends FIRST_EXCEPTION; the
// iteration in which the waiting task resumes, counted by a ticking callback.
import { EventLoop, sleep, wait, FIRST_COMPLETED, FIRST_EXCEPTION } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const it = [0];
const gen = [0];
function tick(g) {
  if (g !== gen[0]) return;
  it[0] += 1;
  loop.callSoon(tick, g);
}
function startTicks() {
  it[0] = 0;
  gen[0] += 1;
  loop.callSoon(tick, gen[0]);
}
function stopTicks() {
  gen[0] += 1;
}

function* work(name, d, fail = false) {
  yield* sleep(d);
  if (fail) throw new ValueError(name);
  return name;
}

function show(label, done, pending, objs) {
  const entries = Object.entries(objs);
  const dn = entries.filter(([, o]) => [...done].some((x) => x === o)).map(([k]) => k).sort();
  const pn = entries.filter(([, o]) => [...pending].some((x) => x === o)).map(([k]) => k).sort();
  console.log(label, "done", fmt(dn), "pending", fmt(pn), "sizes", done.size, pending.size, T());
}

function* main() {
  const f1 = loop.createFuture(); f1.setResult("f1");
  const f2 = loop.createFuture();
  const t1 = loop.createTask(work("t1", 0.5));
  const t2 = loop.createTask(work("t2", 0.2));
  const objs = { f1, f2, t1, t2 };
  startTicks();
  let [done, pending] = yield* wait([f1, f2, t1, t2, f1, t2], { returnWhen: FIRST_COMPLETED });
  stopTicks();
  show("first-completed with one done", done, pending, objs);
  console.log("resumed at iteration", it[0]);
  const vals = Object.values(objs);
  console.log("members are the inputs", B([...done, ...pending].every((x) => vals.includes(x))));

  const f3 = loop.createFuture();
  objs.f3 = f3;
  loop.callSoon((v) => f3.setResult(v), "f3");
  startTicks();
  [done, pending] = yield* wait([f3, f2, t1], { timeout: 0 });
  stopTicks();
  show("timeout 0 with a queued set_result", done, pending, objs);
  console.log("resumed at iteration", it[0]);

  const f4 = loop.createFuture();
  objs.f4 = f4;
  startTicks();
  loop.callSoon((v) => f4.setResult(v), "f4");
  [done, pending] = yield* wait([f4, t1], { returnWhen: FIRST_COMPLETED });
  stopTicks();
  show("first-completed from a callback", done, pending, objs);
  console.log("resumed at iteration", it[0]);

  const c1 = loop.createFuture();
  objs.c1 = c1;
  loop.callLater(0.05, (m) => c1.cancel(m), "gone");
  loop.callLater(0.1, (e) => f2.setException(e), new ValueError("f2 bad"));
  [done, pending] = yield* wait([c1, f2, t1], { returnWhen: FIRST_EXCEPTION });
  show("first-exception after a cancel", done, pending, objs);
  console.log("f2 exception", fmt(f2.exception()), "c1 cancelled", B(c1.cancelled()));

  const c2 = loop.createFuture();
  objs.c2 = c2;
  loop.callLater(0.05, () => c2.cancel());
  [done, pending] = yield* wait([c2, t1], { returnWhen: FIRST_COMPLETED });
  show("first-completed by a cancel", done, pending, objs);

  const c3 = loop.createFuture();
  objs.c3 = c3;
  loop.callLater(0.03, () => c3.cancel());
  [done, pending] = yield* wait([c3, t1], { returnWhen: FIRST_EXCEPTION });
  show("first-exception with only a cancel", done, pending, objs);
  console.log("t1", fmt(t1.result()));

  startTicks();
  [done, pending] = yield* wait([f1, t1, c3], { timeout: 0 });
  stopTicks();
  show("timeout 0 all done", done, pending, objs);
  console.log("resumed at iteration", it[0]);
  startTicks();
  [done, pending] = yield* wait([f1, t1]);
  stopTicks();
  show("all done, no timeout", done, pending, objs);
  console.log("resumed at iteration", it[0]);
}

loop.runUntilCompleteSync(main());
loop.close();
