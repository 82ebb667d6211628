// The floor under W5.wait (create 100k Futures and 100k tasks, each task waiting once on its
// Future with `return yield* fut`; one iteration in which every task starts and waits, then
// setResult on every Future, then run to the end), built up in plain JS:
//   bare     a generator per task, the smallest Future that can be awaited with yield* (state,
//            result, one callback field; it is its own iterator: yields itself while pending,
//            returns its result when done, as Future.__await__ does) and the smallest task
//            object (generator, state, result); steps and wakeups go through the JS ring
//            (floor-lib.mjs JsRing), one snapshot per iteration; the Future's completion
//            schedules its waiter's wakeup through the queue, as asyncio's call_soon of the
//            done callbacks does;
//   queue    the same with the ready queue in wasm linear memory (floor-lib.mjs WasmRing: one
//            wasm call per schedule and one per iteration);
//   step     the floor Future (7 fields) and Task (12 fields) of floor-lib.mjs instead: the
//            Task step's checks and bookkeeping, the yielded Future checked (a Future? of this
//            loop? not the task itself?) and the task added as its done callback, the Future's
//            done callbacks scheduled by kind (a function, or a Task to wake);
//   context  + the task's context swapped in and out around each resume;
//   context-mem  the same with the queue appended from JS (floor-lib.mjs WasmMemRing);
//   wasmloop the W5.wait workload itself.
// The last two rows are diagnostics, not floors: step and wasmloop again with
// --max-semi-space-size=64 (a young generation that holds every live task and Future), to
// show how much of each is the scavenger copying live objects.
// Each row runs in a process of its own (see floor-lib.mjs); median and min of 7 runs.
//
//   node --expose-gc bench/experiments/wait-floor.mjs [row,row...]
import { fileURLToPath } from "node:url";
import { EventLoop } from "../../dist/index.js";
import { expectEqual } from "../lib/harness.mjs";
import { Future, Task, floorLoop, makeQueue, runRows, setContextMode } from "./floor-lib.mjs";

const N = 100_000;
const BIG_YOUNG = ["--max-semi-space-size=64"];
function* waitOnce(fut) {
  return yield* fut;
}

/** The smallest awaitable Future: pending/done, a result, one waiter. */
class BareFuture {
  constructor() {
    this.done = false;
    this.result = undefined;
    this.callback = null;
  }
  [Symbol.iterator]() {
    return this;
  }
  next() {
    return this.done ? { value: this.result, done: true } : { value: this, done: false };
  }
}

/** The smallest task: its generator, whether it finished, its result. */
class BareTask {
  constructor(coro) {
    this.coro = coro;
    this.done = false;
    this.result = undefined;
  }
}

function bare(kind) {
  return {
    ops: N,
    setup: () => ({ q: makeQueue(kind, 1 << 18), futs: new Array(N).fill(null), last: null }),
    run: (s) => {
      const { q, futs } = s;
      const step = (task) => {
        const r = task.coro.next();
        if (r.done) {
          task.done = true;
          task.result = r.value;
        } else {
          r.value.callback = task; // the task waits on the Future it yielded
        }
      };
      let t = null;
      for (let i = 0; i < N; i++) {
        const f = new BareFuture();
        futs[i] = f;
        t = new BareTask(waitOnce(f));
        q.soon(step, t);
      }
      q.runOnce(); // every task now waits on its Future
      for (let i = 0; i < N; i++) {
        const f = futs[i];
        f.done = true;
        f.result = i;
        const w = f.callback;
        if (w !== null) {
          f.callback = null;
          q.soon(step, w);
        }
      }
      q.run();
      s.last = t;
    },
    check: (s) => expectEqual("last result", s.last.result, N - 1),
  };
}

function floor(context, kind = "wasm") {
  return {
    ops: N,
    setup: () => (setContextMode(context), { loop: floorLoop(makeQueue(kind)), futs: new Array(N).fill(null), last: null }),
    run: (s) => {
      const { loop, futs } = s;
      let t = null;
      for (let i = 0; i < N; i++) {
        const f = new Future(loop);
        futs[i] = f;
        t = new Task(loop, waitOnce(f));
      }
      loop.queue.runOnce(); // every task now waits on its Future
      for (let i = 0; i < N; i++) futs[i].setResult(i);
      loop.queue.run();
      s.last = t;
    },
    check: (s) => expectEqual("last result", s.last.result(), N - 1),
  };
}

const rows = {
  bare: { label: "bare     generator + bare Future + bare task, JS ring", measure: bare("js") },
  queue: { label: "queue    the same, ready queue in wasm", measure: bare("wasm") },
  step: { label: "step     floor Future + Task (step semantics), queue in wasm", measure: floor(false) },
  context: { label: "context  + the task's context", measure: floor(true) },
  "context-mem": { label: "context  on the queue appended from JS (no call per schedule)", measure: floor(true, "wasm-mem") },
  wasmloop: { label: "wasmloop W5.wait", measure: wasmloopWait() },
  // diagnostics, not floors: a young generation that holds all live tasks and Futures
  "step-64": { label: "step     [64 MB semi-space]", measure: floor(false), flags: BIG_YOUNG },
  "wasmloop-64": { label: "wasmloop [64 MB semi-space]", measure: wasmloopWait(), flags: BIG_YOUNG },
};

function wasmloopWait() {
  return {
      ops: N,
      setup: () => ({ loop: new EventLoop({ clock: "virtual" }), futs: new Array(N).fill(null), last: null }),
      run: (s) => {
        const { loop, futs } = s;
        let t;
        for (let i = 0; i < N; i++) {
          const f = loop.createFuture();
          futs[i] = f;
          t = loop.createTask(waitOnce(f));
        }
        loop.runOnce(); // every task now waits on its Future
        for (let i = 0; i < N; i++) futs[i].setResult(i);
        s.last = loop.runUntilCompleteSync(t);
      },
      check: (s) => (expectEqual("last result", s.last, N - 1), s.loop.close()),
  };
}

runRows(fileURLToPath(import.meta.url), rows, "task");
