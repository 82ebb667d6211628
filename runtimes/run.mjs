// The runtime matrix (npm run test:runtimes): the same check body (check.mjs) in Node, Deno,
// Bun, Chromium (main thread and a dedicated Worker), Cloudflare's workerd and an SES
// compartment, each with the real runtime, plus the examples written for those hosts, plus
// the I/O checks (io-check.mjs) in Node and Bun.
// Prints PASS/FAIL per row (VERBOSE=1: every check) and ends with `N passed, M failed`.
// Every child process has a time limit and the whole run has one (DEADLINE_MS).
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { report } from "./check.mjs";

const DEADLINE_MS = 110_000;
const CHROME_SYNC_COMPILE_LIMIT = 4096;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const work = mkdtempSync(join(tmpdir(), "wasmloop-runtimes-"));
const children = new Set();

/** Spawns a child that the watchdog and the end of the run kill if it is still there. */
function track(child) {
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

/** Runs a command with a time limit; resolves to its stdout, rejects with the end of its output. */
function run(cmd, args, { timeout = 60_000, cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const child = track(spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] }));
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeout);
    child.on("error", (e) => reject(e));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} exited with ${signal ?? code}: ${(err || out).trim().split("\n").slice(-3).join(" | ")}`));
    });
  });
}

const lastJson = (out) => JSON.parse(out.trim().split("\n").pop());

/** A port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * A static server on 127.0.0.1 for dist/, build/, runtimes/ and examples/, cross-origin
 * isolated (COOP + COEP) so that a dedicated worker gets SharedArrayBuffer and Atomics.wait.
 */
function serve() {
  const types = { ".js": "text/javascript", ".mjs": "text/javascript", ".html": "text/html", ".wasm": "application/wasm" };
  const server = createServer((req, res) => {
    let path = new URL(req.url, "http://x").pathname; // URL parsing has resolved any ../
    if (path.endsWith("/")) path += "index.html";
    if (!/^\/(dist|build|runtimes|examples)\//.test(path)) return res.writeHead(404).end();
    try {
      const body = readFileSync(join(root, decodeURIComponent(path)));
      res.writeHead(200, {
        "content-type": types[extname(path)] ?? "application/octet-stream",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
      }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * Whether the browser example printed examples/expected/parallel_factorial.txt, then its
 * results after three 1-second sleeps of real time run side by side: never early (3.0 s, to
 * the tenth), and under the 6 s they would take one after another (a busy machine's timers are late).
 */
function browserExampleOk(printed) {
  const expected = readFileSync(join(root, "examples", "expected", "parallel_factorial.txt"), "utf8").trimEnd().split("\n");
  const last = /^results: 2, 6, 24 after (\d+\.\d) s$/.exec(printed.at(-1) ?? "");
  return JSON.stringify(printed.slice(0, -1)) === JSON.stringify(expected) && last !== null && Number(last[1]) >= 3 && Number(last[1]) < 6;
}

async function chromium() {
  const { chromium } = await import("playwright-core");
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const userDataDir = mkdtempSync(join(work, "chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    timeout: 30_000,
  });
  try {
    const open = async (path) => {
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(origin + path);
      return { page, errors };
    };
    // both pages at once: the example sleeps 3 s of real time
    const [checks, example] = await Promise.all([open("/runtimes/browser.html"), open("/examples/browser/")]);
    const waitFor = (p, fn, what) =>
      p.page.waitForFunction(fn, null, { timeout: 30_000 }).catch(() => {
        throw new Error(`${what} did not finish: ${p.errors.join("; ") || "no page error"}`);
      });
    await waitFor(checks, () => window.mainResults && window.workerResults, "runtimes/browser.html");
    await waitFor(example, () => /results:/.test(document.getElementById("out").textContent), "examples/browser/");
    const printed = (await example.page.evaluate(() => document.getElementById("out").textContent)).trimEnd().split("\n");
    const same = browserExampleOk(printed);
    return {
      "chromium-main": await checks.page.evaluate(() => window.mainResults),
      "chromium-worker": await checks.page.evaluate(() => window.workerResults),
      "browser example (chromium)": [{
        name: "examples/browser/ prints parallel_factorial's lines, then its results after 3.0 s",
        ok: same,
        detail: same ? "" : `got ${JSON.stringify(printed)}`,
      }],
    };
  } finally {
    await context.close();
    server.close();
    server.closeAllConnections();
  }
}

/**
 * Serves a Workers config with `workerd serve` on a free 127.0.0.1 port (its socket "http"
 * moved there with --socket-addr), fetches / once and returns the JSON answer.
 */
async function fetchFromWorkerd(configPath, cwd) {
  const port = await freePort();
  const child = track(spawn(bin("workerd"), ["serve", configPath, `--socket-addr=http=127.0.0.1:${port}`], { cwd, stdio: ["ignore", "pipe", "pipe"] }));
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const tail = () => output.trim().split("\n").slice(-3).join(" | ");
  try {
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}: ${tail()}`);
      let res;
      try {
        res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(15_000) });
      } catch (e) {
        if (e.name === "TimeoutError") throw new Error(`workerd did not answer within 15 s: ${tail()}`);
        await new Promise((r) => setTimeout(r, 100)); // not listening yet
        continue;
      }
      const text = await res.text();
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)} ${tail()}`);
      return JSON.parse(text);
    }
    throw new Error(`workerd did not start listening: ${tail()}`);
  } finally {
    child.kill("SIGKILL");
  }
}

/**
 * Echo servers on 127.0.0.1 for the rows that connect out through an injected connect()
 * (workerd): plain, and TLS with the test CA's leaf certificate (the row's runtime is told to
 * trust the CA). Each echoes what it reads and half-closes after the client does.
 */
async function echoServers() {
  const tlsDir = join(root, "tests", "fixtures", "tls");
  const echo = (sock) => {
    sock.on("data", (d) => sock.write(d));
    sock.on("end", () => sock.end());
    sock.on("error", () => {});
  };
  const plain = createNetServer({ allowHalfOpen: true }, echo);
  const secure = createTlsServer(
    { key: readFileSync(join(tlsDir, "leaf-key.pem")), cert: readFileSync(join(tlsDir, "leaf.pem")), allowHalfOpen: true },
    echo,
  );
  secure.on("tlsClientError", () => {});
  const listen = (server) => new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));
  const [port, tlsPort] = await Promise.all([listen(plain), listen(secure)]);
  return {
    port,
    tlsPort,
    close() {
      plain.close();
      secure.close();
    },
  };
}

async function workerd() {
  const dir = join(work, "workerd");
  mkdirSync(dir);
  // the Workers entry as one module, the way a bundler ships it; it must neither carry the
  // wasm bytes nor compile any (workerd would refuse the latter, this names the cause)
  await build({ entryPoints: [join(root, "dist", "workers.js")], bundle: true, format: "esm", outfile: join(dir, "wasmloop-workers.mjs"), logLevel: "error" });
  const bundle = readFileSync(join(dir, "wasmloop-workers.mjs"), "utf8");
  if (/SCHEDULER_WASM|\\x00asm|\\0asm/.test(bundle)) throw new Error("wasmloop/workers carries the wasm bytes");
  for (const f of ["workerd-worker.mjs", "entry-checks.mjs", "check.mjs"]) copyFileSync(join(here, f), join(dir, f));
  copyFileSync(join(root, "build", "scheduler.wasm"), join(dir, "scheduler.wasm"));
  copyFileSync(join(root, "tests", "fixtures", "tls", "ca.pem"), join(dir, "ca.pem"));
  const modules = [
    ["workerd-worker.mjs", "esModule"], ["entry-checks.mjs", "esModule"], ["check.mjs", "esModule"],
    ["wasmloop-workers.mjs", "esModule"], ["scheduler.wasm", "wasm"],
  ];
  // the worker's connect() reaches 127.0.0.1 only through a network service that allows
  // local addresses (the default, "internet", refuses them); it trusts the test CA for TLS
  const echo = await echoServers();
  writeFileSync(join(dir, "config.capnp"), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .checkWorker),
    (name = "localnet", network = (allow = ["local"], tlsOptions = (trustedCertificates = [embed "ca.pem"]))),
  ],
  sockets = [(name = "http", address = "127.0.0.1:8787", http = (), service = "main")],
);
const checkWorker :Workerd.Worker = (
  modules = [
${modules.map(([name, kind]) => `    (name = "${name}", ${kind} = embed "${name}"),`).join("\n")}
  ],
  compatibilityDate = "2024-09-23",
  bindings = [(name = "ECHO_PORT", text = "${echo.port}"), (name = "TLS_ECHO_PORT", text = "${echo.tlsPort}")],
  globalOutbound = "localnet",
);
`);
  try {
    return await fetchFromWorkerd(join(dir, "config.capnp"), dir);
  } finally {
    echo.close();
  }
}

