// wasmloop on the virtual clock. Variants: "wasm" (the package's default core) and
// "reference" (the TypeScript oracle core, same glue) schedule through the Handle API
// (callSoon / callLater / handle.cancel()); "wasm-ids" through the allocation-free id API
// (callSoonId / callLaterId / cancelId). Tasks never allocate Handles, so W5 runs only in
// the Handle variants. The TS-core variant skips the rows that only serve other comparisons
// (W1.again, the real-clock W2.due for uvloop, W2.once, W3.half, the 10⁶ steady state) to
// keep `npm run bench` under five minutes; the sweep up to 10⁵ shows how it scales.
import { EventLoop, gather, sleep } from "../../dist/index.js";
// not reachable from the package's entries: the TypeScript core is passed as a core factory
import { ReferenceCore } from "../../dist/core/reference.js";
import { createWasmCore } from "../../dist/core/wasm.js";
import { expectEqual, gc, measure, sleepUntil } from "../lib/harness.mjs";
import { DELAYS, DELAY_MASK, DUE_DELAYS, SHORT_DELAYS } from "../lib/delays.mjs";
import * as P from "../lib/params.mjs";

// The wasm core's linear memory is private to the loop; W4 needs its size, so note every
// instance the package creates.
let lastInstance = null;
const OriginalInstance = WebAssembly.Instance;
WebAssembly.Instance = new Proxy(OriginalInstance, {
  construct(target, args, newTarget) {
    lastInstance = Reflect.construct(target, args, newTarget);
    return lastInstance;
  },
});

let count = 0;
const tick = () => {
  count++;
};

function* tiny() {
  return 1;
}

function* waitOnce(fut) {
  return yield* fut;
}

/** The server mix: one task of many, sleeping W5_SERVER_SLEEPS short delays in turn. */
function* serverTask(i, s) {
  let k = i * P.W5_SERVER_SLEEPS;
  for (let j = 0; j < P.W5_SERVER_SLEEPS; j++) yield* sleep(SHORT_DELAYS[k++ & DELAY_MASK]);
  if (++s.finished === s.tasks) s.fut.setResult(null);
}

/** W6: a task that sleeps far beyond the measurement. */
function* sleeper(i) {
  yield* sleep(10_000 + DELAYS[i]);
}

