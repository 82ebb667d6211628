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
 * Bytes, gzipped, of a minified bundle of `import { EventLoop, sleep } from "wasmloop/lite"`:
 * the asyncio layer without the I/O layer (13,972 when set; 14,161 with subprocesses; 16,800
 * with observability: EventLoop.startTrace/stopTrace and the traced dispatch, debug mode's
 * creation stacks and the stack-trace reader, all reachable from the loop's methods). The
 * main entry carried 11,009 with the reference core, 9,820 without, before the I/O layer existed.
 * Issue 12's hot paths (one crossing per iteration, the generational task registry,
 * FutureIterator, Future's rare fields) took it to 18,175; a Task without its registry
 * links (fresh tasks found in the ready queue, young ones in per-iteration buckets) to 18,714;
 * a closed loop leaving its core and tables to the next loop (and a closed core in their
 * place) to 19,004.
 */
const LITE_BUDGET = 19_100;
/**
 * The same import from the main entry, which installs the I/O layer behind the loop's I/O
 * methods (sockets, subprocesses, pipes, executors and their hosts): 36,305 with Node's
 * sockets alone, 41,411 with Deno's own sockets and Workers' connect() beside them, 44,012
 * with observability.
 */
const FULL_BUDGET = 47_000;
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

  /** Bundles `import { EventLoop, sleep } from <entry>` minified; returns its gzipped size and modules, and runs it. */
  async function bundleMinimal(entry: string, name: string): Promise<{ gzipped: number; modules: string[] }> {
    const { build } = await import("esbuild");
    writeFileSync(
      join(project, `${name}.mjs`),
      `import { EventLoop, sleep } from "${entry}";\n` +
        'const loop = new EventLoop({ clock: "virtual" });\n' +
        "console.log(loop.runUntilCompleteSync(sleep(5, 'minimal')), loop.time());\n",
    );
    const result = await build({
      entryPoints: [join(project, `${name}.mjs`)], bundle: true, format: "esm", platform: "neutral",
      minify: true, write: false, metafile: true, logLevel: "silent",
    });
    const code = result.outputFiles[0].contents;
    const gzipped = gzipSync(code, { level: 9 }).length;
    const modules = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([p]) => p.replace(/^.*node_modules\/wasmloop\//, ""));
    console.log(`{ EventLoop, sleep } from ${entry}: ${code.length} bytes minified, ${gzipped} bytes gzipped; modules: ${modules.join(" ")}`);
    writeFileSync(join(project, `out-${name}.mjs`), code);
    expect(execFileSync(process.execPath, [join(project, `out-${name}.mjs`)], { encoding: "utf8" })).toBe("minimal 5\n");
    return { gzipped, modules };
  }

  it(`bundles { EventLoop, sleep } from wasmloop/lite to at most ${LITE_BUDGET} bytes gzipped, with no I/O module`, async () => {
    // the floor of every app's bundle: the loop, Futures, Tasks, context variables and the
    // inline wasm. Code added to the package must not land in it unless those need it (the
    // reference core once did, through the `core` option; the I/O layer would, through the
    // loop's I/O methods, were they not called through src/io-layer.ts)
    const { gzipped, modules } = await bundleMinimal("wasmloop/lite", "lite");
    expect(modules.filter((m) => m.includes("reference") || m.startsWith("dist/io/"))).toEqual([]);
    expect(gzipped).toBeLessThanOrEqual(LITE_BUDGET);
  });

  it(`bundles { EventLoop, sleep } from the main entry to at most ${FULL_BUDGET} bytes gzipped`, async () => {
    const { gzipped, modules } = await bundleMinimal("wasmloop", "full");
    expect(modules.filter((m) => m.includes("reference"))).toEqual([]);
    expect(modules).toContain("dist/io/layer.js");
    expect(gzipped).toBeLessThanOrEqual(FULL_BUDGET);
  });

  it("refuses the loop's I/O methods under wasmloop/lite alone, naming the call and the remedy", () => {
    writeFileSync(
      join(project, "lite-io.mjs"),
      'import { EventLoop, NotImplementedError } from "wasmloop/lite";\n' +
        'const loop = new EventLoop({ clock: "virtual" });\n' +
        "try { loop.runInExecutor(null, () => 1); } catch (e) { console.log(e instanceof NotImplementedError, e.message); }\n" +
        "console.log(loop.runUntilCompleteSync(loop.shutdownDefaultExecutor()));\n" +
        "loop.close();\n",
    );
    expect(execFileSync(process.execPath, [join(project, "lite-io.mjs")], { encoding: "utf8" })).toBe(
      'true runInExecutor: the I/O layer is not loaded: this program imports "wasmloop/lite", the asyncio layer alone; ' +
        'add import "wasmloop/io" (or import from "wasmloop")\nundefined\n',
    );
  });

  it("under wasmloop/lite, shutdownDefaultExecutor is still asyncio's coroutine: run() closes with the same iterations", () => {
    writeFileSync(
      join(project, "lite-shutdown.mjs"),
      'import { run, getRunningLoop } from "wasmloop/lite";\n' +
        "const links = [];\n" +
        "function link(n) { links.push(n); if (n < 20) getRunningLoop().callSoon(link, n + 1); }\n" +
        "function* main() { getRunningLoop().callSoon(link, 0); }\n" +
        'await run(main(), { clock: "virtual" });\n' +
        'console.log(links.join(","));\n',
    );
    // link 0 with main's stop, 1-2 in shutdown_asyncgens, 3-4 in shutdown_default_executor
    expect(execFileSync(process.execPath, [join(project, "lite-shutdown.mjs")], { encoding: "utf8" })).toBe("0,1,2,3,4\n");
  });

  it("makes the loop's I/O methods work under wasmloop/lite once wasmloop/io is imported, bundled", async () => {
    const { build } = await import("esbuild");
    writeFileSync(
      join(project, "lite-plus-io.mjs"),
      'import { EventLoop, sleep } from "wasmloop/lite";\n' +
        'import { MemoryNetwork, openConnection, startServer } from "wasmloop/io";\n' +
        'const loop = new EventLoop({ clock: "virtual", network: new MemoryNetwork({ latency: 0.5 }) });\n' +
        "function* main() {\n" +
        "  const server = yield* startServer(function* (r, w) { w.write(yield* r.readline()); w.close(); }, \"127.0.0.1\", 0);\n" +
        "  const [r, w] = yield* openConnection(\"127.0.0.1\", server.sockets[0].port);\n" +
        "  w.write(\"ping\\n\");\n" +
        "  const line = new TextDecoder().decode(yield* r.readline());\n" +
        "  server.close();\n" +
        "  return `${line.trim()} at ${loop.time()}`;\n" +
        "}\n" +
        "console.log(loop.runUntilCompleteSync(main()));\n",
    );
    const result = await build({
      entryPoints: [join(project, "lite-plus-io.mjs")], bundle: true, format: "esm", platform: "neutral",
      minify: true, write: false, logLevel: "silent",
    });
    writeFileSync(join(project, "out-lite-plus-io.mjs"), result.outputFiles[0].contents);
    expect(execFileSync(process.execPath, [join(project, "out-lite-plus-io.mjs")], { encoding: "utf8" })).toBe("ping at 2\n"); // a connect round trip, then the line's
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
