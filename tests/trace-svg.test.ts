// traceToSvg: a trace drawn as an SVG timeline.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventLoop, gather, sleep, traceToSvg, type Trace } from "../src/index.js";
import { virtual } from "./fixtures.js";

function* nap(d: number) {
  yield* sleep(d);
}

function sampleTrace(): Trace {
  const loop = virtual();
  loop.startTrace();
  loop.callLater(0.5, function tick() {});
  loop.runUntilCompleteSync(
    loop.createTask(
      (function* () {
        yield* gather(loop.createTask(nap(1), { name: "one" }), loop.createTask(nap(2), { name: "two" }));
      })(),
      { name: "main" },
    ),
  );
  return loop.stopTrace();
}

/** The XML is well formed: every element closed, in order. */
function wellFormed(svg: string): boolean {
  const open: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) {
      if (open.pop() !== name) return false;
    } else open.push(name);
  }
  return open.length === 0;
}

describe("traceToSvg", () => {
  it("is a well-formed SVG document", () => {
    const svg = traceToSvg(sampleTrace());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(wellFormed(svg)).toBe(true);
  });

  it("draws a row per track, labelled in track order", () => {
    const svg = traceToSvg(sampleTrace());
    const labels = [...svg.matchAll(/<text x="8" y="\d+" font-size="12">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(["event loop", "main", "one", "two"]);
  });

  it("draws a box per slice and an arrow per flow", () => {
    const trace = sampleTrace();
    const svg = traceToSvg(trace);
    const boxes = svg.match(/<rect [^>]*rx="2"[^>]*><title>/g) ?? [];
    const arrows = svg.match(/marker-end="url\(#arrow-/g) ?? [];
    expect(boxes).toHaveLength(trace.traceEvents.filter((e) => e.ph === "X").length);
    expect(arrows).toHaveLength(trace.traceEvents.filter((e) => e.ph === "f").length);
  });

  it("groups a virtual clock's slices under their loop time", () => {
    const svg = traceToSvg(sampleTrace());
    const times = [...svg.matchAll(/>t = ([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(times).toEqual(["0 s", "500 ms", "1 s", "2 s"]);
  });

  it("draws a real clock's trace to scale", () => {
    let now = 0;
    const loop = new EventLoop({ host: { now: () => now } });
    loop.startTrace();
    loop.callSoon(function short() {
      now += 1;
    });
    loop.callSoon(function long() {
      now += 9;
    });
    loop.runOnce();
    const svg = traceToSvg(loop.stopTrace(), { width: 1000 });
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="16" rx="2"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1] / widths[0]).toBeCloseTo(9, 1);
  });

  it("puts the title and the counters in", () => {
    const svg = traceToSvg(sampleTrace(), { title: "a <b> & c" });
    expect(svg).toContain(">a &lt;b&gt; &amp; c</text>");
    expect(svg).toMatch(/>ready \(max \d+\)</);
    expect(svg).toMatch(/>timers \(max \d+\)</);
  });

  it("gives the same SVG for the same trace", () => {
    expect(traceToSvg(sampleTrace())).toBe(traceToSvg(sampleTrace()));
  });

  it("refuses what is not a trace, and bad options, by name", () => {
    expect(() => traceToSvg({} as never)).toThrow(TypeError);
    expect(() => traceToSvg(null as never)).toThrow(
      "traceToSvg: trace must be what stopTrace() returns ({ traceEvents: [...] }), got null",
    );
    const trace = sampleTrace();
    expect(() => traceToSvg(trace, { width: 10 })).toThrow("traceToSvg: options.width must be a number of pixels of at least 200, got number 10");
    expect(() => traceToSvg(trace, { layout: "spiral" as never })).toThrow(RangeError);
    expect(() => traceToSvg(trace, { title: 3 as never })).toThrow("traceToSvg: options.title must be a string, got number 3");
    expect(traceToSvg(trace)).toContain("</svg>");
  });

  it("the README's picture is what the parallel_factorial trace example draws now", () => {
    const dir = mkdtempSync(join(tmpdir(), "wasmloop-svg-"));
    execFileSync(process.execPath, ["build/examples/trace_parallel_factorial.js", dir], { encoding: "utf8" });
    expect(readFileSync("examples/traces/parallel_factorial.svg", "utf8")).toBe(readFileSync(join(dir, "parallel_factorial.svg"), "utf8"));
  });
});
