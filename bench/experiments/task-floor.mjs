// The floor under W5.tasks (create 100k trivial tasks, all of them first, then run them all
// to the end), built up in plain JS one requirement per row:
//   gen       the generators alone: made into an array, then each resumed once;
//   obj K     + an object of K fields per task holding its generator (made by a constructor,
//             fields assigned in order, as a Task is), the result stored in it: the sweep over
//             K = 8, 12, 16, 18 shows what the object's size costs the garbage collector with
//             100k of them live at once (a floor Task is 12 fields, wasmloop's Task 11);
//   queue     + the 12-field object scheduled through the ready queue in wasm linear memory
//             (floor-lib.mjs WasmRing: one wasm call per schedule, one per iteration);
//   step      + the Task step's semantics instead of a bare resume (floor-lib.mjs Task: the
//             current task set and cleared, the resume in try/catch, state and must-cancel
//             checks, the yielded value checked, the result set, done callbacks looked for);
//   context   + the task's context: the variable map taken at creation and swapped in and
//             out around the resume;
//   context-mem  the same with the queue appended from JS (floor-lib.mjs WasmMemRing);
//   wasmloop  `loop.createTask(tiny())` 100k times, then runUntilCompleteSync(last): W5.tasks.
//             Each run's loop takes up the memory the last run's loop left when it closed (its
//             wasm core and slot tables, base-events.ts Leftovers), as every floor row makes its
//             queue in the untimed setup; `wasmloop-fresh` gives each run a core and tables of
//             its own, made anew: what the first loop of a process pays.
// The last seven rows are diagnostics, not floors (wasmloop-fresh above is the seventh): obj
// 12, step and wasmloop again with --max-semi-space-size=64, a young generation that holds all
// 100k live tasks, to show how much of each row is the scavenger copying live tasks (with
// Node's default 16 MB, a generator alone fits and anything more per task does not); and the
// context floor and wasmloop each after an untimed 100k on the same loop (wasmloop's tables
// have grown by then, and the process's heap has just held 100k tasks: compare the two warm
// rows with each other);
// and the context floor with its queue made inside the timed run (a wasm instance and two
// 131,072-slot JS arrays, what wasmloop's fresh loop has grown to by the end), as a fresh
// wasmloop loop acquires its memory while the tasks are made: every other floor row makes its
// queue in the untimed setup (and fills its arrays there: their pages are touched already).
// Each row runs in a process of its own (see floor-lib.mjs); median and min of 7 runs.
//
//   node --expose-gc bench/experiments/task-floor.mjs [row,row...]
import { fileURLToPath } from "node:url";
import { EventLoop } from "../../dist/index.js";
import { createWasmCore } from "../../dist/core/wasm.js";
import { expectEqual } from "../lib/harness.mjs";
import { Task, floorLoop, makeQueue, runRows, setContextMode } from "./floor-lib.mjs";

const N = 100_000;
function* tiny() {
  return 1;
}

/** A constructor of `fields` fields: f0 = the generator, the rest null, assigned in order. */
function makeClass(fields) {
  const body = Array.from({ length: fields }, (_, i) => `this.f${i} = ${i === 0 ? "g" : "null"};`).join("\n");
  return new Function("g", body);
}

function sized(fields) {
  const Obj = makeClass(fields);
  return {
    label: `obj ${String(fields).padStart(2)}  + ${fields}-field object per task`,
    measure: {
      ops: N,
      setup: () => ({ tasks: new Array(N).fill(null), last: 0 }),
      run: (s) => {
        const { tasks } = s;
        for (let i = 0; i < N; i++) tasks[i] = new Obj(tiny());
        for (let i = 0; i < N; i++) {
          const t = tasks[i];
          t.f1 = t.f0.next().value;
          tasks[i] = null;
        }
        s.last = 1;
      },
    },
  };
}