/** examples/workers/ as its README says to run it: bundle worker.mjs, serve config.capnp unchanged. */
async function workersExample() {
  const dir = join(root, "examples", "workers");
  await build({
    entryPoints: [join(dir, "worker.mjs")], bundle: true, format: "esm",
    outfile: join(dir, "build", "worker.mjs"), external: ["*.wasm"], logLevel: "error",
  });
  const body = await fetchFromWorkerd(join(dir, "config.capnp"), dir);
  const expected = ["header after 20 ms", "body after 30 ms", "footer timed out after 50 ms"];
  const ok = JSON.stringify(body) === JSON.stringify(expected);
  return [{ name: "answers with the gather + waitFor results", ok, detail: ok ? "" : JSON.stringify(body) }];
}

/** Deno with `npm:wasmloop`: the packed tarball installed offline into a new project's node_modules. */
async function denoNpm() {
  const app = join(work, "deno-app");
  mkdirSync(app);
  const packed = JSON.parse(await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work]))[0];
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", join(work, packed.filename)], { cwd: app });
  for (const f of ["entry-npm.mjs", "entry-checks.mjs", "check.mjs"]) copyFileSync(join(here, f), join(app, f));
  return lastJson(await run(bin("deno"), ["run", "--no-prompt", "entry-npm.mjs"], { cwd: app, timeout: 30_000 }));
}

