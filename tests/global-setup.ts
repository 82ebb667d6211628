// Compiled once before any test file runs: examples.test.ts, trace.test.ts and trace-svg.test.ts
// all run build/examples/*.js, and a file compiling them while another runs them (vitest runs
// files side by side on a machine with more cores) would run a half-written script.
// @ts-expect-error: a plain .mjs script without types
import { compileExamples } from "../examples/run-all.mjs";

export default function setup(): void {
  compileExamples();
}
