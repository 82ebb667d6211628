// Barrier abort on error (CPython's test_abort_barrier_when_exception and _then_resetting):
// one party fails inside async with and aborts the barrier, the others get BrokenBarrierError;
// then all synchronize on a second barrier, one resets the first, and everyone passes it.
import { EventLoop, sleep, gather, asyncWith, Barrier, BrokenBarrierError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

const N = 5;

function* main() {
  const barrier1 = new Barrier(N);
  const barrier2 = new Barrier(N);
  const log = [];
  function* coro(n) {
    try {
      yield* asyncWith(barrier1, function* (i) {
        if (i === Math.floor(N / 2)) throw new ValueError(`party ${n} fails`);
      });
      yield* barrier1.wait();
      log.push(`passed${n}`);
    } catch (e) {
      if (e instanceof BrokenBarrierError) {
        log.push(`broken${n}`);
      } else if (e instanceof ValueError) {
        log.push(`failed${n}`);
        yield* barrier1.abort();
        console.log("aborted by", n, state(barrier1));
      } else {
        throw e;
      }
    }
    const i = yield* barrier2.wait();
    if (i === Math.floor(N / 2)) {
      yield* barrier1.reset();
      console.log("reset by", n, state(barrier1));
    }
    yield* barrier2.wait();
    return yield* barrier1.wait();
  }
  const res = yield* gather(...[...Array(N).keys()].map(coro));
  console.log("log", fmt(log));
  console.log("indices", fmt([...res].sort((a, b) => a - b)), state(barrier1), state(barrier2), B(barrier1.broken));
}

loop.runUntilCompleteSync(main());
loop.close();