export function workloads(variant) {
  const [coreName, api] = variant.split("-");
  const core = coreName === "reference" ? () => new ReferenceCore() : "wasm";
  const ids = api === "ids";
  const newLoop = () => new EventLoop({ clock: "virtual", core });
  // W4 and W6 weigh what a loop's memory grows by; a loop made with the default core takes up
  // the last closed loop's core and tables, already grown (base-events.ts Leftovers), so these
  // two make theirs anew: a core passed as a factory is the loop's own, and so are its tables
  const freshLoop = () => new EventLoop({ clock: "virtual", core: core === "wasm" ? () => createWasmCore() : core });
  const done = (s) => s.loop.close();
  // one process runs one variant, so these call sites stay monomorphic
  const soon = ids ? (loop, fn) => loop.callSoonId(fn) : (loop, fn) => loop.callSoon(fn);
  const later = ids ? (loop, d, fn) => loop.callLaterId(d, fn) : (loop, d, fn) => loop.callLater(d, fn);
  const cancel = ids ? (loop, h) => loop.cancelId(h) : (loop, h) => h.cancel();
  /** a loop whose future completes when the target-th callback has fired */
  const until = (loop, target) => {
    const fut = loop.createFuture();
    const fire = () => {
      if (++count === target) fut.setResult(null);
    };
    return { loop, fut, fire };
  };

  /** W5_TASKS tiny tasks made and finished `batch` at a time (all at once: W5.tasks) */
  const createFinish = (batch) => () =>
    measure({
      ops: P.W5_TASKS,
      reps: 5,
      setup: () => ({ loop: newLoop(), last: null }),
      run: (s) => {
        for (let b = 0; b < P.W5_TASKS / batch; b++) {
          let t;
          for (let i = 0; i < batch; i++) t = s.loop.createTask(tiny());
          s.last = s.loop.runUntilCompleteSync(t);
        }
      },
      check: (s) => (expectEqual("last result", s.last, 1), done(s)),
    });
  /** W5_WAIT tasks, `batch` at a time: each waits once on its own Future, then every Future completes */
  const waitOnceRounds = (batch) => () =>
    measure({
      ops: P.W5_WAIT,
      reps: 5,
      setup: () => ({ loop: newLoop(), futs: new Array(batch), last: null }),
      run: (s) => {
        const { loop, futs } = s;
        for (let b = 0; b < P.W5_WAIT / batch; b++) {
          let t;
          for (let i = 0; i < batch; i++) {
            const f = loop.createFuture();
            futs[i] = f;
            t = loop.createTask(waitOnce(f));
          }
          loop.runOnce(); // every task now waits on its Future
          for (let i = 0; i < batch; i++) futs[i].setResult(i);
          s.last = loop.runUntilCompleteSync(t);
        }
      },
      check: (s) => (expectEqual("last result", s.last, batch - 1), done(s)),
    });

  const all = {
    "W1.once": () =>
      measure({
        ops: P.W1_N,
        warmupOps: P.W1_N / 10,
        setup: (n) => ((count = 0), { loop: newLoop(), n }),
        run: ({ loop, n }) => {
          for (let i = 0; i < n; i++) soon(loop, tick);
          loop.runOnce();
        },
        check: (s) => (expectEqual("callbacks run", count, s.n), done(s)),
      }),

    // the same on one loop for every run: after the warm-up its arrays and memory are grown
    "W1.again": () => {
      const loop = newLoop();
      const r = measure({
        ops: P.W1_N,
        setup: () => ((count = 0), loop),
        run: (loop) => {
          for (let i = 0; i < P.W1_N; i++) soon(loop, tick);
          loop.runOnce();
        },
        check: () => expectEqual("callbacks run", count, P.W1_N),
      });
      loop.close();
      return r;
    },

    "W1.steady": () =>
      measure({
        ops: P.W1_BATCH * P.W1_BATCHES,
        setup: () => ((count = 0), { loop: newLoop() }),
        run: ({ loop }) => {
          for (let b = 0; b < P.W1_BATCHES; b++) {
            for (let i = 0; i < P.W1_BATCH; i++) soon(loop, tick);
            loop.runOnce();
          }
        },
        check: (s) => (expectEqual("callbacks run", count, P.W1_BATCH * P.W1_BATCHES), done(s)),
      }),

    "W2.once": () =>
      measure({
        ops: P.W2_N,
        warmupOps: P.W2_N / 10,
        reps: 3,
        setup: (n) => ((count = 0), { ...until(newLoop(), n), n }),
        run: ({ loop, fut, fire, n }) => {
          for (let i = 0; i < n; i++) later(loop, DELAYS[i], fire);
          loop.runUntilCompleteSync(fut);
        },
        check: (s) => (expectEqual("timers fired", count, s.n), done(s)),
      }),

    // real clock: 1..64 ms delays, all due once scheduled (the uvloop comparison); the wait, if any, is left out
    "W2.due": () =>
      measure({
        ops: P.W2_N,
        warmupOps: P.W2_N / 10,
        reps: 3,
        setup: (n) => ((count = 0), { ...until(new EventLoop({ core }), n), n }),
        run: ({ loop, fut, fire, n }) => {
          const t0 = performance.now();
          for (let i = 0; i < n; i++) later(loop, DUE_DELAYS[i], fire);
          const slept = sleepUntil(t0 + P.DUE_MAX_MS);
          loop.runUntilCompleteSync(fut);
          return slept;
        },
        check: (s) => (expectEqual("timers fired", count, s.n), done(s)),
      }),

    ...Object.fromEntries(P.W2_SWEEP.map((n) => [`W2.steady.${n}`, () => steady(newLoop, later, n)])),

    "W3.cancel": () =>
      measure({
        ops: P.W3_N,
        warmupOps: P.W3_N / 10,
        reps: 3,
        setup: (n) => ({ loop: newLoop(), handles: new Array(n), n }),
        run: ({ loop, handles, n }) => {
          for (let i = 0; i < n; i++) handles[i] = later(loop, DELAYS[i], tick);
          for (let i = 0; i < n; i++) cancel(loop, handles[i]);
          loop.runOnce();
        },
        check: (s) => (expectEqual("pending after", s.loop.nextWakeup(), Infinity), done(s)),
      }),

    "W3.half": () =>
      measure({
        ops: P.W3_N,
        warmupOps: P.W3_N / 10,
        reps: 3,
        setup: (n) => ((count = 0), { ...until(newLoop(), n / 2), handles: new Array(n), n }),
        run: ({ loop, fut, fire, handles, n }) => {
          for (let i = 0; i < n; i++) handles[i] = later(loop, DELAYS[i], fire);
          for (let i = 0; i < n; i += 2) cancel(loop, handles[i]);
          loop.runUntilCompleteSync(fut);
        },
        check: (s) => (expectEqual("timers fired", count, s.n / 2), done(s)),
      }),

    "W4.bytes": () => memoryPerTimer(freshLoop, later, core),

    "W5.switch": () =>
      measure({
        ops: P.W5_SWITCHES,
        setup: () => ({ loop: newLoop() }),
        run: ({ loop }) => {
          function* worker(n) {
            for (let i = 0; i < n; i++) yield;
          }
          loop.createTask(worker(P.W5_SWITCHES / 2));
          const last = loop.createTask(worker(P.W5_SWITCHES / 2));
          loop.runUntilCompleteSync(last);
        },
        check: done,
      }),

    "W5.tasks": createFinish(P.W5_TASKS),
    // create + wait once on a Future + finish: every task waits, then every Future completes
    "W5.wait": waitOnceRounds(P.W5_WAIT),
    // the same 100k tasks made and finished 1,000 at a time: what a task costs when the young
    // generation is not filled with 100k live tasks at once (bench/experiments/young-gen.mjs)
    "W5.tasks1k": createFinish(P.W5_BATCH),
    "W5.wait1k": waitOnceRounds(P.W5_BATCH),

    // a server-like mix: 100k tasks, each sleeping 100 short delays (1-100 ms) one after another
    "W5.server": () =>
      measure({
        ops: P.W5_SERVER_TASKS * P.W5_SERVER_SLEEPS,
        warmupOps: (P.W5_SERVER_TASKS * P.W5_SERVER_SLEEPS) / 10,
        reps: 3,
        setup: (n) => {
          const loop = newLoop();
          return { loop, fut: loop.createFuture(), tasks: n / P.W5_SERVER_SLEEPS, finished: 0 };
        },
        run: (s) => {
          for (let i = 0; i < s.tasks; i++) s.loop.createTask(serverTask(i, s));
          s.loop.runUntilCompleteSync(s.fut);
        },
        check: (s) => (expectEqual("tasks finished", s.finished, s.tasks), done(s)),
      }),

    "W6.bytes": () => memoryPerTask(freshLoop, core),

    "W5.gather": () =>
      measure({
        ops: P.W5_GATHER,
        reps: 15,
        warmup: 3,
        setup: () => ({ loop: newLoop(), out: null }),
        run: (s) => {
          function* main() {
            const coros = new Array(P.W5_GATHER);
            for (let i = 0; i < P.W5_GATHER; i++) coros[i] = tiny();
            return yield* gather(...coros);
          }
          s.out = s.loop.runUntilCompleteSync(main());
        },
        check: (s) => (expectEqual("results", s.out.length, P.W5_GATHER), done(s)),
      }),
  };
  if (ids) for (const id of Object.keys(all)) if (id.startsWith("W5") || id.startsWith("W6")) delete all[id];
  if (coreName === "reference") {
    for (const id of ["W1.again", "W2.once", "W2.due", "W3.half", "W2.steady.1000000", "W5.server"]) delete all[id];
  }
  return all;
}

