// The public types: `yield*` is typed as what the coroutine returns, gather is tuple-typed,
// and wrong uses fail to type-check (tests/types/*.ts, checked by tsc).
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
const project = fileURLToPath(new URL("./types/tsconfig.json", import.meta.url));

describe("types", () => {
  it("type-check the typed fixtures, where every @ts-expect-error is a real error", () => {
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", project], { encoding: "utf8" });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe("");
  });
});
