// npm start: compiles the examples (TypeScript → build/examples, `using` downlevelled for
// Node 20) and runs each one, printing a header per example.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const out = join(root, "build", "examples");

/** The examples, in the order the seed documents show them. */
export const EXAMPLES = [
  "hello_world_callback",
  "hello_world_every_two_seconds",
  "display_date",
  "hello_world_coroutine",
  "chain_coroutines",
  "parallel_factorial",
  "trace_parallel_factorial",
  "call_graph",
  "future_done_callback",
  "wait_for_timeout",
  "cl_loop",
  "task_group",
  "timeout",
  "timeout_at",
  "timeout_reschedule",
  "queue_workers",
  "sync_lock",
  "sync_event",
  "sync_condition",
  "sync_semaphore",
  "sync_barrier",
  "run_in_executor",
  "tcp_echo_streams",
  "tcp_echo_protocols",
  "tcp_echo_memory_network",
  "subprocess_shell",
  "subprocess_date",
];

export function compileExamples() {
  execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(here, "tsconfig.json")], {
    stdio: "inherit",
  });
}

export function runExample(name) {
  return execFileSync(process.execPath, [join(out, `${name}.js`)], { encoding: "utf8", timeout: 30_000 });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  compileExamples();
  const missing = readdirSync(here).filter((f) => f.endsWith(".ts") && !EXAMPLES.includes(f.slice(0, -3)));
  if (missing.length > 0) throw new Error(`examples not listed in run-all.mjs: ${missing.join(", ")}`);
  for (const name of EXAMPLES) {
    console.log(`\n=== ${name} ===`);
    process.stdout.write(runExample(name));
  }
}
