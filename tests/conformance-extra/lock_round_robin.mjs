// Five workers each take a Lock three times, holding it across a sleep: FIFO hand-off makes
// them take turns in a fixed round-robin order; a sixth worker arriving mid-way joins the end
// of the line; a worker cancelled while queued drops out without disturbing the order.
import { EventLoop, sleep, gather, asyncWith, Lock } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* main() {
  const lock = new Lock();
  const order = [];
  function* worker(name, hold) {
    for (let r = 0; r < 3; r++) {
      yield* asyncWith(lock, function* () {
        order.push(`${name}${r}`);
        yield* sleep(hold);
      });
    }
    return name;
  }
  const ts = [..."abcde"].map((n, i) => loop.createTask(worker(n, 0.1 + 0.01 * i)));
  yield* sleep(0.25);
  ts.push(loop.createTask(worker("f", 0.05)));
  yield* sleep(0.2);
  ts[2].cancel();
  const res = yield* gather(...ts, { returnExceptions: true });
  console.log("order", order.join(" "));
  console.log("results", fmt(res), T(), B(lock.locked()));
}

loop.runUntilCompleteSync(main());
loop.close();
