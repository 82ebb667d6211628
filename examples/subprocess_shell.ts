// asyncio's subprocess example (asyncio-subprocess docs): run a shell command, collect its
// output and exit status with communicate(); then two commands at once under gather().
// `ls /zzz` fails as GNU ls does (exit status 2; macOS's ls says 1), and `sleep 1` takes one
// real second: the second command finishes after the first.
import { EventLoop, PIPE, createSubprocessShell, gather } from "wasmloop";

/** Python's repr() of a str, for the f-string's {cmd!r}. */
const repr = (s: string) => (s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/'/g, "\\'")}'`);

function* run(cmd: string) {
  const proc = yield* createSubprocessShell(cmd, { stdout: PIPE, stderr: PIPE });

  const [stdout, stderr] = yield* proc.communicate();

  console.log(`[${repr(cmd)} exited with ${proc.returncode}]`);
  if (stdout!.length > 0) console.log(`[stdout]\n${new TextDecoder().decode(stdout!)}`);
  if (stderr!.length > 0) console.log(`[stderr]\n${new TextDecoder().decode(stderr!)}`);
}

function* main() {
  yield* gather(run("ls /zzz"), run('sleep 1; echo "hello"'));
}

const loop = new EventLoop();
await loop.runUntilComplete(run("ls /zzz"));
await loop.runUntilComplete(main());
loop.close();