/**
 * Steady state: n timers pending, each firing schedules one more. The loop is filled once
 * (untimed); the warm-up run lets the heap settle, then every timed run fires W2_FIRINGS more.
 */
function steady(newLoop, later, n) {
  let s = null;
  const result = measure({
    ops: P.W2_FIRINGS,
    reps: 3,
    setup: () => {
      if (s === null) {
        const loop = newLoop();
        s = { loop, fut: null, target: 0 };
        let j = n;
        const fire = () => {
          if (++count === s.target) s.fut.setResult(null);
          later(loop, DELAYS[j++ & DELAY_MASK], fire);
        };
        count = 0;
        for (let i = 0; i < n; i++) later(loop, DELAYS[i], fire);
      }
      s.target = count + P.W2_FIRINGS;
      s.fut = s.loop.createFuture();
      return s;
    },
    run: ({ loop, fut }) => loop.runUntilCompleteSync(fut),
    // equal deadlines fire in one iteration, so the last one may bring a few more
    check: () => expectEqual("timers fired", count >= s.target && count <= s.target + 10, true),
  });
  s.loop.close();
  return result;
}

/**
 * Bytes per pending timer: growth of the core's linear memory (wasm core only) plus the JS
 * heap delta after a full GC, with W4_N timers pending. Median of three loops.
 */
