// The rules of Chrome's Trace Event Format that a trace from stopTrace() must keep, checked
// the way a viewer would read the file: the JSON object format (`{ traceEvents: [...] }`),
// the fields each phase requires, and the structure Perfetto and chrome://tracing rely on
// (slices on one track nest or follow each other; a flow's start and end are each bound to a
// slice of their own track, as DevTools and Perfetto bind them; every track with slices is named).
import type { Trace, TraceEvent } from "../src/index.js";

const PHASES = new Set(["X", "s", "f", "C", "M"]);
const METADATA = new Set(["process_name", "process_labels", "process_sort_index", "thread_name", "thread_sort_index"]);

/** The rules the trace breaks, as sentences; [] for a valid trace. */
export function traceFormatErrors(trace: Trace): string[] {
  const errors: string[] = [];
  const fail = (e: TraceEvent | null, what: string) => errors.push(e === null ? what : `${what}: ${JSON.stringify(e)}`);
  if (trace === null || typeof trace !== "object" || !Array.isArray(trace.traceEvents)) return ["no traceEvents array"];
  if (JSON.stringify(JSON.parse(JSON.stringify(trace))) !== JSON.stringify(trace)) fail(null, "not JSON-serialisable as it is");
  if (trace.displayTimeUnit !== undefined && trace.displayTimeUnit !== "ms" && trace.displayTimeUnit !== ("ns" as never)) {
    fail(null, "displayTimeUnit must be ms or ns");
  }
  const slices = new Map<number, TraceEvent[]>();
  const named = new Set<number>();
  const flows = new Map<number, { s: TraceEvent[]; f: TraceEvent[] }>();
  let lastTs = -Infinity;
  let metaDone = false;
  for (const e of trace.traceEvents) {
    if (typeof e.name !== "string" || e.name === "") fail(e, "an event needs a name");
    if (!PHASES.has(e.ph)) fail(e, "unknown phase");
    if (!Number.isInteger(e.pid)) fail(e, "pid must be an integer");
    if (e.ph === "M") {
      if (metaDone) fail(e, "metadata after timed events");
      if (!METADATA.has(e.name)) fail(e, "unknown metadata event");
      if (e.name.endsWith("_name") && typeof e.args?.name !== "string") fail(e, "a name event needs args.name");
      if (e.name.endsWith("_sort_index") && !Number.isInteger(e.args?.sort_index)) fail(e, "a sort index event needs args.sort_index");
      if (e.name.startsWith("thread_") && !Number.isInteger(e.tid)) fail(e, "a thread metadata event needs a tid");
      if (e.name === "thread_name") named.add(e.tid!);
      continue;
    }
    metaDone = true;
    if (typeof e.ts !== "number" || !Number.isFinite(e.ts) || e.ts < 0) fail(e, "ts must be a finite number of µs, ≥ 0");
    if (e.ts! < lastTs) fail(e, "events out of time order");
    lastTs = e.ts!;
    switch (e.ph) {
      case "X":
        if (!Number.isInteger(e.tid)) fail(e, "a slice needs a tid");
        if (typeof e.dur !== "number" || !(e.dur > 0)) fail(e, "a slice needs dur > 0");
        if (!slices.has(e.tid!)) slices.set(e.tid!, []);
        slices.get(e.tid!)!.push(e);
        break;
      case "C":
        if (e.args === undefined || Object.keys(e.args).length === 0) fail(e, "a counter needs args");
        for (const v of Object.values(e.args ?? {})) if (typeof v !== "number") fail(e, "counter values must be numbers");
        break;
      case "s":
      case "f": {
        if (!Number.isInteger(e.id)) fail(e, "a flow event needs an id");
        if (typeof e.cat !== "string") fail(e, "a flow event needs a cat");
        if (!Number.isInteger(e.tid)) fail(e, "a flow event needs a tid");
        if (e.ph === "f" && e.bp !== "e") fail(e, "a flow end binds to its enclosing slice (bp: e)");
        if (!flows.has(e.id!)) flows.set(e.id!, { s: [], f: [] });
        flows.get(e.id!)![e.ph].push(e);
        break;
      }
    }
  }
  for (const [tid, list] of slices) {
    if (!named.has(tid)) fail(null, `track ${tid} has slices but no thread_name`);
    // on one track, a slice either ends before the next starts or holds it entirely (in whole
    // ns, as Perfetto reads µs: 1000000.001 + 0.001 is not 1000000.002 in floating point)
    const ns = (us: number) => Math.round(us * 1000);
    const end = (e: TraceEvent) => ns(e.ts!) + ns(e.dur!);
    const open: TraceEvent[] = [];
    for (const e of [...list].sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!)) {
      while (open.length > 0 && end(open[open.length - 1]) <= ns(e.ts!)) open.pop();
      const parent = open[open.length - 1];
      if (parent !== undefined && end(e) > end(parent)) fail(e, "slice overlaps another on its track without nesting");
      open.push(e);
    }
  }
  // how viewers bind a flow event to its slice: Chrome DevTools by equal ts, pid, tid and cat;
  // Perfetto and the legacy viewer by the slice enclosing ts that comes before it in the file
  const index = new Map(trace.traceEvents.map((e, i) => [e, i]));
  const boundTo = (e: TraceEvent) =>
    (slices.get(e.tid!) ?? []).find((x) => x.ts === e.ts && x.pid === e.pid && x.cat === e.cat && index.get(x)! < index.get(e)!);
  for (const [id, { s, f }] of flows) {
    if (s.length !== 1 || f.length !== 1) {
      fail(null, `flow ${id} needs one start and one end, has ${s.length} and ${f.length}`);
      continue;
    }
    if (s[0].name !== f[0].name || s[0].cat !== f[0].cat) fail(f[0], "a flow's start and end must share name and cat");
    if (!(s[0].ts! < f[0].ts!)) fail(f[0], "a flow must end after it starts");
    if (boundTo(s[0]) === undefined) fail(s[0], "a flow start must have the ts, pid, tid and cat of a slice before it");
    if (boundTo(f[0]) === undefined) fail(f[0], "a flow end must have the ts, pid, tid and cat of a slice before it");
  }
  return errors;
}
