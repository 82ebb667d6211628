// The shipped declarations as consumers compile them: the packed tarball installed into a
// new project, a small program that uses every entry, type-checked with skipLibCheck: false
// (so the package's own .d.ts are checked too) under each environment's types: the DOM lib,
// @types/node, Cloudflare's workers types, and Deno. Also: no internal member is visible.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name: string) => join(root, "node_modules", ".bin", name);
let dir = "";
let project = "";

/** A consumer's program: every entry, the main classes and functions, the typed results. */
const PROGRAM = `import { EventLoop, Future, Task, CancelledError, gather, wait, asCompleted, sleep, waitFor, type Awaitable } from "wasmloop";
import { setSchedulerModule } from "wasmloop/workers";
import type schedulerModule from "wasmloop/scheduler.wasm";

function* add(x: number, y: number) {
  yield* sleep(0.5);
  return x + y;
}
function* label() {
  return "label";
}
const loop = new EventLoop({ clock: "virtual" });
const pair: [number, string] = loop.runUntilCompleteSync(gather(add(1, 2), label()));
const task: Task<number> = loop.createTask(add(3, 4));
const fut: Future<string> = loop.createFuture<string>();
const done = wait([add(1, 1), label()]);
const each = asCompleted([add(1, 1), label()]);
const timed: Future<number> = waitFor(add(1, 1), 1);
const aw: Awaitable<number> = task;
const err = new CancelledError(Symbol.for("why"));
const mod: typeof schedulerModule | null = null;
export const used = [pair, fut, done, each, timed, aw, err.args, mod, setSchedulerModule, loop[Symbol.dispose]];
`;

/** A Worker's program: connect() from cloudflare:sockets given as a loop's host.connect and to setConnect. */
const WORKERS_SOCKETS = `import { connect } from "cloudflare:sockets";
import { EventLoop, openConnection, setConnect } from "wasmloop/workers";

setConnect(connect);
const loop = new EventLoop({ host: { connect } });
export const used = [loop, openConnection];
`;

function tsconfig(lib: string[], types: string[], files = ["main.ts"]): string {
  return JSON.stringify({
    compilerOptions: {
      target: "ES2022", lib, types, module: "NodeNext", moduleResolution: "NodeNext",
      strict: true, noEmit: true, skipLibCheck: false,
    },
    files,
  });
}

/** tsc's errors for the project with this config, "" when it compiles. */
function tsc(config: string): string {
  try {
    execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", config], { cwd: project, encoding: "utf8" });
    return "";
  } catch (e) {
    return String((e as { stdout?: string }).stdout || e);
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "wasmloop-consumers-"));
  const npm = (args: string[], cwd: string) =>
    execFileSync("npm", [...args, "--no-audit", "--no-fund"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const packed = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", dir], root))[0];
  project = join(dir, "app");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", type: "module", private: true }));
  npm(["install", "--offline", join(dir, packed.filename)], project);
  // the environments' types, as a consumer would have installed them
  mkdirSync(join(project, "node_modules", "@types"), { recursive: true });
  mkdirSync(join(project, "node_modules", "@cloudflare"), { recursive: true });
  symlinkSync(join(root, "node_modules", "@types", "node"), join(project, "node_modules", "@types", "node"));
  symlinkSync(join(root, "node_modules", "@cloudflare", "workers-types"), join(project, "node_modules", "@cloudflare", "workers-types"));
  writeFileSync(join(project, "main.ts"), PROGRAM);
  writeFileSync(join(project, "tsconfig.dom.json"), tsconfig(["ES2022", "DOM"], []));
  writeFileSync(join(project, "tsconfig.node.json"), tsconfig(["ES2022"], ["node"]));
  writeFileSync(join(project, "tsconfig.workers.json"), tsconfig(["ES2022"], ["@cloudflare/workers-types"]));
  writeFileSync(join(project, "workers-sockets.ts"), WORKERS_SOCKETS);
  writeFileSync(join(project, "tsconfig.workers-sockets.json"), tsconfig(["ES2022"], ["@cloudflare/workers-types"], ["workers-sockets.ts"]));
  writeFileSync(join(project, "deno.json"), JSON.stringify({ nodeModulesDir: "manual" }));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the shipped declarations", () => {
  it("compile with skipLibCheck: false under the DOM lib", () => {
    expect(tsc("tsconfig.dom.json")).toBe("");
  });

  it("compile with skipLibCheck: false under @types/node and no DOM", () => {
    expect(tsc("tsconfig.node.json")).toBe("");
  });

  it("compile with skipLibCheck: false under @cloudflare/workers-types and no DOM", () => {
    expect(tsc("tsconfig.workers.json")).toBe("");
  });

  it("take Workers' connect from cloudflare:sockets as host.connect and for setConnect (workers types)", () => {
    expect(tsc("tsconfig.workers-sockets.json")).toBe("");
  });

  it("pass deno check, the package's declarations included", () => {
    const out = execFileSync(bin("deno"), ["check", "--all", "main.ts"], {
      cwd: project, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" },
    });
    expect(out).not.toMatch(/error/i);
  }, 60_000);

  it("hold no internal member: nothing named with a leading underscore", () => {
    const dist = join(project, "node_modules", "wasmloop", "dist");
    const files = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".d.ts"));
    expect(files.length).toBeGreaterThan(10);
    const member = /^\s*(?:(?:readonly|static|protected|private|public|abstract|override|declare|get|set|export|function|const|let|class|interface|type)\s+)*_\w*\s*[(:?<=;]/;
    const leaks = files.flatMap((f) =>
      readFileSync(join(dist, f), "utf8").split("\n").filter((line) => member.test(line)).map((line) => `${f}: ${line.trim()}`),
    );
    expect(leaks).toEqual([]);
  });
});
