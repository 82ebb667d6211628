// `npm run bench:io`: network I/O, wasmloop against Node's own `net`, CPython 3.12's asyncio
// streams and uvloop's streams, in one run, reported as ratios. Apart from `npm run bench`
// (the scheduler workloads), which it does not slow down.
//
//   node bench/io/run.mjs             # everything → bench/results/IO.md (+ io.json, gitignored)
//   node bench/io/run.mjs --quick     # smaller sizes, fewer rounds (a smoke run, not for numbers)
//
// Workloads (bench/io/worker.mjs, bench/python/io_bench.py; one process per implementation
// and workload, server and client in that process, 127.0.0.1, port 0):
//   echo   one client pushes BYTES through an echo server in 64 KiB writes with
//          back-pressure and reads them back: MB/s (10⁶ bytes) echoed
//   conns  CONNS connections, CONCURRENCY at a time: connect, send 64 bytes, read them back,
//          the server closes, the client closes: connections per second
// Implementations run in ROUNDS rounds, one after the other within a round (the machine's
// load drifts; interleaving spreads the drift over all of them); each process does a warm-up
// then REPS timed runs. The figure is the median over every timed run of every round.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findAsyncioPython, findUvloopPython } from "../lib/python.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const results = join(here, "..", "results");
const quick = process.argv.includes("--quick");
const PARAMS = quick
  ? { bytes: 32 * 1024 * 1024, chunk: 65536, msg: 64, conns: 1000, concurrency: 32, reps: 1 }
  : { bytes: 256 * 1024 * 1024, chunk: 65536, msg: 64, conns: 4000, concurrency: 32, reps: 3 };
const ROUNDS = quick ? 1 : 3;

const asyncioPy = findAsyncioPython();
const uvloopPy = findUvloopPython();
const pyScript = join(here, "..", "python", "io_bench.py");
const worker = join(here, "worker.mjs");

/** [key, label, command, args-before-workload] */
const IMPLS = [
  ["wasmloop-streams", "wasmloop streams", process.execPath, [worker, "wasmloop-streams"]],
  ["wasmloop-protocol", "wasmloop protocols", process.execPath, [worker, "wasmloop-protocol"]],
  ["node-net", "Node net (raw)", process.execPath, [worker, "node-net"]],
];
if (asyncioPy) IMPLS.push(["asyncio", `asyncio streams (CPython ${asyncioPy.version})`, asyncioPy.python, [pyScript, "asyncio"]]);
if (uvloopPy) IMPLS.push(["uvloop", `uvloop ${uvloopPy.uvloop} streams (CPython ${uvloopPy.version})`, uvloopPy.python, [pyScript, "uvloop"]]);
const WORKLOADS = [
  ["echo", "echo throughput, MB/s"],
  ["conns", "connections per second"],
];

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").pop()));
    });
  });
}

const started = Date.now();
const loadBefore = loadavg()[0];
const runs = {}; // runs[workload][impl] = [values]
for (let round = 0; round < ROUNDS; round++) {
  for (const [w] of WORKLOADS) {
    for (const [key, , cmd, args] of IMPLS) {
      process.stderr.write(`round ${round + 1}/${ROUNDS} ${w} ${key} …\n`);
      const r = await run(cmd, [...args, w, JSON.stringify(PARAMS)]);
      ((runs[w] ??= {})[key] ??= []).push(...r.runs);
    }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (v) => (v >= 100 ? Math.round(v).toLocaleString("en-US") : v.toFixed(1));
const ratio = (a, b) => (a === undefined || b === undefined ? "—" : `${(a / b).toFixed(2)}×`);

const med = {};
for (const [w] of WORKLOADS) for (const [key] of IMPLS) (med[w] ??= {})[key] = runs[w]?.[key] && median(runs[w][key]);

const meta = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: `${cpus()[0]?.model ?? "unknown"} × ${cpus().length}`,
  seconds: Math.round((Date.now() - started) / 1000),
  load: `${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
  params: PARAMS,
  rounds: ROUNDS,
};

const lines = [];
lines.push("# wasmloop I/O benchmarks — latest run", "");
lines.push(`${meta.date} · ${meta.cpu} · Node ${meta.node} · ${meta.seconds} s · load average ${meta.load}${quick ? " · --quick (not for numbers)" : ""}`, "");
lines.push(
  `\`npm run bench:io\`: server and client in one process per implementation, on 127.0.0.1. echo: ${PARAMS.bytes / 1048576} MiB in ` +
    `${PARAMS.chunk / 1024} KiB writes with back-pressure, echoed back. conns: ${PARAMS.conns.toLocaleString("en-US")} connections, ` +
    `${PARAMS.concurrency} at a time, each sending ${PARAMS.msg} bytes and reading them back. Median of ${ROUNDS} rounds × ${PARAMS.reps} timed runs ` +
    "(after a warm-up run per process). Higher is better.",
  "",
);
lines.push(`| workload | ${IMPLS.map(([, label]) => label).join(" | ")} | streams / raw net | streams / asyncio | streams / uvloop | protocols / raw net |`);
lines.push(`|---|${IMPLS.map(() => "---:").join("|")}|---:|---:|---:|---:|`);
for (const [w, label] of WORKLOADS) {
  const m = med[w];
  lines.push(
    `| ${label} | ${IMPLS.map(([key]) => (m[key] === undefined ? "—" : fmt(m[key]))).join(" | ")} | ` +
      `${ratio(m["wasmloop-streams"], m["node-net"])} | ${ratio(m["wasmloop-streams"], m.asyncio)} | ` +
      `${ratio(m["wasmloop-streams"], m.uvloop)} | ${ratio(m["wasmloop-protocol"], m["node-net"])} |`,
  );
}
lines.push("", "Every timed run (the median is over these):", "");
for (const [w] of WORKLOADS) {
  for (const [key, label] of IMPLS) {
    const xs = runs[w]?.[key];
    if (xs) lines.push(`- ${w}, ${label}: ${xs.map(fmt).join(", ")}`);
  }
}
const md = lines.join("\n") + "\n";
if (!quick) {
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, "IO.md"), md);
  writeFileSync(join(results, "io.json"), JSON.stringify({ meta, runs, median: med }, null, 2) + "\n");
}
process.stdout.write(md);
