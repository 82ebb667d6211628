// The results as a Markdown table (workloads × implementations, ns per operation) with the
// ratio columns, and the targets of issue 6 checked against the numbers.

/** The implementations, in column order; `key` is "impl:variant" as bench/worker.mjs reports it. */
export const COLUMNS = [
  { key: "wasmloop:wasm", label: "wasmloop", about: "the package (dist/), wasm core, virtual clock, Handle API: callSoon / callLater / handle.cancel()" },
  { key: "wasmloop:wasm-ids", label: "wasmloop ids", about: "the same loop through the allocation-free id API: callSoonId / callLaterId / cancelId" },
  { key: "wasmloop:reference", label: "wasmloop TS core", about: "the same glue on the TypeScript reference core (`core: () => new ReferenceCore()`), Handle API" },
  { key: "typed-heap:", label: "typed-array heap", about: "bench/lib/typed-scheduler.mjs: the same scheduler in plain JS with typed arrays, no checks, no Handles, no Tasks — the practical limit in JS" },
  { key: "node:macrotask", label: "Node macrotask", about: "W1: setImmediate; W2 all due: setTimeout (1..64 ms, all due before the event loop runs); W3: setTimeout + clearTimeout; W4: pending Timeouts" },
  { key: "node:microtask", label: "Node microtask", about: "W1: queueMicrotask; W5: async/await (`await undefined` per switch, an async call per task, Promise.all)" },
  { key: "fake-timers:", label: "fake-timers", about: "@sinonjs/fake-timers clock (withGlobal(globalThis).createClock): setImmediate/setTimeout/clearTimeout, runAll(), next()" },
  { key: "asyncio:", label: "asyncio", about: "CPython asyncio on a virtual-time selector loop (bench/python/vloop.py)" },
  { key: "uvloop:", label: "uvloop", about: "uvloop, real clock: only workloads that never wait" },
];

/** The rows: [id, label]. */
export const ROWS = [
  ["W1.once", "W1 callSoon ×1M, then one iteration (ns/callback)"],
  ["W1.again", "W1 the same, on a loop that already grew to 1M (ns/callback)"],
  ["W1.steady", "W1 callSoon, batches of 1,000 (ns/callback)"],
  ["W2.once", "W2 callLater ×1M, distinct delays, run to the end (ns/timer)"],
  ["W2.due", "W2 callLater ×1M, 1–64 ms, all due, real clock (ns/timer)"],
  ["W2.steady.100", "W2 steady state, 10² pending (ns/timer)"],
  ["W2.steady.1000", "W2 steady state, 10³ pending (ns/timer)"],
  ["W2.steady.10000", "**W2 steady state, 10⁴ pending** (ns/timer)"],
  ["W2.steady.100000", "W2 steady state, 10⁵ pending (ns/timer)"],
  ["W2.steady.1000000", "W2 steady state, 10⁶ pending (ns/timer)"],
  ["W3.cancel", "W3 callLater + cancel ×1M (ns/pair)"],
  ["W3.half", "W3 ×1M, every other cancelled, rest run (ns/timer)"],
  ["W4.bytes", "W4 bytes per pending timer at 100k (B)"],
  ["W5.switch", "W5 task switch, bare yield, 1M (ns/switch)"],
  ["W5.tasks", "W5 create + finish 100k tiny tasks (ns/task)"],
  ["W5.gather", "W5 gather of 10k tiny tasks (ns/task)"],
];

const H = "wasmloop:wasm";
const I = "wasmloop:wasm-ids";

export function value(results, key, id) {
  return results.impls[key]?.results?.[id]?.value;
}

export function fmt(v) {
  if (v === undefined || v === null || Number.isNaN(v)) return "—";
  if (v < 10) return v.toFixed(1);
  return Math.round(v).toLocaleString("en-US");
}

function fmtRatio(r, digits = 0) {
  if (r === undefined || !Number.isFinite(r)) return undefined;
  return r < 10 ? `${r.toFixed(2)}×` : `${r.toFixed(digits)}×`;
}

/** Targets show one more digit, so 19.9× does not read as a met 20×. */
const fmtTarget = (r) => fmtRatio(r, 1);

/** A ratio for the Handle API and, in parentheses, for the id API; "W" stands for wasmloop. */
function ratioCell(results, id, num, den) {
  const r = (w) => {
    const n = value(results, num === "W" ? w : num, id);
    const d = value(results, den === "W" ? w : den, id);
    return n === undefined || d === undefined ? undefined : fmtRatio(n / d);
  };
  const h = r(H);
  const i = r(I);
  if (h === undefined && i === undefined) return "—";
  if (i === undefined) return h;
  if (h === undefined) return `(ids ${i})`;
  return `${h} (ids ${i})`;
}

