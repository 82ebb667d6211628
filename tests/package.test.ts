// The npm package as users get it: packed, installed into a fresh project, imported from Node
// and through a bundler; only what users need inside; publint and arethetypeswrong find no
// problem. Slow (about 6 s: npm pack, npm install, attw) but required: it is the only test of
// the package.json that users get.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
let dir = "";
let project = "";
let packed: { filename: string; size: number; files: { path: string }[] };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "wasmloop-pack-"));
  // --ignore-scripts: `npm test` has built dist/ already; rebuilding it here would race the
  // test files that run the built package in parallel
  packed = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", dir], root))[0];
  // a new project with the tarball installed (no registry needed: no runtime dependencies)
  project = join(dir, "app");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", type: "module", private: true }));
  npm(["install", "--offline", join(dir, packed.filename)], project);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the npm package", () => {
  it("holds only the built code, its types, the wasm, README, LICENSE and package.json", () => {
    const outside = packed.files
      .map((f) => f.path)
      .filter((p) => !/^dist\/([\w-]+\/)*[\w-]+\.(js|d\.ts)$/.test(p) && !/^types\/[\w-]+\.d\.ts$/.test(p))
      .sort();
    expect(outside).toEqual(["LICENSE", "README.md", "build/scheduler.wasm", "package.json"]);
  });

  it("runs in a new project that installed the tarball", () => {
    writeFileSync(
      join(project, "main.mjs"),
      'import { EventLoop, sleep } from "wasmloop";\n' +
        'const loop = new EventLoop({ clock: "virtual" });\n' +
        "console.log(loop.runUntilCompleteSync(sleep(3600, 'ok')), loop.time());\n",
    );
    expect(execFileSync(process.execPath, ["main.mjs"], { cwd: project, encoding: "utf8" })).toBe("ok 3600\n");
  });

  it("runs wasmloop/workers with the module compiled from the exported wasmloop/scheduler.wasm", () => {
    writeFileSync(
      join(project, "workers.mjs"),
      'import { readFileSync } from "node:fs";\n' +
        'import { createRequire } from "node:module";\n' +
        'import { EventLoop, setSchedulerModule, sleep } from "wasmloop/workers";\n' +
        'const wasm = createRequire(import.meta.url).resolve("wasmloop/scheduler.wasm");\n' +
        "setSchedulerModule(new WebAssembly.Module(readFileSync(wasm)));\n" +
        'const loop = new EventLoop({ clock: "virtual" });\n' +
        "console.log(loop.runUntilCompleteSync(sleep(60, 'workers')), loop.time());\n",
    );
    expect(execFileSync(process.execPath, ["workers.mjs"], { cwd: project, encoding: "utf8" })).toBe("workers 60\n");
  });

  it("keeps the inline wasm when a bundler tree-shakes a named import", async () => {
    // package.json's "sideEffects" must name dist/index.js: it registers the wasm bytes at
    // import, and a bundler drops a side-effect-free module's statements when an app imports
    // only names that module re-exports (esbuild and Rollup/Rolldown both do)
    const { build } = await import("esbuild");
    writeFileSync(
      join(project, "bundled.mjs"),
      'import { EventLoop, sleep } from "wasmloop";\n' +
        'const loop = new EventLoop({ clock: "virtual" });\n' +
        "console.log(loop.runUntilCompleteSync(sleep(5, 'bundled')), loop.time());\n",
    );
    await build({
      entryPoints: [join(project, "bundled.mjs")], bundle: true, format: "esm", platform: "neutral",
      outfile: join(project, "out", "bundled.mjs"), logLevel: "silent",
    });
    expect(execFileSync(process.execPath, [join(project, "out", "bundled.mjs")], { encoding: "utf8" })).toBe("bundled 5\n");
  });

  it("passes publint", () => {
    const tarball = join(dir, packed.filename);
    expect(execFileSync(join(root, "node_modules", ".bin", "publint"), ["run", tarball, "--strict"], { cwd: root, encoding: "utf8" })).toMatch(/All good!/);
  });

  it("passes arethetypeswrong for an ESM-only package", () => {
    // esm-only: a `require()` of an ESM package is not a problem this package has to solve
    const tarball = join(dir, packed.filename);
    execFileSync(join(root, "node_modules", ".bin", "attw"), [tarball, "--profile", "esm-only"], { cwd: root, encoding: "utf8" });
  });
});
