// The examples `npm start` runs are golden tests: each prints exactly examples/expected/NAME.txt.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
// @ts-expect-error: a plain .mjs script without types
import { EXAMPLES, runExample } from "../examples/run-all.mjs";

// build/examples is compiled once, before every test file (tests/global-setup.ts)
describe("examples", () => {
  for (const name of EXAMPLES as string[]) {
    it(`${name} prints what the seed documents`, () => {
      const expected = readFileSync(new URL(`../examples/expected/${name}.txt`, import.meta.url), "utf8");
      expect(runExample(name)).toBe(expected);
    });
  }
});
