// Task names: unnamed tasks are "Task-N" with one counter for the whole program (every loop),
// named tasks take no number, setName renames without touching the counter; tasks made by
// runUntilComplete, ensureFuture, gather and shield count; a coroutine awaited inline runs
// in (and sees the name of) the awaiting task.
import { EventLoop, setEventLoop, sleep, gather, shield, waitFor, ensureFuture, currentTask } from "wasmloop";
let loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
setEventLoop(loop);

function* whoami(tag, d = 0.1) {
  console.log(tag, "runs in", currentTask().getName());
  yield* sleep(d);
  return currentTask().getName();
}

function* main() {
  const me = currentTask();
  console.log("main is", me.getName());
  const a = loop.createTask(whoami("a"));
  const b = loop.createTask(whoami("b"), { name: "worker" });
  const c = loop.createTask(whoami("c"));
  console.log("names", a.getName(), b.getName(), c.getName());
  c.setName("renamed");
  b.setName(42);
  const d = ensureFuture(whoami("d", 0.2));
  console.log("after rename", c.getName(), b.getName(), "d is", d.getName());
  console.log("results", fmt(yield* gather(a, b, c, d)), T());
  const g = gather(whoami("g1", 0.3), whoami("g2", 0.4));
  console.log("gathered", fmt(yield* g), T());
  const s = yield* shield(whoami("s", 0.5));
  console.log("shielded ran in", s, T());
  const v = yield* whoami("inline", 0.6);
  console.log("inline ran in", v, T());
  const w = yield* waitFor(whoami("wait_for inline", 0.7), 10);
  console.log("wait_for inline ran in", w, T());
  const e = loop.createTask(whoami("e"));
  console.log("e is", e.getName());
  yield* e;
  me.setName("main-renamed");
  console.log("main now", currentTask().getName());
}

await loop.runUntilComplete(main());
loop.close();

const loop2 = new EventLoop({ clock: "virtual" });
setEventLoop(loop2);
function* main2() {
  console.log("main2 is", currentTask().getName());
  const t = loop2.createTask(whoami("x"));
  console.log("x is", t.getName());
  return yield* t;
}
console.log("second loop ->", fmt(await loop2.runUntilComplete(main2())));
const t = loop2.createTask(whoami("outside"));
console.log("made outside the running loop:", t.getName());
await loop2.runUntilComplete(t);
loop2.close();
