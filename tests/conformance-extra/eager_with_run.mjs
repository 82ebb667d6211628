// run() with a loop whose task factory is eager (loopFactory): main itself starts normally
// (the loop is not running yet when run() creates it), the tasks main creates start eagerly,
// and at shutdown the leftovers are cancelled and finished as usual.
import { run, EventLoop, sleep, createTask, getRunningLoop, eagerTaskFactory } from "wasmloop";
const T = () => getRunningLoop().time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function eagerLoop() {
  const loop = new EventLoop({ clock: "virtual" });
  loop.setTaskFactory(eagerTaskFactory);
  console.log("factory made the loop");
  return loop;
}

function* job(n, d) {
  console.log("  job", n, "starts", T());
  try {
    yield* sleep(d);
    console.log("  job", n, "done", T());
    return n;
  } finally {
    if (d > 1) {
      yield* sleep(0.25);
      console.log("  job", n, "cleaned up after cancel", T());
    }
  }
}

function* main() {
  console.log("main starts", T());
  const quick = createTask(job(1, 0.5));
  console.log("main created job 1; done", B(quick.done()));
  createTask(job(2, 10));
  console.log("main created job 2");
  const r = yield* quick;
  console.log("main got", r, T());
  return "main";
}

console.log("run ->", fmt(await run(main(), { loopFactory: eagerLoop })));
