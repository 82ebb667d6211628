// Sharing the package between SES compartments (README "Plugin hosts and SES"): a hostile
// compartment attacks every export it was handed — each class, each prototype on its chain,
// each function, and the loops the namespace hands out — and a victim compartment then runs
// a loop. tests/package-ses-tamper.mjs does it after lockdown(), in a process of its own.
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
interface Trace { ownLoop: string; defaultLoop: string }
let findings: {
  expected: Trace;
  getters: { landed: string[] };
  shared: { landed: string[]; victim: Trace };
  own: { landed: string[]; victim: Trace; landedUnhardened: number; victimAfterUnhardened: Trace; distinctClasses: boolean };
};
/** The writes that reach a loop object, not code: harden() of a namespace cannot stop them. */
const STATE_WRITES = ["defineProperty getEventLoop().runUntilCompleteSync", "setEventLoop(a hijacked loop)"];

beforeAll(async () => {
  // the bundle a plugin host ships: esbuild's iife of the main entry, an expression giving the namespace
  const { build } = await import("esbuild");
  const dir = mkdtempSync(join(tmpdir(), "wasmloop-ses-"));
  try {
    const out = await build({
      entryPoints: [join(root, "dist", "index.js")], bundle: true, format: "iife", globalName: "wasmloop", write: false,
    });
    const bundle = join(dir, "wasmloop.js");
    writeFileSync(bundle, `(() => {${out.outputFiles[0].text}; return wasmloop; })()`);
    findings = JSON.parse(execFileSync(process.execPath, [join(root, "tests", "package-ses-tamper.mjs"), bundle], { encoding: "utf8" }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

describe("the package in SES compartments", () => {
  it("runs the victim's scenario hardened: Tasks, sleeps, gather, a cancelled handle, the default loop", () => {
    expect(findings.expected).toEqual({
      ownLoop: "soon 1; a at 1; later at 2; b at 5; cancelled stop; result a+b at 5",
      defaultLoop: "default loop: ran",
    });
  });

  it("harden(ns) of the bundle's namespace leaves every class and prototype writable (its exports are getters)", () => {
    expect(findings.getters.landed).toEqual(expect.arrayContaining([
      "EventLoop.prototype.runUntilCompleteSync = hijack",
      "Object.getPrototypeOf(EventLoop.prototype).callSoon = hijack",
      "Future.prototype.then = hijack",
      "Task.prototype.cancel = hijack",
      "EventLoop.added = 1",
    ]));
    expect(findings.getters.landed.length).toBeGreaterThan(300);
  });

  it("harden({ ...ns }) makes every write to every exported class, prototype and function fail", () => {
    expect(findings.shared.landed.filter((w) => !STATE_WRITES.includes(w))).toEqual([]);
    expect(findings.own.landed.filter((w) => !STATE_WRITES.includes(w))).toEqual([]);
  });

  it("one hardened instance shared by two compartments: the victim's own loop runs unchanged", () => {
    expect(findings.shared.victim.ownLoop).toBe(findings.expected.ownLoop);
  });

  it("one hardened instance shared by two compartments still shares its default loop, so a hostile one reaches it", () => {
    expect(findings.shared.landed).toEqual(STATE_WRITES);
    expect(findings.shared.victim.defaultLoop).toBe("default loop: hijacked");
  });

  it("an instance per compartment: whatever the hostile one does to its own, the victim runs unchanged", () => {
    expect(findings.own.victim).toEqual(findings.expected);
    expect(findings.own.landedUnhardened).toBeGreaterThan(300);
    expect(findings.own.victimAfterUnhardened).toEqual(findings.expected);
    expect(findings.own.distinctClasses).toBe(true);
  });
});
