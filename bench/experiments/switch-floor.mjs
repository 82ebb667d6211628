// The floor under W5.switch (two tasks taking turns with a bare yield, 1M switches), built
// up in plain JS: (a) a trampoline resuming two generators in turn; (b) the same through a
// FIFO of ready callbacks run one snapshot per iteration, as asyncio's loop runs them;
// (c) (b) plus one call into a WebAssembly function per scheduled callback and per
// iteration, which is what keeping the ready queue in the wasm core costs; then (d) wasmloop.
//
//   node --expose-gc bench/experiments/switch-floor.mjs
import { measure } from "../lib/harness.mjs";
import { EventLoop } from "../../dist/index.js";

const N = 1_000_000;
function* worker(n) {
  for (let i = 0; i < n; i++) yield;
}

// (module (func (export "f") (result i32) i32.const 0))
const wasm = new WebAssembly.Instance(
  new WebAssembly.Module(
    new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 6, 1, 4, 0, 65, 0, 11]),
  ),
).exports.f;

function queueRun(cross) {
  // two pairs of arrays, swapped each iteration: no allocation per iteration
  let fns = [];
  let args = [];
  let runFns = [];
  let runArgs = [];
  const step = (g) => {
    if (!g.next().done) {
      if (cross) wasm();
      fns.push(step);
      args.push(g);
    }
  };
  fns.push(step, step);
  args.push(worker(N / 2), worker(N / 2));
  while (fns.length > 0) {
    if (cross) wasm();
    [runFns, fns] = [fns, runFns];
    [runArgs, args] = [args, runArgs];
    for (let i = 0; i < runFns.length; i++) runFns[i](runArgs[i]);
    runFns.length = 0;
    runArgs.length = 0;
  }
}

const rows = {
  "(a) trampoline, two generators in turn": () => {
    const gs = [worker(N / 2), worker(N / 2)];
    let live = 2;
    while (live > 0) for (const g of gs) if (g.next().done) live--;
  },
  "(b) + a ready FIFO, one snapshot per iteration": () => queueRun(false),
  "(c) + one wasm call per schedule and per iteration": () => queueRun(true),
  "(d) wasmloop: two Tasks, bare yield": () => {
    const loop = new EventLoop({ clock: "virtual" });
    loop.createTask(worker(N / 2));
    loop.runUntilCompleteSync(loop.createTask(worker(N / 2)));
    loop.close();
  },
};
for (const [label, run] of Object.entries(rows)) {
  const r = measure({ ops: N, reps: 7, run });
  console.log(`${label}: ${r.value.toFixed(1)} ns per switch (min ${r.min.toFixed(1)})`);
}
