// The matrix's Workers script: the package comes from the `wasmloop/workers` entry (no wasm
// bytes inside: Workers forbid compiling them) and the scheduler from the .wasm module the
// runtime compiled. Nothing runs at global scope but module linking and setSchedulerModule:
// Workers refuse timers and I/O there. Sockets: connect() from cloudflare:sockets, given to
// the loops as `host.connect` and once through setConnect, to echo servers run.mjs starts on
// 127.0.0.1 (ports in the ECHO_PORT and TLS_ECHO_PORT bindings).
import { connect } from "cloudflare:sockets";
import mod from "./scheduler.wasm";
import { checkEntry } from "./entry-checks.mjs";
import * as api from "./wasmloop-workers.mjs";

api.setSchedulerModule(mod);

/**
 * What `time()` is made of on Workers. Deployed, Date.now() and performance.now() are the
 * same millisecond clock, frozen while JavaScript runs and moved on by I/O and timers
 * (Cloudflare's Spectre mitigation); `workerd serve` lets them run during CPU work too
 * (Cloudflare documents that local development does). Either way a timer moves them by at
 * least its delay, which is what the loop's real clock needs.
 */
async function workersClock() {
  const p0 = performance.now();
  const d0 = Date.now();
  let x = 0;
  for (let i = 0; i < 2e7; i++) x = (x + i) % 7919;
  const duringCpu = performance.now() - p0;
  await new Promise((resolve) => setTimeout(resolve, 50));
  const perf = performance.now() - p0;
  const date = Date.now() - d0;
  if (!(perf >= 50 && date >= 50)) throw new Error(`after a 50 ms timer: performance.now +${perf} ms, Date.now +${date} ms`);
  // x goes into the detail so the CPU loop cannot be optimised away
  return `after a 50 ms timer: +${perf} ms; during a CPU loop (${x}): +${duringCpu} ms`;
}

export default {
  async fetch(request, env) {
    const results = await checkEntry(api, "wasmloop/workers + the .wasm module", {
      blocking: false,
      threads: false,
      subprocesses: "none",
      net: {
        runtime: "Cloudflare Workers",
        connect,
        setConnect: true,
        echoPort: Number(env.ECHO_PORT),
        tlsEchoPort: Number(env.TLS_ECHO_PORT),
      },
    });
    const name = "Workers clock: a 50 ms timer moves Date.now and performance.now by ≥ 50 ms";
    try {
      results.push({ name, ok: true, detail: await workersClock() });
    } catch (e) {
      results.push({ name, ok: false, detail: String(e) });
    }
    return Response.json(results);
  },
};
