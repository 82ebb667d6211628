// The committed parallel_factorial trace, opened by a real trace viewer: the trace engine of
// the Chrome DevTools bundled with Debian's Chromium (its Performance panel's loader), through
// playwright-core. (Chromium 156 has no chrome://tracing any more, and Perfetto's UI and
// trace_processor cannot be fetched here.) It must see the tracks, every slice and every flow.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import type { Trace } from "../src/index.js";

const CHROMIUM = "/usr/bin/chromium";

interface Seen {
  threads: { tid: number; name: string; entries: number }[];
  flows: string[][];
}

/** Runs in the DevTools page: its own trace loader (the one behind "Load profile…") on the events. */
const IN_PAGE = `async (events) => {
  const T = await import("./models/trace/trace.js");
  const model = T.TraceModel.Model.createWithAllHandlers();
  await model.parse(events, { isFreshRecording: false, metadata: {} });
  const data = model.parsedTrace(0).data;
  const threads = [];
  for (const process of data.Renderer.processes.values()) {
    for (const [tid, thread] of process.threads) threads.push({ tid, name: thread.name, entries: thread.entries.length });
  }
  const flows = data.Flows.flows.map((flow) => flow.map((e) => e.name + "@" + e.tid));
  return { threads: threads.sort((a, b) => a.tid - b.tid), flows };
}`;

async function openInDevTools(trace: Trace): Promise<Seen> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    await page.goto("devtools://devtools/bundled/devtools_app.html", { timeout: 30_000 });
    // as text: the test runner would rewrite an import() written in this file
    return (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(trace.traceEvents)})`)) as Seen;
  } finally {
    await browser.close();
  }
}

describe("a trace in Chrome DevTools' trace engine", () => {
  it.skipIf(!existsSync(CHROMIUM))("shows parallel_factorial's tracks, slices and flows", { timeout: 120_000 }, async () => {
    const trace: Trace = JSON.parse(readFileSync("examples/traces/parallel_factorial.json", "utf8"));
    const seen = await openInDevTools(trace);
    const names = new Map(trace.traceEvents.filter((e) => e.name === "thread_name").map((e) => [e.tid!, e.args!.name]));
    const slices = trace.traceEvents.filter((e) => e.ph === "X");
    expect(seen.threads).toEqual(
      [...names].map(([tid, name]) => ({ tid, name, entries: slices.filter((e) => e.tid === tid).length })),
    );
    // every flow bound at both ends: a Future's completion → the step it wakes, and the rest
    expect(seen.flows).toHaveLength(trace.traceEvents.filter((e) => e.ph === "s").length);
    expect(seen.flows.every((f) => f.length === 2)).toBe(true);
    expect(seen.flows).toContainEqual(["sleepEnded@1", "wakeup@2"]);
  });
});
