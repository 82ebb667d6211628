/**
 * traceToSvg: a trace from `loop.stopTrace()` drawn as an SVG timeline, with no dependency —
 * a picture for a README or a bug report where Perfetto is not at hand.
 *
 * Rows are the trace's tracks (the event loop's callbacks, then one per Task), slices are
 * boxes, flows are arrows (green: a Future's completion waking a task; blue: a task's creation
 * to its first step; orange: a timer armed → fired; grey: other callbacks), and the counters
 * ("ready", "timers") are drawn under the rows.
 *
 * Time runs left to right in one of two ways:
 * - a virtual clock's trace ("sequence"): every slice gets the same width, in the order the
 *   slices ran, and slices of one loop time sit together under a label "t = 1 s". A virtual
 *   instant holds any number of callbacks, so drawing it to scale would show nothing.
 * - a real clock's trace ("time"): to scale, each slice at least a pixel wide.
 * Everything is computed from the trace, so the same trace gives the same SVG.
 */
import type { Trace, TraceEvent } from "./trace.js";
import { describe } from "./validate.js";

/**
 * The options of traceToSvg.
 * @example
 * traceToSvg(trace, { title: "parallel factorial", width: 1200 });
 */
export interface TraceSvgOptions {
  /** A heading above the timeline. */
  title?: string;
  /** The picture's width in pixels (default 1000). */
  width?: number;
  /** "sequence" (slices side by side in the order they ran) or "time" (to scale); default: "sequence" for a virtual clock's trace. */
  layout?: "sequence" | "time";
}

const ROW = 24;
const BOX = 16;
const TOP = 56;
const COUNTER_ROW = 28;
const GAP = 56;
const FONT = "font-family:ui-monospace,Menlo,Consolas,monospace";

const SLICE_COLOURS: Record<string, string> = {
  step: "#4e79a7",
  wakeup: "#59a14f",
  throw: "#e15759",
};
const CALLBACK_COLOUR = "#a0a0a0";
const FLOW_COLOURS: Record<string, string> = {
  wakeup: "#59a14f",
  spawn: "#4e79a7",
  timer: "#f28e2b",
  yield: "#9ab6d6",
  throw: "#e15759",
  callback: "#8c8c8c",
};

interface Slice {
  ev: TraceEvent;
  x: number;
  w: number;
  row: number;
}

/**
 * Draws a trace from `loop.stopTrace()` as an SVG timeline (a string: write it to a `.svg`
 * file, or put it in a page). Tracks are rows, slices boxes, flows arrows, counters under the
 * rows; a virtual clock's trace is laid out in the order things ran, grouped by loop time.
 * @example
 * const loop = new EventLoop({ clock: "virtual" });
 * loop.startTrace();
 * loop.runUntilCompleteSync(main());
 * writeFileSync("trace.svg", traceToSvg(loop.stopTrace(), { title: "main()" }));
 */
