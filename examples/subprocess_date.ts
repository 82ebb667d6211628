// asyncio's "use a subprocess to read the current date" (asyncio-subprocess docs): a child
// prints the date, the parent reads one line of its stdout through a PIPE, then waits for it
// to exit. Python's child is sys.executable; ours is this Node (process.execPath). So that
// the output is the same on every run, the child's clock starts at a fixed date, given in its
// environment (as display_date starts at one).
import { EventLoop, PIPE, createSubprocessExec } from "wasmloop";

const FIXED_NOW = String(Date.UTC(2026, 10, 23, 12, 0, 0));

function* getDate() {
  // print(datetime.datetime.now()), with the fixed clock
  const code = "console.log(new Date(Number(process.env.NOW_MS)).toISOString().replace('T', ' ').slice(0, 19))";

  // Create the subprocess; redirect the standard output
  // into a pipe.
  const proc = yield* createSubprocessExec(process.execPath, "-e", code, {
    stdout: PIPE,
    env: { ...process.env, NOW_MS: FIXED_NOW } as Record<string, string>,
  });

  // Read one line of output.
  const data = yield* proc.stdout!.readline();
  const line = new TextDecoder("ascii").decode(data).trimEnd();

  // Wait for the subprocess exit.
  yield* proc.wait();
  return line;
}

const loop = new EventLoop();
const date = await loop.runUntilComplete(getDate());
loop.close();
console.log(`Current date: ${date}`);
