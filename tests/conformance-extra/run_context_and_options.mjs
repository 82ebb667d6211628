// run() runs main in a copy of the caller's context: main sees what was set before the call,
// and what main (or its tasks) set is gone after it; each run() starts from the caller's
// values again. debug sets the loop's debug mode; loopFactory is called once and its loop
// runs main; the loop is closed after every run.
import { run, EventLoop, ContextVar, sleep, createTask, getRunningLoop } from "wasmloop";
const T = () => getRunningLoop().time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const setting = new ContextVar("setting", { default: "factory default" });
const made = [];

function factory() {
  const loop = new EventLoop({ clock: "virtual" });
  made.push(loop);
  return loop;
}

function* child() {
  yield* sleep(0.1);
  setting.set("set by child");
  return setting.get();
}

function* main(tag) {
  const loop = getRunningLoop();
  console.log(tag, "sees", fmt(setting.get()), "debug", B(loop.getDebug()), "loop is the factory's:", B(loop === made.at(-1)), T());
  setting.set("set by " + tag);
  const r = yield* createTask(child());
  console.log(tag, "child returned", fmt(r), "main sees", fmt(setting.get()), T());
  return setting.get();
}

console.log("before:", fmt(setting.get()));
console.log("run 1 ->", fmt(await run(main("run 1"), { loopFactory: factory })));
console.log("after run 1:", fmt(setting.get()), "loops made", made.length, "closed", B(made.at(-1).isClosed()));
setting.set("set by the caller");
console.log("run 2 ->", fmt(await run(main("run 2"), { debug: true, loopFactory: factory })));
console.log("after run 2:", fmt(setting.get()), "loops made", made.length, "closed", B(made.at(-1).isClosed()));
console.log("run 3 ->", fmt(await run(main("run 3"), { debug: false, loopFactory: factory })));
