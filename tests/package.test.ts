// The npm package as users get it: packed, installed into a fresh project, imported from Node
// and through a bundler; only what users need inside; publint and arethetypeswrong find no
// problem. Slow (about 6 s: npm pack, npm install, attw) but required: it is the only test of
// the package.json that users get.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
/**
 * Bytes, gzipped, of a minified bundle of `import { EventLoop, sleep }`: 11,009 with the
 * reference core, 9,820 without; 16,556 once EventLoop carried the executor methods API.md
 * puts on it (runInExecutor and the host workers behind it); 20,048 with context variables,
 * task factories and runners; 28,893 with sockets and streams; 31,650 with observability
 * (EventLoop.startTrace/stopTrace and its traced dispatch, debug mode's creation stacks, and
 * the stack-trace reader both use).
 */
const BUNDLE_BUDGET = 33_000;
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
  it("holds only the built code with its maps, the sources the maps name, the types, the wasm, README, CHANGELOG, LICENSE and package.json", () => {
    const outside = packed.files
      .map((f) => f.path)
      .filter(
        (p) =>
          !/^dist\/([\w-]+\/)*[\w-]+\.(js|d\.ts)(\.map)?$/.test(p) &&
          !/^src\/([\w-]+\/)*[\w-]+\.ts$/.test(p) &&
          !/^types\/[\w-]+\.d\.ts$/.test(p),
      )
      .sort();
    expect(outside).toEqual(["CHANGELOG.md", "LICENSE", "README.md", "build/scheduler.wasm", "package.json"]);
  });

  it("leaves out the TypeScript reference core, which no entry reaches", () => {
    expect(packed.files.map((f) => f.path).filter((p) => p.includes("reference"))).toEqual([]);
  });

  it("ships a source map and a declaration map for every module, and every source they name", () => {
    const paths = new Set(packed.files.map((f) => f.path));
    const modules = [...paths].filter((p) => /^dist\/.*\.js$/.test(p));
    expect(modules.length).toBeGreaterThan(10);
    for (const js of modules) {
      const dts = js.replace(/\.js$/, ".d.ts");
      for (const file of [js, dts]) {
        expect(paths, `${file}.map`).toContain(`${file}.map`);
        const map = JSON.parse(readFileSync(join(project, "node_modules", "wasmloop", `${file}.map`), "utf8"));
        for (const source of map.sources) expect(paths, `${file}.map names ${source}`).toContain(posix.join(posix.dirname(file), source));
      }
    }
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

  it(`bundles an app that imports { EventLoop, sleep } to at most ${BUNDLE_BUDGET} bytes, minified and gzipped`, async () => {
    // what `{ EventLoop, sleep }` pulls in is the floor of every app's bundle: the loop, Futures,
    // Tasks and the inline wasm. Code added to the package must not land in it unless those
    // need it (the reference core once did, through the `core` option). The size is printed
    // so that growth shows in every run; the budget catches a module that starts to come along.
    const { build } = await import("esbuild");
    writeFileSync(
      join(project, "minimal.mjs"),
      'import { EventLoop, sleep } from "wasmloop";\n' +
        'const loop = new EventLoop({ clock: "virtual" });\n' +
        "console.log(loop.runUntilCompleteSync(sleep(5, 'minimal')), loop.time());\n",
    );
    const result = await build({
      entryPoints: [join(project, "minimal.mjs")], bundle: true, format: "esm", platform: "neutral",
      minify: true, write: false, metafile: true, logLevel: "silent",
    });
    const code = result.outputFiles[0].contents;
    const gzipped = gzipSync(code, { level: 9 }).length;
    const modules = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([p]) => p.replace(/^.*node_modules\/wasmloop\//, ""));
    console.log(`{ EventLoop, sleep } bundle: ${code.length} bytes minified, ${gzipped} bytes gzipped; modules: ${modules.join(" ")}`);
    expect(modules.filter((m) => m.includes("reference"))).toEqual([]);
    expect(gzipped).toBeLessThanOrEqual(BUNDLE_BUDGET);
    writeFileSync(join(project, "out-minimal.mjs"), code);
    expect(execFileSync(process.execPath, [join(project, "out-minimal.mjs")], { encoding: "utf8" })).toBe("minimal 5\n");
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
