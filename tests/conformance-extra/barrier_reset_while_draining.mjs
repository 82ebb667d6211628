// Barrier reset while tasks drain or block (CPython's test_reset_barrier_when_tasks_half_draining,
// _half_blocking and test_reset_barrier_while_tasks_draining): parties that already passed are
// not affected, parties still waiting get BrokenBarrierError, and everyone can pass again.
import { EventLoop, sleep, gather, Barrier, BrokenBarrierError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const state = (p) => String(p).split("[")[1].slice(0, -2);

const N = 5;

function* halfDraining() {
  const barrier = new Barrier(N);
  const results1 = [];
  const rest = Math.floor(N / 2);
  function* coro(n) {
    try {
      yield* barrier.wait();
    } catch (e) {
      if (!(e instanceof BrokenBarrierError)) throw e;
      results1.push(n);
      return;
    }
    // asyncio's test reads barrier._count: the tasks still inside; here: parties - passed so far
    passed += 1;
    if (rest === N - passed) {
      console.log("half_draining: reset by", n, state(barrier));
      yield* barrier.reset();
    }
  }
  let passed = 0;
  yield* gather(...[...Array(N).keys()].map(coro));
  console.log("half_draining", fmt(results1), barrier.nWaiting, state(barrier));
}

function* halfBlocking() {
  const barrier = new Barrier(N);
  const log = [];
  const count = [0];
  function* coro(n) {
    try {
      yield* barrier.wait();
    } catch (e) {
      if (!(e instanceof BrokenBarrierError)) throw e;
      log.push(`broken${n}`);
      yield* barrier.wait();
      return;
    }
    count[0] += 1;
    if (count[0] > Math.floor(N / 2)) {
      yield* barrier.reset();
      log.push(`reset${n}`);
      yield* barrier.wait();
    } else {
      try {
        yield* barrier.wait();
      } catch (e) {
        if (!(e instanceof BrokenBarrierError)) throw e;
        log.push(`blocked${n}`);
      }
    }
  }
  yield* gather(...[...Array(N).keys()].map(coro));
  console.log("half_blocking", fmt(log), state(barrier));
}

function* whileDraining() {
  const barrier = new Barrier(N);
  const log = [];
  const count = [0];
  function* coro(n) {
    yield* barrier.wait();
    count[0] += 1;
    if (count[0] === N) {
      yield* barrier.reset();
      log.push(`reset${n}`);
      yield* barrier.wait();
    } else {
      try {
        yield* barrier.wait();
        log.push(`second${n}`);
      } catch (e) {
        log.push(`error${n}`);
      }
    }
    const k = yield* barrier.wait();
    log.push(`last${n}:${k}`);
  }
  yield* gather(...[...Array(N).keys()].map(coro));
  console.log("while_draining", fmt(log), state(barrier));
}

function* main() {
  yield* halfDraining();
  yield* halfBlocking();
  yield* whileDraining();
}

loop.runUntilCompleteSync(main());
loop.close();
