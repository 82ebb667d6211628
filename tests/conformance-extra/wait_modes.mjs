// wait: ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION and timeout; done/pending sets.
import { EventLoop, sleep, wait, FIRST_COMPLETED, FIRST_EXCEPTION } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* work(name, d, fail = false) {
  yield* sleep(d);
  if (fail) throw new ValueError(name);
  return name;
}
const names = (s) => fmt([...s].map((t) => t.getName()).sort());

function* main() {
  let ts = [["a", 0.3], ["b", 0.1], ["c", 0.2]].map(([n, d]) => loop.createTask(work(n, d), { name: n }));
  let [done, pending] = yield* wait(ts);
  console.log("all", names(done), names(pending), T());
  ts = [["d", 0.3], ["e", 0.1], ["f", 0.2]].map(([n, d]) => loop.createTask(work(n, d), { name: n }));
  [done, pending] = yield* wait(ts, { returnWhen: FIRST_COMPLETED });
  console.log("first", names(done), names(pending), T());
  [done, pending] = yield* wait(pending, { timeout: 0.15 });
  console.log("timeout", names(done), names(pending), T());
  yield* wait(pending);
  ts = [["g", 0.3, false], ["h", 0.2, true], ["i", 0.1, false]].map(([n, d, f]) => loop.createTask(work(n, d, f), { name: n }));
  [done, pending] = yield* wait(ts, { returnWhen: FIRST_EXCEPTION });
  console.log("first exception", names(done), names(pending), T());
  for (const t of done) if (t.exception() !== null) console.log("exception", t.getName(), fmt(t.exception()));
  yield* wait(pending);
  ts = [["j", 0.2], ["k", 0.1]].map(([n, d]) => loop.createTask(work(n, d), { name: n }));
  [done, pending] = yield* wait(ts, { returnWhen: FIRST_EXCEPTION });
  console.log("first exception, none raised", names(done), names(pending), T());
  try {
    yield* wait([]);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("empty raised ValueError");
  }
}

loop.runUntilCompleteSync(main());
loop.close();