export function table(results) {
  const cols = COLUMNS.filter((c) => results.impls[c.key] !== undefined);
  const head = ["workload", ...cols.map((c) => c.label), "asyncio / wasmloop", "uvloop / wasmloop", "wasmloop / typed heap"];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`];
  for (const [id, label] of ROWS) {
    const cells = cols.map((c) => fmt(value(results, c.key, id)));
    if (cells.every((c) => c === "—")) continue;
    lines.push(
      `| ${label} | ${cells.join(" | ")} | ${ratioCell(results, id, "asyncio:", "W")} | ${ratioCell(results, id, "uvloop:", "W")} | ${ratioCell(results, id, "W", "typed-heap:")} |`,
    );
  }
  return lines.join("\n");
}

/** The targets of issue 6. `api`: which wasmloop column(s) a target is checked on. */
const TARGETS = [
  { id: "W1.once", what: "W1 ≤ 100 ns per callback, all at once", test: (r, k) => value(r, k, "W1.once") <= 100, show: (r, k) => `${fmt(value(r, k, "W1.once"))} ns` },
  { id: "W1.once", what: "W1 ≥ 20× faster than asyncio, all at once", test: (r, k) => ratio(r, "asyncio:", k, "W1.once") >= 20, show: (r, k) => fmtTarget(ratio(r, "asyncio:", k, "W1.once")) },
  { id: "W1.steady", what: "W1 steady ≤ 50 ns per callback", test: (r, k) => value(r, k, "W1.steady") <= 50, show: (r, k) => `${fmt(value(r, k, "W1.steady"))} ns` },
  { id: "W2.once", what: "W2 ≥ 15× faster than asyncio (1M, run to the end)", test: (r, k) => ratio(r, "asyncio:", k, "W2.once") >= 15, show: (r, k) => fmtTarget(ratio(r, "asyncio:", k, "W2.once")) },
  { id: "W2.steady.10000", what: "W2 ≥ 15× faster than asyncio (steady, 10⁴ pending)", test: (r, k) => ratio(r, "asyncio:", k, "W2.steady.10000") >= 15, show: (r, k) => fmtTarget(ratio(r, "asyncio:", k, "W2.steady.10000")) },
  { id: "W2.due", what: "W2 ≥ 12× faster than uvloop (all due)", test: (r, k) => ratio(r, "uvloop:", k, "W2.due") >= 12, show: (r, k) => fmtTarget(ratio(r, "uvloop:", k, "W2.due")) },
  { id: "W2.once", what: "W2 no slower than the typed-array heap (1M, run to the end)", test: (r, k) => ratio(r, k, "typed-heap:", "W2.once") <= 1, show: (r, k) => fmtTarget(ratio(r, k, "typed-heap:", "W2.once")) },
  { id: "W2.steady.10000", what: "W2 no slower than the typed-array heap (steady, 10⁴)", test: (r, k) => ratio(r, k, "typed-heap:", "W2.steady.10000") <= 1, show: (r, k) => fmtTarget(ratio(r, k, "typed-heap:", "W2.steady.10000")) },
  { id: "W3.cancel", what: "W3 ≤ 120 ns per schedule + cancel", test: (r, k) => value(r, k, "W3.cancel") <= 120, show: (r, k) => `${fmt(value(r, k, "W3.cancel"))} ns` },
  { id: "W4.bytes", what: "W4 ≤ 32 bytes per pending timer, callback slot included", test: (r, k) => value(r, k, "W4.bytes") <= 32, show: (r, k) => `${fmt(value(r, k, "W4.bytes"))} B` },
  { id: "W5.switch", what: "W5 ≤ 100 ns per task switch", test: (r, k) => value(r, k, "W5.switch") <= 100, show: (r, k) => `${fmt(value(r, k, "W5.switch"))} ns` },
  { id: "W5.switch", what: "W5 ≥ 30× faster than asyncio per switch", test: (r, k) => ratio(r, "asyncio:", k, "W5.switch") >= 30, show: (r, k) => fmtTarget(ratio(r, "asyncio:", k, "W5.switch")) },
];

function ratio(r, numKey, denKey, id) {
  const n = value(r, numKey, id);
  const d = value(r, denKey, id);
  return n === undefined || d === undefined ? undefined : n / d;
}

export function targets(results) {
  const lines = ["| target | wasmloop (Handle API) | wasmloop ids |", "|---|---|---|"];
  for (const t of TARGETS) {
    const cell = (key) => {
      const shown = t.show(results, key);
      if (shown === undefined || shown.startsWith("—") || shown.startsWith("undefined")) return "—";
      return `${t.test(results, key) ? "met" : "**not met**"}: ${shown}`;
    };
    lines.push(`| ${t.what} | ${cell(H)} | ${cell(I)} |`);
  }
  return lines.join("\n");
}
