// asyncio conformance: each scenario's NAME.mjs, run against the built package, must print
// exactly NAME.expected (CPython 3.12's output for NAME.py on a virtual-time loop).
// Scenarios: the shared set (../shared/conformance, beside the checkout) and our own
// (tests/conformance-extra).
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// inside the checkout, so `import "wasmloop"` resolves to it; one directory per run, so
// runs side by side in one checkout never delete each other's files
const runDir = join(root, `.conformance-run-vitest-${process.pid}`);
const sources = [
  ["shared", join(root, "..", "shared", "conformance")],
  ["extra", join(root, "tests", "conformance-extra")],
] as const;

rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });
afterAll(() => rmSync(runDir, { recursive: true, force: true }));

for (const [group, dir] of sources) {
  if (!existsSync(dir)) {
    // The shared set lives beside the checkout, not in it: a lone clone has no such directory.
    describe.skip(`conformance (${group})`, () => {
      it(`skipped: no scenario directory at ${dir}`, () => {});
    });
    continue;
  }
  const scenarios = readdirSync(dir).filter((f) => f.endsWith(".mjs")).sort();
  describe(`conformance (${group})`, () => {
    it(`finds scenarios in ${dir}`, () => {
      expect(scenarios.length).toBeGreaterThan(0);
    });
    for (const file of scenarios) {
      const name = file.slice(0, -4);
      it(name, () => {
        copyFileSync(join(dir, file), join(runDir, file));
        const out = execFileSync(process.execPath, [file], { cwd: runDir, encoding: "utf8", timeout: 20_000 });
        expect(out).toBe(readFileSync(join(dir, `${name}.expected`), "utf8")); // byte for byte
      });
    }
  });
}