/**
 * Deno's own sockets (Deno.connect, Deno.listen, their TLS variants): io-check.mjs with just
 * the permissions it needs (net on 127.0.0.1 and one Unix socket path, reading the test
 * certificates), and without any (every call refused with PermissionError naming the flag).
 */
async function denoIo(granted) {
  const importMap = ["--import-map", join(here, "deno-import-map.json")];
  if (!granted) return lastJson(await run(bin("deno"), ["run", "--no-prompt", ...importMap, join(here, "io-check.mjs"), "no-net"]));
  const dir = mkdtempSync(join(work, "deno-io-"));
  const flags = [
    `--allow-net=127.0.0.1,unix:${join(dir, "s.sock")}`,
    `--allow-read=${join(root, "tests", "fixtures", "tls")},${dir}`,
    `--allow-write=${dir}`,
  ];
  return lastJson(await run(bin("deno"), ["run", "--no-prompt", ...flags, ...importMap, join(here, "io-check.mjs"), "full", dir]));
}

async function ses(mode) {
  const entry = join(work, `ses-${mode}.js`);
  const src = join(work, `ses-${mode}-src.mjs`);
  writeFileSync(src,
    `export * as api from ${JSON.stringify(join(root, "dist", "index.js"))};\n` +
    `export { runChecks } from ${JSON.stringify(join(here, "check.mjs"))};\n`);
  await build({ entryPoints: [src], bundle: true, format: "iife", globalName: "wasmloopBundle", outfile: entry, logLevel: "error" });
  // the compartment evaluates an expression: the bundle's value
  writeFileSync(entry, `(() => {${readFileSync(entry, "utf8")}; return wasmloopBundle; })()`);
  return lastJson(await run(process.execPath, [join(here, "ses-entry.mjs"), entry, mode]));
}

