// What the 100k-at-once task rows (W5.tasks, W5.wait) measure besides wasmloop: V8's young
// generation. Those workloads make 100k tasks before any runs, 30-40 MB of live objects
// (a Task, its generator, for W5.wait a Future), far more than the young generation holds
// (V8's semi-space grows to 16 MB by default on 64-bit hosts), so every scavenge copies
// the live tasks made so far, and each survives one or two copies before promotion. The
// rows made 1,000 at a time (W5.tasks1k, W5.wait1k) keep the live set small.
//
// This runs bench/worker.mjs for those four rows with V8's default heap and with a larger
// young generation (--max-semi-space-size=64: a host's choice, e.g. NODE_OPTIONS; a library
// cannot set it), interleaved, three rounds, and prints each row's medians and ratio. The
// package code is the same in both columns; what changes is how much of the run is the
// collector copying live tasks.
//
//   node bench/experiments/young-gen.mjs
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const worker = join(dirname(fileURLToPath(import.meta.url)), "..", "worker.mjs");
const ROWS = ["W5.tasks", "W5.wait", "W5.tasks1k", "W5.wait1k"];
const CONFIGS = { "default heap": [], "--max-semi-space-size=64": ["--max-semi-space-size=64"] };
const ROUNDS = 3;

const runs = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [label, flags] of Object.entries(CONFIGS)) {
    const out = execFileSync(process.execPath, ["--expose-gc", ...flags, worker, "wasmloop", "wasm", "--exact", ...ROWS], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const { results } = JSON.parse(out.trim().split("\n").pop());
    for (const row of ROWS) ((runs[row] ??= {})[label] ??= []).push(results[row].value);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const [a, b] = Object.keys(CONFIGS);
console.log(`| row | ${a} (ns/task) | ${b} (ns/task) | ratio |`);
console.log("|---|---:|---:|---:|");
for (const row of ROWS) {
  const x = median(runs[row][a]);
  const y = median(runs[row][b]);
  const all = (k) => runs[row][k].map((v) => v.toFixed(0)).join(", ");
  console.log(`| ${row} | ${x.toFixed(0)} (${all(a)}) | ${y.toFixed(0)} (${all(b)}) | ${(x / y).toFixed(2)}× |`);
}
