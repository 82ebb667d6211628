// Barrier corner cases from CPython's test_locks, with five parties and a trace of who does
// what in which order: reset() while half the tasks drain and half block again; reset()
// while N-1 wait and then waiting again in `finally`; abort() while tasks drain and block;
// abort after an exception inside `async with barrier`, then reset through a second barrier.
// The state part of repr() is printed at the end of each case.
import { EventLoop, sleep, gather, createTask, asyncWith, Barrier, BrokenBarrierError, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const N = 5;
const state = (b) => "[" + String(b).split("[").slice(1).join("[");

function* run(n, coro) {
  const tasks = [];
  for (let i = 0; i < n; i++) tasks.push(createTask(coro(i)));
  return yield* gather(...tasks);
}

function* halfDrainingHalfBlockingReset() {
  const barrier = new Barrier(N);
  const log = [];
  let count = 0;
  function* coro(i) {
    let idx;
    try {
      idx = yield* barrier.wait();
      log.push(`p${i} passed as ${idx}`);
    } catch (e) {
      if (!(e instanceof BrokenBarrierError)) throw e;
      log.push(`p${i} broken, waits again`);
      idx = yield* barrier.wait();
      log.push(`p${i} passed round 2 as ${idx}`);
      return;
    }
    count += 1;
    if (count > Math.floor(N / 2)) {
      log.push(`p${i} resets`);
      yield* barrier.reset();
      idx = yield* barrier.wait();
      log.push(`p${i} passed round 2 as ${idx}`);
    } else {
      try {
        idx = yield* barrier.wait();
        log.push(`p${i} passed round 2 as ${idx}`);
      } catch (e) {
        if (!(e instanceof BrokenBarrierError)) throw e;
        log.push(`p${i} broken (never)`);
      }
    }
  }
  yield* run(N, coro);
  return [log, barrier];
}

function* waitingAndWaitingAgain() {
  const barrier = new Barrier(N);
  const log = [];
  function* coro1(i) {
    try {
      yield* barrier.wait();
    } catch (e) {
      if (!(e instanceof BrokenBarrierError)) throw e;
      log.push(`p${i} broken`);
    } finally {
      const idx = yield* barrier.wait();
      log.push(`p${i} passed in finally as ${idx}`);
    }
  }
  function* coro2() {
    yield* asyncWith(barrier, function* (idx) {
      log.push(`late party passed as ${idx}`);
    });
  }
  const tasks = [];
  for (let i = 0; i < N - 1; i++) tasks.push(createTask(coro1(i)));
  yield* sleep(0);
  createTask(barrier.reset());
  yield* sleep(0);
  log.push("after reset: " + state(barrier));
  createTask(coro2());
  yield* gather(...tasks);
  return [log, barrier];
}

function* halfDrainingAbort() {
  const barrier = new Barrier(N);
  const log = [];
  let count = 0;
  function* coro(i) {
    try {
      yield* barrier.wait();
    } catch (e) {
      if (!(e instanceof BrokenBarrierError)) throw e;
      log.push(`p${i} broken while draining`);
      return;
    }
    count += 1;
    if (count > Math.floor(N / 2)) {
      log.push(`p${i} aborts`);
      yield* barrier.abort();
    } else {
      try {
        yield* barrier.wait();
      } catch (e) {
        if (!(e instanceof BrokenBarrierError)) throw e;
        log.push(`p${i} broken while blocked`);
      }
    }
  }
  yield* run(N, coro);
  return [log, barrier];
}

function* exceptionThenReset() {
  const b1 = new Barrier(N);
  const b2 = new Barrier(N);
  const log = [];
  function* coro(i) {
    try {
      yield* asyncWith(b1, function* (k) {
        if (k === Math.floor(N / 2)) {
          log.push(`p${i} raises inside (index ${k})`);
          throw new RuntimeError();
        }
      });
      yield* b1.wait();
      log.push(`p${i} passed (never)`);
    } catch (e) {
      if (e instanceof BrokenBarrierError) log.push(`p${i} broken`);
      else if (e instanceof RuntimeError) {
        log.push(`p${i} aborts`);
        yield* b1.abort();
      } else throw e;
    }
    const k = yield* b2.wait();
    if (k === Math.floor(N / 2)) {
      log.push(`p${i} resets b1; b1 ${state(b1)}`);
      yield* b1.reset();
    }
    yield* b2.wait();
    yield* b1.wait();
    log.push(`p${i} through b1`);
  }
  yield* run(N, coro);
  return [log, b1];
}

function* main() {
  for (const [name, kase] of [["half_draining_half_blocking_reset", halfDrainingHalfBlockingReset],
                              ["waiting_and_waiting_again", waitingAndWaitingAgain],
                              ["half_draining_abort", halfDrainingAbort],
                              ["exception_then_reset", exceptionThenReset]]) {
    console.log(name);
    const [log, b] = yield* kase();
    for (const line of log) console.log("  ", line);
    console.log("   end:", state(b), "broken", B(b.broken), "n_waiting", b.nWaiting);
  }
}

loop.runUntilCompleteSync(main());
loop.close();