export function traceToSvg(trace: Trace, options: TraceSvgOptions = {}): string {
  if (trace === null || typeof trace !== "object" || !Array.isArray((trace as Trace).traceEvents)) {
    throw new TypeError(`traceToSvg: trace must be what stopTrace() returns ({ traceEvents: [...] }), got ${describe(trace)}`);
  }
  if (options === null || typeof options !== "object") {
    throw new TypeError(`traceToSvg: options must be an object, got ${describe(options)}`);
  }
  const { title, width = 1000 } = options;
  if (typeof width !== "number" || !Number.isFinite(width) || width < 200) {
    throw new RangeError(`traceToSvg: options.width must be a number of pixels of at least 200, got ${describe(width)}`);
  }
  if (title !== undefined && typeof title !== "string") {
    throw new TypeError(`traceToSvg: options.title must be a string, got ${describe(title)}`);
  }
  const layout = options.layout ?? (trace.otherData?.clock === "real" ? "time" : "sequence");
  if (layout !== "sequence" && layout !== "time") {
    throw new RangeError(`traceToSvg: options.layout must be "sequence" or "time", got ${describe(layout)}`);
  }

  const events = trace.traceEvents;
  const names = new Map<number, string>();
  const order = new Map<number, number>();
  for (const e of events) {
    if (e.ph !== "M" || e.tid === undefined) continue;
    if (e.name === "thread_name") names.set(e.tid, String(e.args?.name ?? e.tid));
    if (e.name === "thread_sort_index") order.set(e.tid, Number(e.args?.sort_index ?? e.tid));
  }
  // the event loop's track holds plain callbacks; every other track is a Task's
  const loopTid = [...names].find(([, name]) => name === "event loop")?.[0] ?? 1;
  const xs = events.filter((e) => e.ph === "X" && typeof e.ts === "number");
  const used = [...new Set(xs.map((e) => e.tid ?? 0))].sort((a, b) => (order.get(a) ?? a) - (order.get(b) ?? b));
  const rowOf = new Map(used.map((tid, i) => [tid, i]));
  const labelWidth = Math.min(220, 16 + 7.2 * Math.max(4, ...used.map((tid) => (names.get(tid) ?? String(tid)).length)));
  const plotLeft = labelWidth + 8;
  const plotWidth = width - plotLeft - 16;

  const out: string[] = [];
  const slices: Slice[] = [];
  const labels: string[] = [];
  /** maps a time (µs) to x, for flows and counters */
  let xAt: (ts: number) => number;

  if (layout === "sequence") {
    // instants: consecutive slices with the same loop time
    const groups: TraceEvent[][] = [];
    let last: unknown = Symbol();
    for (const e of xs) {
      const t = e.args?.t;
      if (groups.length === 0 || t !== last) groups.push([]);
      groups[groups.length - 1].push(e);
      last = t;
    }
    const cell = xs.length === 0 ? 0 : Math.max(2, (plotWidth - GAP * Math.max(0, groups.length - 1)) / xs.length);
    let x = plotLeft;
    const starts: [number, number, number][] = []; // [ts, x, cell] of each slice, for xAt
    for (const [gi, group] of groups.entries()) {
      if (gi > 0) x += GAP;
      const t = group[0].args?.t;
      labels.push(
        `<text x="${fmt(x)}" y="${TOP - 10}" font-size="11" fill="#555">${esc(typeof t === "number" ? `t = ${seconds(t)}` : "")}</text>`,
        `<line x1="${fmt(x - 0.5)}" y1="${TOP - 6}" x2="${fmt(x - 0.5)}" y2="${TOP + used.length * ROW}" stroke="#ccc" stroke-dasharray="2,3"/>`,
      );
      for (const e of group) {
        slices.push({ ev: e, x, w: cell, row: rowOf.get(e.tid ?? 0)! });
        starts.push([e.ts!, x, cell]);
        x += cell;
      }
    }
    xAt = (ts) => {
      // the slice that starts at or before ts; a point inside it in proportion
      let lo = 0;
      let hi = starts.length - 1;
      if (hi < 0) return plotLeft;
      if (ts <= starts[0][0]) return starts[0][1];
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid][0] <= ts) lo = mid;
        else hi = mid - 1;
      }
      const [t0, x0, w] = starts[lo];
      const dur = xs[lo].dur ?? 0;
      return x0 + (dur > 0 ? Math.min(1, (ts - t0) / dur) : 0) * w;
    };
  } else {
    const t0 = xs.length > 0 ? xs[0].ts! : 0;
    const t1 = xs.length > 0 ? Math.max(...xs.map((e) => e.ts! + (e.dur ?? 0))) : 1;
    const scale = plotWidth / Math.max(t1 - t0, 1e-3);
    xAt = (ts) => plotLeft + (ts - t0) * scale;
    for (const e of xs) slices.push({ ev: e, x: xAt(e.ts!), w: Math.max(1, (e.dur ?? 0) * scale), row: rowOf.get(e.tid ?? 0)! });
    const ticks = 6;
    for (let i = 0; i <= ticks; i++) {
      const ts = t0 + ((t1 - t0) * i) / ticks;
      const x = xAt(ts);
      labels.push(
        `<text x="${fmt(x)}" y="${TOP - 10}" font-size="11" fill="#555" text-anchor="middle">${esc(seconds(ts / 1e6))}</text>`,
        `<line x1="${fmt(x)}" y1="${TOP - 6}" x2="${fmt(x)}" y2="${TOP + used.length * ROW}" stroke="#eee"/>`,
      );
    }
  }

  const counters = ["ready", "timers"].filter((name) => events.some((e) => e.ph === "C" && e.name === name));
  const height = TOP + used.length * ROW + counters.length * COUNTER_ROW + 44;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${fmt(height)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}" style="${FONT}">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<defs>${Object.entries(FLOW_COLOURS)
      .map(([k, c]) => `<marker id="arrow-${k}" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0L8,4L0,8z" fill="${c}"/></marker>`)
      .join("")}</defs>`,
  );
  if (title !== undefined) out.push(`<text x="8" y="20" font-size="14" font-weight="bold">${esc(title)}</text>`);

  // rows
  for (const [i, tid] of used.entries()) {
    const y = TOP + i * ROW;
    if (i % 2 === 1) out.push(`<rect x="0" y="${y}" width="${fmt(width)}" height="${ROW}" fill="#f7f7f7"/>`);
    out.push(`<text x="8" y="${y + ROW / 2 + 4}" font-size="12">${esc(clip(names.get(tid) ?? String(tid), (labelWidth - 12) / 7.2))}</text>`);
  }
  out.push(...labels);

  // slices
  const where = new Map<TraceEvent, Slice>();
  for (const s of slices) {
    where.set(s.ev, s);
    const e = s.ev;
    const y = TOP + s.row * ROW + (ROW - BOX) / 2;
    const colour = (e.tid ?? 0) !== loopTid ? (SLICE_COLOURS[e.name] ?? SLICE_COLOURS.step) : CALLBACK_COLOUR;
    const tip = [e.name, ...Object.entries(e.args ?? {}).map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)].join("\n");
    const w = Math.max(1, s.w - (layout === "sequence" ? 2 : 0));
    out.push(
      `<rect x="${fmt(s.x)}" y="${fmt(y)}" width="${fmt(w)}" height="${BOX}" rx="2" fill="${colour}"><title>${esc(tip)}</title></rect>`,
    );
    const room = Math.floor((w - 4) / 6.6);
    if (room >= 3) {
      out.push(`<text x="${fmt(s.x + 2)}" y="${fmt(y + BOX - 4)}" font-size="11" fill="#fff">${esc(clip(e.name, room))}</text>`);
    }
  }

  // flows: from the slice holding the "s" event to the slice holding the "f" event
  const starts = new Map<number, TraceEvent>();
  for (const e of events) if (e.ph === "s" && e.id !== undefined) starts.set(e.id, e);
  const byTrack = new Map<number, Slice[]>();
  for (const s of slices) {
    const tid = s.ev.tid ?? 0;
    if (!byTrack.has(tid)) byTrack.set(tid, []);
    byTrack.get(tid)!.push(s);
  }
  const enclosing = (e: TraceEvent): Slice | undefined =>
    byTrack.get(e.tid ?? 0)?.find((s) => s.ev.ts! <= e.ts! && e.ts! <= s.ev.ts! + (s.ev.dur ?? 0));
  for (const f of events) {
    if (f.ph !== "f" || f.id === undefined) continue;
    const s = starts.get(f.id);
    if (s === undefined) continue;
    const a = enclosing(s);
    const b = enclosing(f);
    if (a === undefined || b === undefined) continue;
    const colour = FLOW_COLOURS[f.name] ?? FLOW_COLOURS.callback;
    const marker = FLOW_COLOURS[f.name] !== undefined ? f.name : "callback";
    const x1 = a.x + a.w / 2;
    const y1 = TOP + a.row * ROW + ROW / 2 + (b.row > a.row ? BOX / 2 : b.row < a.row ? -BOX / 2 : 0);
    const x2 = b.x + Math.min(4, b.w / 2);
    const y2 = TOP + b.row * ROW + ROW / 2 + (b.row > a.row ? -BOX / 2 : b.row < a.row ? BOX / 2 : 0);
    const bend = Math.max(12, Math.abs(x2 - x1) / 3);
    out.push(
      `<path d="M${fmt(x1)},${fmt(y1)} C${fmt(x1 + bend)},${fmt(y1)} ${fmt(x2 - bend)},${fmt(y2)} ${fmt(x2)},${fmt(y2)}" fill="none" stroke="${colour}" stroke-width="1.2" opacity="0.8" marker-end="url(#arrow-${marker})"/>`,
    );
  }

  // counters: a step line each, scaled to its own maximum
  for (const [i, name] of counters.entries()) {
    const y0 = TOP + used.length * ROW + i * COUNTER_ROW + 8;
    const samples = events.filter((e) => e.ph === "C" && e.name === name && typeof e.ts === "number");
    const values = samples.map((e) => Number(e.args?.[name] ?? 0));
    const max = Math.max(1, ...values);
    out.push(`<text x="8" y="${y0 + COUNTER_ROW / 2}" font-size="11" fill="#555">${esc(name)} (max ${max})</text>`);
    let d = "";
    let prevY = y0 + COUNTER_ROW - 6;
    for (const [j, e] of samples.entries()) {
      const x = xAt(e.ts!);
      const y = y0 + COUNTER_ROW - 6 - (values[j] / max) * (COUNTER_ROW - 10);
      d += j === 0 ? `M${fmt(x)},${fmt(y)}` : `L${fmt(x)},${fmt(prevY)}L${fmt(x)},${fmt(y)}`;
      prevY = y;
    }
    if (d !== "") out.push(`<path d="${d}L${fmt(plotLeft + plotWidth)},${fmt(prevY)}" fill="none" stroke="#76b7b2" stroke-width="1.5"/>`);
  }

  // legend
  const ly = height - 14;
  let lx = 8;
  for (const [label, colour] of [
    ["task step", SLICE_COLOURS.step],
    ["task wakeup", SLICE_COLOURS.wakeup],
    ["callback", CALLBACK_COLOUR],
    ["→ wakeup", FLOW_COLOURS.wakeup],
    ["→ spawn", FLOW_COLOURS.spawn],
    ["→ timer", FLOW_COLOURS.timer],
    ["→ callback", FLOW_COLOURS.callback],
  ] as const) {
    out.push(`<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${colour}"/>`);
    out.push(`<text x="${lx + 14}" y="${ly}" font-size="11" fill="#333">${esc(label)}</text>`);
    lx += 24 + label.length * 6.6;
  }
  out.push("</svg>");
  return out.join("\n") + "\n";
}

/** A number for SVG: at most two decimals, no trailing zeros. */
function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Seconds as a label: `1 s`, `0.25 s`, `1.5 ms`. */
function seconds(t: number): string {
  if (t !== 0 && Math.abs(t) < 1) return `${Number((t * 1000).toPrecision(4))} ms`;
  return `${Number(t.toPrecision(6))} s`;
}

function clip(s: string, n: number): string {
  const max = Math.max(1, Math.floor(n));
  return s.length <= max ? s : s.slice(0, Math.max(1, max - 1)) + "…";
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
