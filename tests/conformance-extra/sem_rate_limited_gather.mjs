// Semaphore(3) limiting a gather of ten downloads of different lengths: each starts as soon as
// a unit is free, in submission order; a cancelled download (cancelled while queued, and one
// while running) frees its place for the next.
import { EventLoop, sleep, gather, asyncWith, Semaphore, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

function* main() {
  const sem = new Semaphore(3);
  function* download(i) {
    return yield* asyncWith(sem, function* () {
      console.log("start", i, T(), state(sem));
      try {
        yield* sleep(0.1 * (((i * 7) % 5) + 1) + 0.001 * i);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        console.log("cancelled while running", i, T());
        throw e;
      }
      console.log("end", i, T());
      return i * i;
    });
  }
  const ts = [...Array(10).keys()].map((i) => loop.createTask(download(i)));
  yield* sleep(0.05);
  ts[6].cancel();
  ts[1].cancel();
  const res = yield* gather(...ts, { returnExceptions: true });
  console.log("results", fmt(res), T(), state(sem));
}

loop.runUntilCompleteSync(main());
loop.close();
