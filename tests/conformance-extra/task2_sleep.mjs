// sleep(delay, result) hands back result (the same object) after delay; sleep(0) and a
// negative delay give way for exactly one loop iteration, so tasks, callSoon callbacks and
// future wake-ups interleave in scheduling order.
import { EventLoop, sleep, gather } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* spinner(name, n, delay = 0) {
  for (let i = 0; i < n; i++) {
    console.log(name, i);
    const r = yield* sleep(delay, i);
    if (r !== i) console.log(name, "got wrong result", r);
  }
  return name;
}

function* futWaiter(name, fut) {
  const v = yield* fut;
  console.log(name, "got", fmt(v));
  return v;
}

function* main() {
  const f = loop.createFuture();
  const ts = [loop.createTask(spinner("A", 4)), loop.createTask(futWaiter("W", f)),
    loop.createTask(spinner("B", 2, -1))];
  loop.callSoon(console.log, "cb1");
  yield* sleep(0);
  console.log("main 1");
  loop.callSoon((v) => f.setResult(v), "fv");
  loop.callSoon(console.log, "cb2");
  yield* sleep(0);
  console.log("main 2");
  yield* sleep(0);
  console.log("main 3");
  console.log("gather", fmt(yield* gather(...ts)), T());
  console.log("sleep(0, 'zero') ->", fmt(yield* sleep(0, "zero")), T());
  console.log("sleep(-1, 'neg') ->", fmt(yield* sleep(-1, "neg")), T());
  console.log("sleep(0.5, 'half') ->", fmt(yield* sleep(0.5, "half")), T());
  console.log("sleep(0.25) ->", fmt(yield* sleep(0.25)), T());
  const obj = ["x"];
  console.log("same object", B((yield* sleep(0.125, obj)) === obj), T());
  const t1 = loop.createTask(spinner("S", 3, 0.3));
  const t2 = loop.createTask(spinner("Q", 4, 0.11));
  console.log("timed spinners", fmt(yield* gather(t1, t2)), T());
}

await loop.runUntilComplete(main());
loop.close();
