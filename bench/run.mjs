// `npm run bench`: every workload on every implementation, merged into one table. Each JS
// workload runs in a process of its own (bench/worker.mjs; V8's state after one workload
// can change the next one's numbers); each Python implementation runs in one process
// (bench/python/bench.py).
//
//   node --expose-gc bench/run.mjs                   # everything → bench/results/
//   node --expose-gc bench/run.mjs W2.steady W5      # only workloads with these prefixes
//                                                    # (printed, and saved as results/partial.json)
//   node --expose-gc bench/run.mjs --serial          # one process at a time (slower, quieter)
//   node bench/run.mjs --report                      # rewrite LATEST.md and w2.svg from latest.json
//
// By default two lanes run side by side, one process at a time each: the JS workloads one
// after another, and the Python implementations one after another. Serially the whole run
// takes about six minutes on a 2-core machine; in two lanes it fits in the five that issue 6
// allows. Each lane's processes are single-threaded, so each has a core of its own; they still
// share the caches and memory bandwidth, which costs the memory-bound rows (10⁵-10⁶ timers)
// a few percent. --serial removes that.
//
// Writes bench/results/LATEST.md (table, targets, notes), latest.json (every number,
// gitignored) and w2.svg (W2 cost per timer against pending timers).
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { COLUMNS, table, targets } from "./lib/report.mjs";
import { w2Chart } from "./lib/chart.mjs";
import { findAsyncioPython, findUvloopPython } from "./lib/python.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(here, "results");
const serial = process.argv.includes("--serial");
if (process.argv.includes("--report")) {
  const saved = JSON.parse(readFileSync(join(resultsDir, "latest.json"), "utf8"));
  writeReport(saved);
  process.stdout.write(markdown(saved));
  process.exit(0);
}
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const started = Date.now();
const loadBefore = loadavg()[0];

const JS_JOBS = [
  ["wasmloop", "wasm"],
  ["wasmloop", "wasm-ids"],
  ["wasmloop", "reference"],
  ["typed-heap", ""],
  ["typed-heap", "handles"],
  ["node", "macrotask"],
  ["node", "microtask"],
  ["fake-timers", ""],
];

/** Runs one worker; resolves to its JSON, or to { error } if it failed. Progress goes to stderr. */
function runJob(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", (error) => resolve({ error: String(error) }));
    child.on("close", (code) => {
      if (code !== 0) return resolve({ error: `${cmd} ${args.join(" ")} exited with ${code}` });
      try {
        resolve(JSON.parse(out.trim().split("\n").pop()));
      } catch (e) {
        resolve({ error: `unreadable output from ${cmd} ${args.join(" ")}: ${e}` });
      }
    });
  });
}

const results = { meta: {}, impls: {}, skipped: {} };

/** A job runs one process and files its result (or why it was skipped) under `key`. */
const job = (key, cmd, args, extra = {}) => async () => {
  process.stderr.write(`${key} …\n`);
  const r = await runJob(cmd, args);
  if (r.error) results.skipped[key] = r.error;
  else results.impls[key] = { ...r, ...extra };
};

const worker = join(here, "worker.mjs");
const wanted = (id) => only.length === 0 || only.some((p) => id.startsWith(p));

/** One JS implementation: list its workloads, then run each in a fresh process. */
const jsJob = (impl, variant) => async () => {
  const key = `${impl}:${variant}`;
  process.stderr.write(`${key} …\n`);
  const list = await runJob(process.execPath, [worker, impl, variant, "--list"]);
  if (list.error) {
    results.skipped[key] = list.error;
    return;
  }
  for (const id of list.filter(wanted)) {
    const r = await runJob(process.execPath, ["--expose-gc", worker, impl, variant, "--exact", id]);
    if (r.error) {
      results.skipped[`${key} ${id}`] = r.error;
      continue;
    }
    results.impls[key] ??= { impl: r.impl, variant: r.variant, results: {}, notes: r.notes };
    Object.assign(results.impls[key].results, r.results);
  }
};

const jsLane = JS_JOBS.map(([impl, variant]) => jsJob(impl, variant));

