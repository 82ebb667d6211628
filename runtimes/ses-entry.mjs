// The SES row: after lockdown(), the package and the check body (one script, bundled by
// run.mjs: ses 2.x needs @endo/module-source to load ESM source into a compartment, and a
// bundle is what a host ships anyway) are evaluated inside a Compartment whose only
// endowments are the ones the README lists. Run twice:
//   globals   WebAssembly, console, performance, setTimeout, clearTimeout as globals;
//   injected  WebAssembly alone (no console either): the loops get the clock, the timers and
//             a way to block as host capabilities, new EventLoop({ host }).
// SES removes SharedArrayBuffer and Atomics from compartments, so runUntilCompleteSync can
// wait for a real-clock timer only with an injected `host.block`; with globals alone it
// refuses with RuntimeError. Likewise a compartment has no threads: with globals alone the
// executor refuses with NotImplementedError; injected, the host lends it Node's worker_threads
// as `host.worker`.
// The namespace is hardened before use as the README's recipe says, copied first so that
// harden() reaches the classes (the bundle's exports are getters): the package keeps working
// with every class, prototype and function frozen.
import "ses";
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";

const [bundlePath, mode] = process.argv.slice(2);
lockdown({ errorTaming: "unsafe", consoleTaming: "unsafe" });

const bundle = readFileSync(bundlePath, "utf8");
const cell = new Int32Array(new SharedArrayBuffer(4));
const capabilities = harden({
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h),
  block: (ms) => void Atomics.wait(cell, 0, 0, ms),
  // the executor's workers: the script wasmloop gives, run by the host's worker_threads
  worker: (script, events) => {
    const w = new Worker(script.source, { eval: true, name: script.name });
    w.on("message", (m) => events.message(m));
    w.on("error", (e) => events.error(e));
    w.on("exit", (code) => events.exit(code));
    return { postMessage: (m) => w.postMessage(m), terminate: () => w.terminate(), ref: () => w.ref(), unref: () => w.unref() };
  },
});
const globals =
  mode === "globals"
    ? {
        WebAssembly,
        console,
        performance: harden({ now: capabilities.now }),
        setTimeout: capabilities.setTimeout,
        clearTimeout: capabilities.clearTimeout,
      }
    : { WebAssembly };
const compartment = new Compartment({ globals, __options__: true });

const g = compartment.globalThis;
const snapshot = () => new Map(Object.getOwnPropertyNames(g).map((k) => [k, Object.getOwnPropertyDescriptor(g, k).value]));
const before = snapshot();
const { api, runChecks } = compartment.evaluate(bundle);
// no Web Streams among the endowments: the pipe check is handed the host's TransformStream
const results = await runChecks(
  harden({ ...api }),
  mode === "globals"
    ? { blocking: false, threads: false, subprocesses: "none", TransformStream }
    : { blocking: true, threads: true, host: capabilities, subprocesses: "none", TransformStream },
);
const changed = [...snapshot()].filter(([k, v]) => !before.has(k) || !Object.is(before.get(k), v)).map(([k]) => k);
results.unshift({
  name: `endowed only ${Object.keys(globals).join(", ")}; the package and its loops add or replace no global of the compartment`,
  ok: changed.length === 0,
  detail: changed.join(", "),
});
console.log(JSON.stringify(results));
