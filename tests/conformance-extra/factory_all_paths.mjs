// A task factory sees every task the loop makes: createTask (the loop's and the module's),
// ensureFuture, gather and shield of coroutines, runUntilComplete's own task. It gets the
// loop and the coroutine, plus context only when one was given; a name given to createTask
// is set on what the factory returns, after it returns (3.12). getTaskFactory returns it;
// setTaskFactory(null) restores the default.
import { EventLoop, sleep, gather, shield, ensureFuture, createTask, copyContext, Task } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const made = [];
// coroutines are generator objects: the factory names them by what they were made for
const names = new WeakMap();
const named = (coro, name) => (names.set(coro, name), coro);

function factory(loop_, coro, opts) {
  made.push(names.get(coro));
  console.log("  factory: coro", names.get(coro), "kwargs", fmt(Object.keys(opts).sort()), "same loop:", B(loop_ === loop));
  return new Task(coro, { ...opts, loop: loop_ });
}

function* leafBody(v) {
  yield* sleep(0.1);
  return v;
}
const leaf = (v) => named(leafBody(v), "leaf");

function* mainBody() {
  console.log("current factory is ours:", B(loop.getTaskFactory() === factory));
  const a = loop.createTask(leaf("a"), { name: "given-name" });
  console.log("named:", a.getName());
  const b = createTask(leaf("b"), { context: copyContext() });
  const c = ensureFuture(leaf("c"));
  const g = gather(leaf("d"), leaf("e"));
  const s = shield(leaf("f"));
  console.log(fmt([yield* a, yield* b, yield* c, ...(yield* g), yield* s]), T());
  loop.setTaskFactory(null);
  console.log("factory now:", fmt(loop.getTaskFactory()));
  yield* loop.createTask(leaf("not seen"));
  console.log("made", made.length, fmt(made));
}

console.log("default before:", fmt(loop.getTaskFactory()));
loop.setTaskFactory(factory);
loop.runUntilCompleteSync(named(mainBody(), "main"));
loop.close();