const script = join(here, "python", "bench.py");
const pyLane = [];
const asyncioPy = findAsyncioPython();
if (asyncioPy === null) results.skipped["asyncio:"] = "no python3 found";
else pyLane.push(job("asyncio:", asyncioPy.python, [script, "asyncio", ...only], { interpreter: asyncioPy.python }));
const uvloopPy = findUvloopPython();
if (uvloopPy === null) {
  results.skipped["uvloop:"] =
    "uvloop is not installed for any python3 here (Debian: apt-get install python3-uvloop; elsewhere: pip install uvloop)";
} else {
  pyLane.push(
    job("uvloop:", uvloopPy.python, [script, "uvloop", ...only], { interpreter: uvloopPy.python, uvloop: uvloopPy.uvloop }),
  );
}
for (const [key, why] of Object.entries(results.skipped)) process.stderr.write(`${key} skipped: ${why}\n`);

const lanes = serial ? [[...jsLane, ...pyLane]] : [jsLane, pyLane];
await Promise.all(
  lanes.map(async (lane) => {
    for (const run of lane) await run();
  }),
);

results.meta = {
  date: new Date().toISOString(),
  node: process.version,
  v8: process.versions.v8,
  cpu: `${cpus()[0]?.model ?? "unknown"} × ${cpus().length}`,
  asyncio: asyncioPy && `CPython ${asyncioPy.version}`,
  uvloop: uvloopPy && `uvloop ${uvloopPy.uvloop} on CPython ${uvloopPy.version}`,
  seconds: Math.round((Date.now() - started) / 1000),
  // other processes on the machine inflate every number: the 1-minute load average before and after
  load: `${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
  lanes: serial ? "serial" : "two lanes (JS | Python) side by side",
  only: only.length > 0 ? only : undefined,
};

mkdirSync(resultsDir, { recursive: true });
if (only.length > 0) {
  writeFileSync(join(resultsDir, "partial.json"), JSON.stringify(results, null, 2) + "\n");
} else {
  writeFileSync(join(resultsDir, "latest.json"), JSON.stringify(results, null, 2) + "\n");
  writeReport(results);
}
process.stdout.write(markdown(results));

function writeReport(r) {
  writeFileSync(join(resultsDir, "LATEST.md"), markdown(r));
  writeFileSync(join(resultsDir, "w2.svg"), w2Chart(r, `${r.meta.cpu}; Node ${r.meta.node}; ${r.meta.asyncio ?? ""}`));
}

function markdown(r) {
  const m = r.meta;
  const out = [];
  out.push("# wasmloop benchmarks — latest run", "");
  out.push(`${m.date} · ${m.cpu} · Node ${m.node} (V8 ${m.v8}) · ${m.asyncio ?? "no asyncio"} · ${m.uvloop ?? "no uvloop"} · ${m.seconds} s, ${m.lanes} · load average ${m.load} (the run itself adds about 2)`, "");
  out.push(
    "`npm run bench` builds the package, then runs every implementation in a process of its own: a warm-up run, then",
    "several timed runs on fresh state (a full GC before each), the median. Lower is better; ratios above 1× mean",
    "wasmloop is faster (last column: below 1× means faster than the typed-array heap). Ratio cells give the Handle API",
    "first and the id API in parentheses. The virtual-clock rows never wait; the real-clock \"all due\" rows schedule",
    "timers of 1–64 ms, and any time spent waiting for them to fall due is left out.",
    "",
  );
  out.push(table(r), "");
  out.push("![W2 cost per timer against pending timers](w2.svg)", "");
  out.push("## Targets (issue 12)", "", targets(r), "");
  out.push("## What each column measures", "");
  for (const c of COLUMNS) {
    const impl = r.impls[c.key];
    if (impl === undefined) continue;
    const where = impl.interpreter ? ` (${impl.interpreter})` : "";
    out.push(`- **${c.label}**${where}: ${c.about}.`);
    for (const [id, note] of Object.entries(impl.notes ?? {})) out.push(`  - ${id}: ${note}`);
    const w4 = impl.results?.["W4.bytes"];
    if (w4?.wasm !== undefined) {
      out.push(`  - W4.bytes: ${w4.wasm.toFixed(1)} B of wasm linear-memory growth + ${w4.js.toFixed(1)} B of JS heap per timer`);
    }
  }
  const skipped = Object.entries(r.skipped);
  if (skipped.length > 0) {
    out.push("", "## Skipped", "");
    for (const [key, why] of skipped) out.push(`- ${COLUMNS.find((c) => c.key === key)?.label ?? key}: ${why}`);
  }
  return out.join("\n") + "\n";
}
