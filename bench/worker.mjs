// Runs one implementation's workloads in a process of its own, so that no implementation's
// code shares JIT feedback (inline caches, inlining decisions, field representations) with
// another's. bench/run.mjs goes further and starts one process per workload: V8's state
// after one workload can slow the next (W5.switch leaves task creation 3× slower after it).
//
//   node --expose-gc bench/worker.mjs <impl> [variant] [--list] [--exact] [id-or-prefix...]
//
// Prints one JSON object: { impl, variant, results: { id: result }, notes: { id: text } },
// or with --list the workload ids. Without ids every workload runs; ids are prefixes unless
// --exact. Progress goes to stderr.
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith("--")));
const [implName, variant = "", ...only] = args.filter((a) => !a.startsWith("--"));
const mod = await import(`./impl/${implName}.mjs`);
const workloads = mod.workloads(variant || undefined);
if (flags.has("--list")) {
  process.stdout.write(JSON.stringify(Object.keys(workloads)) + "\n");
  process.exit(0);
}
const wanted = (id) =>
  only.length === 0 || only.some((p) => (flags.has("--exact") ? id === p : id.startsWith(p)));
const results = {};
for (const [id, run] of Object.entries(workloads)) {
  if (!wanted(id)) continue;
  const t0 = Date.now();
  results[id] = await run();
  const r = results[id];
  const tag = `${implName}${variant ? ":" + variant : ""}`;
  process.stderr.write(`  ${tag} ${id}: ${r.value.toFixed(1)} ${r.unit}/op (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
}
process.stdout.write(JSON.stringify({ impl: implName, variant, results, notes: mod.notes ?? {} }) + "\n");
