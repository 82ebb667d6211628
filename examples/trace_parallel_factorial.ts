// "Parallel execution of tasks" (parallel_factorial.ts), traced on the virtual clock: the
// trace shows each task's steps in loop time, the timers of its sleeps, and the wake-ups.
//   node build/examples/trace_parallel_factorial.js           prints what the tasks print, then a summary
//   node build/examples/trace_parallel_factorial.js DIR       also writes DIR/parallel_factorial.json
//                                                             (open it in ui.perfetto.dev) and .svg
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { EventLoop, gather, setEventLoop, sleep, traceToSvg } from "wasmloop";

function* factorial(name: string, number: number) {
  let f = 1;
  for (let i = 2; i <= number; i++) {
    console.log(`Task ${name}: Compute factorial(${i})...`);
    yield* sleep(1);
    f *= i;
  }
  console.log(`Task ${name}: factorial(${number}) = ${f}`);
}

const loop = new EventLoop({ clock: "virtual" });
setEventLoop(loop);
loop.startTrace();
loop.runUntilCompleteSync(gather(factorial("A", 2), factorial("B", 3), factorial("C", 4)));
const trace = loop.stopTrace();
loop.close();

const slices = trace.traceEvents.filter((e) => e.ph === "X");
const tracks = trace.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => e.args!.name);
const wakeups = trace.traceEvents.filter((e) => e.ph === "f" && e.name === "wakeup");
console.log(`trace: ${slices.length} slices on ${tracks.length} tracks (${tracks.join(", ")}), ${wakeups.length} wake-ups`);
console.log(`last slice at t=${slices[slices.length - 1].args!.t} s`);

const dir = process.argv[2];
if (dir !== undefined) {
  writeFileSync(join(dir, "parallel_factorial.json"), JSON.stringify(trace, null, 1) + "\n");
  writeFileSync(join(dir, "parallel_factorial.svg"), traceToSvg(trace, { title: "parallel_factorial: gather(factorial('A', 2), factorial('B', 3), factorial('C', 4)) on the virtual clock" }));
}