function memoryPerTimer(newLoop, later, core) {
  const samples = [];
  for (let r = 0; r < 3; r++) {
    const loop = newLoop();
    const mem = core === "wasm" ? lastInstance.exports.memory : null;
    gc();
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const wasm0 = mem === null ? 0 : mem.buffer.byteLength;
    for (let i = 0; i < P.W4_N; i++) later(loop, DELAYS[i], tick);
    gc();
    gc();
    const js = process.memoryUsage().heapUsed - heap0;
    const wasm = (mem === null ? 0 : mem.buffer.byteLength) - wasm0;
    expectEqual("next wakeup", loop.nextWakeup(), DELAYS[0]);
    samples.push({ js: js / P.W4_N, wasm: wasm / P.W4_N });
    loop.close();
  }
  samples.sort((a, b) => a.js + a.wasm - (b.js + b.wasm));
  const m = samples[1];
  const split = core === "wasm" ? { js: m.js, wasm: m.wasm } : {};
  return { value: m.js + m.wasm, unit: "B", ...split, reps: samples.length, ops: P.W4_N };
}

/**
 * Bytes per pending task asleep in `yield* sleep(d)`: the Task, its generator, the sleep's
 * Future and timer, the loop's bookkeeping (the weak tracking of an old task included), and
 * the core's linear-memory growth. Median of
 * three loops. The tasks are left pending when the loop closes: the exception handler
 * swallows their "destroyed but pending" reports.
 */
function memoryPerTask(newLoop, core) {
  const samples = [];
  for (let r = 0; r < 3; r++) {
    const loop = newLoop();
    loop.setExceptionHandler(() => {});
    const mem = core === "wasm" ? lastInstance.exports.memory : null;
    gc();
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const wasm0 = mem === null ? 0 : mem.buffer.byteLength;
    for (let i = 0; i < P.W6_N; i++) loop.createTask(sleeper(i));
    loop.runOnce(); // every task is now asleep
    // four more iterations: the tasks are old now, held weakly and registered for the
    // "destroyed but pending" report (tasks.ts TaskRegistry), as a long sleeper is
    for (let k = 0; k < 4; k++) {
      loop.callSoon(tick);
      loop.runOnce();
    }
    gc();
    gc();
    const js = process.memoryUsage().heapUsed - heap0;
    const wasm = (mem === null ? 0 : mem.buffer.byteLength) - wasm0;
    expectEqual("next wakeup", loop.nextWakeup() > 10_000, true);
    samples.push({ js: js / P.W6_N, wasm: wasm / P.W6_N });
    loop.close();
  }
  samples.sort((a, b) => a.js + a.wasm - (b.js + b.wasm));
  const m = samples[1];
  const split = core === "wasm" ? { js: m.js, wasm: m.wasm } : {};
  return { value: m.js + m.wasm, unit: "B", ...split, reps: samples.length, ops: P.W6_N };
}