function floorTasks(context, kind = "wasm", warm = false, fresh = false) {
  const newLoop = () => floorLoop(fresh ? makeQueue(kind, FRESH_SLOTS) : makeQueue(kind));
  return {
    ops: N,
    setup: () => {
      setContextMode(context);
      if (fresh) return { loop: null, last: null };
      const loop = newLoop();
      if (warm) {
        for (let i = 0; i < N; i++) new Task(loop, tiny());
        loop.queue.run();
      }
      return { loop, last: null };
    },
    run: (s) => {
      if (fresh) s.loop = newLoop();
      let t = null;
      for (let i = 0; i < N; i++) t = new Task(s.loop, tiny());
      s.loop.queue.run();
      s.last = t;
    },
    check: (s) => expectEqual("last result", s.last._result, 1),
  };
}

/** the slots wasmloop's callback tables have grown to once 100k tasks are pending */
const FRESH_SLOTS = 131_072;

const Obj12 = makeClass(12);
const BIG_YOUNG = ["--max-semi-space-size=64"];
function queueStep(t) {
  t.f1 = t.f0.next().value;
  t.f2 = 1; // done
}

const rows = {
  gen: {
    label: "gen     generators alone",
    measure: {
      ops: N,
      setup: () => ({ gens: new Array(N).fill(null) }),
      run: ({ gens }) => {
        for (let i = 0; i < N; i++) gens[i] = tiny();
        for (let i = 0; i < N; i++) {
          gens[i].next();
          gens[i] = null;
        }
      },
    },
  },
  o8: sized(8),
  o12: sized(12),
  o16: sized(16),
  o18: sized(18),
  queue: {
    label: "queue   + 12-field object scheduled through the ready queue in wasm",
    measure: {
      ops: N,
      setup: () => ({ q: makeQueue("wasm"), last: null }),
      run: (s) => {
        const { q } = s;
        let t = null;
        for (let i = 0; i < N; i++) {
          t = new Obj12(tiny());
          q.soon(queueStep, t);
        }
        q.run();
        s.last = t;
      },
      check: (s) => expectEqual("last result", s.last.f1, 1),
    },
  },
  step: { label: "step    + Task step semantics (floor Task, 12 fields)", measure: floorTasks(false) },
  context: { label: "context + the task's context", measure: floorTasks(true) },
  "context-mem": { label: "context on the queue appended from JS (no call per schedule)", measure: floorTasks(true, "wasm-mem") },
  wasmloop: {
    label: "wasmloop createTask ×100k, runUntilCompleteSync",
    measure: wasmloopTasks(),
  },
  // diagnostics, not floors: the same rows with a young generation big enough to hold all
  // 100k live tasks, which shows how much of each row is the scavenger copying them
  "o12-64": { label: "obj 12   [64 MB semi-space]", measure: sized(12).measure, flags: BIG_YOUNG },
  "step-64": { label: "step     [64 MB semi-space]", measure: floorTasks(false), flags: BIG_YOUNG },
  "wasmloop-64": { label: "wasmloop [64 MB semi-space]", measure: wasmloopTasks(), flags: BIG_YOUNG },
  "context-fresh": { label: "context  [its queue made in the timed run]", measure: floorTasks(true, "wasm", false, true) },
  "context-warm": { label: "context  [after an untimed 100k first]", measure: floorTasks(true, "wasm", true) },
  "wasmloop-warm": { label: "wasmloop [after an untimed 100k first]", measure: wasmloopTasks(true) },
  "wasmloop-fresh": { label: "wasmloop [a core and tables made anew for each run]", measure: wasmloopTasks(false, true) },
};

function wasmloopTasks(warm = false, fresh = false) {
  return {
    ops: N,
    setup: () => {
      // a core given as a factory is the loop's own: it takes up no closed loop's memory
      const loop = new EventLoop(fresh ? { clock: "virtual", core: () => createWasmCore() } : { clock: "virtual" });
      if (warm) {
        let t;
        for (let i = 0; i < N; i++) t = loop.createTask(tiny());
        loop.runUntilCompleteSync(t);
      }
      return { loop, last: null };
    },
    run: (s) => {
      let t;
      for (let i = 0; i < N; i++) t = s.loop.createTask(tiny());
      s.last = s.loop.runUntilCompleteSync(t);
    },
    check: (s) => (expectEqual("last result", s.last, 1), s.loop.close()),
  };
}

runRows(fileURLToPath(import.meta.url), rows, "task");
