// What still runs while asyncio.run() and Runner.close() shut down: the closing sequence is
// three runs of the loop (cancel the leftovers and wait for them; shutdown_asyncgens();
// shutdown_default_executor()), so a chain of call_soon callbacks started by main, and a
// task a leftover starts in its cleanup, get a fixed number of iterations before the loop
// closes. Between two Runner.run() calls nothing is shut down: the chain (of at most 21
// links) goes on only while a run runs.
import { EventLoop, run, Runner, sleep, createTask, getRunningLoop, CancelledError } from "wasmloop";

function chain(tag, n) {
  console.log("  ", tag, "link", n);
  if (n < 20) getRunningLoop().callSoon(chain, tag, n + 1);
}

function* ticker(tag) {
  try {
    for (let i = 0; i < 12; i++) {
      console.log("  ", tag, "tick", i);
      yield* sleep(0);
    }
    console.log("  ", tag, "finished");
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", tag, "cancelled");
    throw e;
  }
}

function* leftover() {
  try {
    yield* sleep(100);
  } finally {
    console.log("  leftover cleanup starts a new task");
    getRunningLoop().createTask(ticker("late"));
    yield* sleep(0);
    console.log("  leftover cleanup done");
  }
}

function* chainMain(tag) {
  getRunningLoop().callSoon(chain, tag, 0);
  return tag;
}

function* leftoverMain() {
  createTask(leftover());
  yield* sleep(0);
  console.log("  main returns");
  return "main result";
}

function* step(tag) {
  yield* sleep(0);
  yield* sleep(0);
  return tag;
}

const vloop = () => new EventLoop({ clock: "virtual" });

console.log("run(chain_main) ->", await run(chainMain("run"), { loopFactory: vloop }));
console.log("run(leftover_main) ->", await run(leftoverMain(), { loopFactory: vloop }));

const runner = new Runner({ loopFactory: vloop });
console.log("runner.run ->", runner.runSync(chainMain("runner")));
console.log("runner.run ->", runner.runSync(step("second")));
runner.close();
console.log("closed");
