// Barrier(3): waiters fill it one by one (n_waiting counts them), the third passes it and all
// three leave with distinct indices; while it drains, newcomers are blocked until the last
// leaves; it can be passed again and again; async with gives the index. The repr shows the
// state (filling, draining) and waiters.
import { EventLoop, sleep, gather, asyncWith, Barrier } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* main() {
  const b = new Barrier(3);
  console.log("new", state(b), b.parties, b.nWaiting, B(b.broken));
  function* party(name, rounds) {
    const got = [];
    for (let r = 0; r < rounds; r++) {
      const i = yield* b.wait();
      got.push(i);
      console.log(name, "passed round", r, "as", i, state(b));
      yield* sleep(0);
    }
    return got;
  }
  const t1 = loop.createTask(party("p1", 2));
  yield* sleep(0);
  console.log("one waiting", state(b), b.nWaiting);
  const t2 = loop.createTask(party("p2", 2));
  yield* sleep(0);
  console.log("two waiting", state(b), b.nWaiting);
  const t3 = loop.createTask(party("p3", 2));
  yield* sleep(0);
  console.log("third arrived", state(b), b.nWaiting);
  console.log("results", fmt(yield* gather(t1, t2, t3)), state(b));
  function* withParty(name) {
    return yield* asyncWith(b, function* (i) {
      console.log(name, "inside as", i, state(b));
      return i;
    });
  }
  console.log("async with", fmt(yield* gather(...["x", "y", "z"].map(withParty))), state(b));
}

loop.runUntilCompleteSync(main());
loop.close();