async function pluginHost() {
  const out = await run(process.execPath, [join(root, "examples", "plugin-host", "host.mjs")]);
  const expected = readFileSync(join(root, "examples", "plugin-host", "expected.txt"), "utf8");
  return [{ name: "prints examples/plugin-host/expected.txt", ok: out === expected, detail: out === expected ? "" : out }];
}

const rows = [
  ["node", async () => lastJson(await run(process.execPath, [join(here, "entry.mjs")]))],
  ["deno", async () => lastJson(await run(bin("deno"), ["run", "--no-prompt", "--import-map", join(here, "deno-import-map.json"), join(here, "entry.mjs")]))],
  ["deno (--allow-run)", async () => lastJson(await run(bin("deno"), ["run", "--no-prompt", "--allow-run", "--import-map", join(here, "deno-import-map.json"), join(here, "entry.mjs")]))],
  ["deno (npm:wasmloop, packed)", denoNpm],
  ["bun", async () => lastJson(await run(bin("bun"), [join(here, "entry.mjs")]))],
  // networking: the runtimes whose own sockets the package reaches (node:net and node:tls;
  // Deno.connect and Deno.listen); workerd, Chromium and SES check theirs in their rows
  ["node (I/O)", async () => lastJson(await run(process.execPath, [join(here, "io-check.mjs")]))],
  ["bun (I/O)", async () => lastJson(await run(bin("bun"), [join(here, "io-check.mjs")]))],
  ["deno (I/O, --allow-net=127.0.0.1)", () => denoIo(true)],
  ["deno (I/O, no permission flags)", () => denoIo(false)],
  ["chromium", chromium],
  ["workerd", workerd],
  ["workers example (workerd)", workersExample],
  ["ses (globals endowed)", () => ses("globals")],
  ["ses (host capabilities injected)", () => ses("injected")],
  ["plugin-host example (ses)", pluginHost],
];

const started = Date.now();
const killAll = () => {
  for (const child of children) child.kill("SIGKILL");
};
const watchdog = setTimeout(() => {
  console.log(`FAIL matrix: not finished after ${DEADLINE_MS / 1000} s`);
  killAll();
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}, DEADLINE_MS);

const wasmBytes = statSync(join(root, "build", "scheduler.wasm")).size;
console.log(`scheduler.wasm: ${wasmBytes} bytes` +
  (wasmBytes > CHROME_SYNC_COMPILE_LIMIT
    ? ` — OVER the ${CHROME_SYNC_COMPILE_LIMIT} bytes Chrome compiles synchronously on a page's main thread`
    : ` (Chrome compiles up to ${CHROME_SYNC_COMPILE_LIMIT} synchronously on a page's main thread)`));

let passed = 0;
let failed = 0;
// ROWS=workerd,ses: only the rows whose names contain one of these (while working on them)
const only = process.env.ROWS ? process.env.ROWS.split(",") : null;
for (const [name, fn] of rows) {
  if (only && !only.some((part) => name.includes(part))) continue;
  let outcome;
  try {
    outcome = await fn();
  } catch (e) {
    outcome = [{ name: "run", ok: false, detail: String(e.message ?? e) }];
  }
  const byRuntime = Array.isArray(outcome) ? { [name]: outcome } : outcome;
  for (const [runtime, results] of Object.entries(byRuntime)) {
    const bad = Array.isArray(results) ? results.filter((r) => !r.ok) : [{ name: "results", detail: JSON.stringify(results) }];
    const ok = results.length > 0 && bad.length === 0;
    ok ? passed++ : failed++;
    console.log(ok ? `PASS ${runtime}` : `FAIL ${runtime}: ${bad.map((r) => `${r.name}: ${String(r.detail).split("\n")[0]}`).join("; ") || "no checks ran"}`);
    if (process.env.VERBOSE && Array.isArray(results)) console.log(report(results).replace(/^/gm, "     "));
  }
}
clearTimeout(watchdog);
killAll();
rmSync(work, { recursive: true, force: true });
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
