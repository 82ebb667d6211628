// The results as a Markdown table (workloads × implementations, ns per operation) with the
// ratio columns, and the targets of issue 12 (the public API: Tasks and Handles) checked
// against the numbers.

/** The implementations, in column order; `key` is "impl:variant" as bench/worker.mjs reports it. */
export const COLUMNS = [
  { key: "wasmloop:wasm", label: "wasmloop", about: "the package (dist/), wasm core, virtual clock, Handle API: callSoon / callLater / handle.cancel()" },
  { key: "wasmloop:wasm-ids", label: "wasmloop ids", about: "the same loop through the allocation-free id API: callSoonId / callLaterId / cancelId" },
  { key: "wasmloop:reference", label: "wasmloop TS core", about: "the same glue on the TypeScript reference core (`core: () => new ReferenceCore()`), Handle API" },
  { key: "typed-heap:", label: "typed-array heap", about: "bench/lib/typed-scheduler.mjs: the same scheduler in plain JS with typed arrays, no checks, no Handles, no Tasks — the practical limit in JS" },
  { key: "typed-heap:handles", label: "typed heap + handles", about: "the typed-array heap behind the smallest handle objects asyncio's API asks for (callback, scheduler, id; when() for timers): what returning an object per call costs in plain JS, the floor for the Handle API" },
  { key: "node:macrotask", label: "Node macrotask", about: "W1: setImmediate; W2 all due: setTimeout (1..64 ms, all due before the event loop runs); W3: setTimeout + clearTimeout; W4: pending Timeouts" },
  { key: "node:microtask", label: "Node microtask", about: "W1: queueMicrotask; W5: async/await (`await undefined` per switch, an async call per task, Promise.all)" },
  { key: "fake-timers:", label: "fake-timers", about: "@sinonjs/fake-timers clock (withGlobal(globalThis).createClock): setImmediate/setTimeout/clearTimeout, runAll(), next()" },
  { key: "asyncio:", label: "asyncio", about: "CPython asyncio on a virtual-time selector loop (bench/python/vloop.py)" },
  { key: "uvloop:", label: "uvloop", about: "uvloop, real clock: only workloads that never wait" },
];

/** The rows: [id, label]; the public API's task rows first, then the Handle/id rows. */
export const ROWS = [
  ["W5.tasks", "W5 create + finish 100k tiny tasks (ns/task)"],
  ["W5.wait", "W5 create + wait once on a Future + finish, 100k tasks (ns/task)"],
  ["W5.tasks1k", "W5 create + finish, the same 100k made and finished 1,000 at a time (ns/task)"],
  ["W5.wait1k", "W5 create + wait once + finish, 1,000 at a time (ns/task)"],
  ["W5.switch", "W5 task switch, bare yield, 1M (ns/switch)"],
  ["W5.server", "W5 server mix: 100k tasks × 100 sleeps of 1–100 ms (ns/sleep)"],
  ["W5.gather", "W5 gather of 10k tiny tasks (ns/task)"],
  ["W6.bytes", "W6 bytes per pending sleeping task at 100k (B)"],
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

/** The Handle API against the typed heap behind handle objects (no id-API counterpart). */
function handleFloor(results, id) {
  const n = value(results, H, id);
  const d = value(results, "typed-heap:handles", id);
  return n === undefined || d === undefined ? "—" : fmtRatio(n / d);
}

export function table(results) {
  const cols = COLUMNS.filter((c) => results.impls[c.key] !== undefined);
  const head = [
    "workload", ...cols.map((c) => c.label), "asyncio / wasmloop", "uvloop / wasmloop", "wasmloop / typed heap", "wasmloop / typed heap + handles",
  ];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`];
  for (const [id, label] of ROWS) {
    const cells = cols.map((c) => fmt(value(results, c.key, id)));
    if (cells.every((c) => c === "—")) continue;
    lines.push(
      `| ${label} | ${cells.join(" | ")} | ${ratioCell(results, id, "asyncio:", "W")} | ${ratioCell(results, id, "uvloop:", "W")} | ${ratioCell(results, id, "W", "typed-heap:")} | ${handleFloor(results, id)} |`,
    );
  }
  return lines.join("\n");
}

/**
 * The targets of issue 12. Each is checked on the Handle/Task API (`handle`) and, where the
 * issue sets one, on the id API (`ids`): a function (results, column key) → [pass, shown].
 */
const faster = (id, times) => (r, k) => {
  const x = ratio(r, "asyncio:", k, id);
  return x === undefined ? undefined : [x >= times, fmtTarget(x)];
};
const withinHeap = (id, times) => (r, k) => {
  const x = ratio(r, k, "typed-heap:", id);
  return x === undefined ? undefined : [x <= times, fmtTarget(x)];
};
const atMost = (id, limit, unit) => (r, k) => {
  const v = value(r, k, id);
  return v === undefined ? undefined : [v <= limit, `${fmt(v)} ${unit}`];
};
const TARGETS = [
  { what: "Tasks: create + finish ≥ 15× asyncio", handle: faster("W5.tasks", 15) },
  { what: "Tasks: create + wait once on a Future + finish ≥ 15× asyncio", handle: faster("W5.wait", 15) },
  { what: "Task switch (bare yield) ≤ 60 ns", handle: atMost("W5.switch", 60, "ns") },
  { what: "W1 callSoon ×1M ≤ 1.3× the typed-array heap (ids ≤ 1.0×)", handle: withinHeap("W1.once", 1.3), ids: withinHeap("W1.once", 1.0) },
  { what: "W1 steady ≤ 1.3× the typed-array heap (ids ≤ 1.0×)", handle: withinHeap("W1.steady", 1.3), ids: withinHeap("W1.steady", 1.0) },
  { what: "W2 1M timers ≤ 1.3× the typed-array heap (ids ≤ 1.0×)", handle: withinHeap("W2.once", 1.3), ids: withinHeap("W2.once", 1.0) },
  { what: "W2 steady 10⁴ ≤ 1.3× the typed-array heap (ids ≤ 1.0×)", handle: withinHeap("W2.steady.10000", 1.3), ids: withinHeap("W2.steady.10000", 1.0) },
  { what: "W3 schedule + cancel ≤ 1.3× the typed-array heap (ids ≤ 1.0×)", handle: withinHeap("W3.cancel", 1.3), ids: withinHeap("W3.cancel", 1.0) },
  { what: "W2 1M timers ≥ 15× asyncio", handle: faster("W2.once", 15) },
  { what: "W2 steady 10⁴ ≥ 15× asyncio", handle: faster("W2.steady.10000", 15) },
  { what: "W4 ≤ 80 B per pending timer with a Handle (ids ≤ 49 B)", handle: atMost("W4.bytes", 80, "B"), ids: atMost("W4.bytes", 49, "B") },
];

function ratio(r, numKey, denKey, id) {
  const n = value(r, numKey, id);
  const d = value(r, denKey, id);
  return n === undefined || d === undefined ? undefined : n / d;
}

export function targets(results) {
  const lines = ["| target | wasmloop (Handles, Tasks) | wasmloop ids |", "|---|---|---|"];
  for (const t of TARGETS) {
    const cell = (check, key) => {
      const got = check?.(results, key);
      if (got === undefined) return "—";
      return `${got[0] ? "met" : "**not met**"}: ${got[1]}`;
    };
    lines.push(`| ${t.what} | ${cell(t.handle, H)} | ${cell(t.ids, I)} |`);
  }
  return lines.join("\n");
}
