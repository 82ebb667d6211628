// The floor under W5.switch (two tasks taking turns with a bare yield, 1M switches), built up
// in plain JS one requirement per row, each written as cheaply as I could:
//   (a)  two generators resumed in turn: the coroutine resume alone;
//   (b)  + asyncio's ordering: each step goes through a ready FIFO (a preallocated ring with
//        head/tail indexes) run one snapshot per iteration, so an entry added during an
//        iteration waits for the next one;
//   (c0) + one call of a wasm function that does nothing, per schedule and per iteration:
//        the boundary alone;
//   (c)  the ready queue in wasm linear memory instead (slot table + ring of slots, callbacks
//        in JS by slot: floor-lib.mjs WasmRing): one real wasm call per schedule and per
//        iteration, as wasmloop's core takes them;
//   (c1) a variant of (c), not a step of the build-up: the same queue in the same memory,
//        but the glue appends to the ring itself through typed-array views (floor-lib.mjs
//        WasmMemRing), so only iterate() crosses into wasm;
//   (d)  + what a Task step needs: a Task object (12 fields), the "current task" set and
//        cleared around the resume, the resume inside try/catch (an exception finishes the
//        task), the state and must-cancel checks, the yielded value checked (done: set the
//        result; undefined: reschedule; a Future: wait for it);
//   (e)  + the step run in the task's context: the variable map swapped in and out around
//        the step (try/finally), as asyncio runs each step in the task's Context;
//   (e1) (e) on the (c1) queue;
//   (f)  wasmloop: `new EventLoop({ clock: "virtual" })`, two createTask(worker(N/2)),
//        runUntilCompleteSync — the W5.switch workload itself.
// Each row runs in a process of its own (see floor-lib.mjs); median and min of 7 runs.
//
//   node --expose-gc bench/experiments/switch-floor.mjs [row,row...]
import { fileURLToPath } from "node:url";
import { EventLoop } from "../../dist/index.js";
import { expectEqual } from "../lib/harness.mjs";
import { Task, floorLoop, makeQueue, runRows, setContextMode } from "./floor-lib.mjs";

const N = 1_000_000;
function* worker(n) {
  for (let i = 0; i < n; i++) yield;
}

/** (b)/(c0)/(c): a step callback resumes its generator and reschedules it until done. */
function viaQueue(kind) {
  return {
    ops: N,
    setup: () => makeQueue(kind, 1024),
    run: (q) => {
      const step = (g) => {
        if (!g.next().done) q.soon(step, g);
      };
      q.soon(step, worker(N / 2));
      q.soon(step, worker(N / 2));
      q.run();
    },
  };
}

/** (d)/(e): two floor Tasks on the wasm queue. */
function viaTasks(context, kind = "wasm") {
  return {
    ops: N,
    setup: () => (setContextMode(context), { loop: floorLoop(makeQueue(kind, 1024)), last: null }),
    run: (s) => {
      new Task(s.loop, worker(N / 2));
      s.last = new Task(s.loop, worker(N / 2));
      s.loop.queue.run();
    },
    check: (s) => expectEqual("last task state", s.last._state, 1),
  };
}

const rows = {
  a: {
    label: "(a)  two generators resumed in turn",
    measure: {
      ops: N,
      run: () => {
        const g1 = worker(N / 2);
        const g2 = worker(N / 2);
        let done1 = false;
        let done2 = false;
        while (!(done1 && done2)) {
          if (!done1) done1 = g1.next().done;
          if (!done2) done2 = g2.next().done;
        }
      },
    },
  },
  b: { label: "(b)  + ring FIFO in JS, one snapshot per iteration", measure: viaQueue("js") },
  c0: { label: "(c0) + an empty wasm call per schedule and per iteration", measure: viaQueue("js+wasm0") },
  c: { label: "(c)  ready queue in wasm (slot table + ring), 1 call per schedule and per iteration", measure: viaQueue("wasm") },
  c1: { label: "(c1) ready queue in wasm memory, appended from JS: 1 call per iteration only", measure: viaQueue("wasm-mem") },
  d: { label: "(d)  + Task step semantics", measure: viaTasks(false) },
  e: { label: "(e)  + step run in the task's context", measure: viaTasks(true) },
  e1: { label: "(e1) (e) on the (c1) queue", measure: viaTasks(true, "wasm-mem") },
  f: {
    label: "(f)  wasmloop: two Tasks, bare yield",
    measure: {
      ops: N,
      setup: () => ({ loop: new EventLoop({ clock: "virtual" }) }),
      run: ({ loop }) => {
        loop.createTask(worker(N / 2));
        loop.runUntilCompleteSync(loop.createTask(worker(N / 2)));
      },
      check: ({ loop }) => loop.close(),
    },
  },
};

runRows(fileURLToPath(import.meta.url), rows, "switch");
