// asyncio's "Timeouts", timeout_at(): an absolute deadline in loop time.
import { EventLoop, TimeoutError, asyncWith, getRunningLoop, sleep, timeoutAt } from "wasmloop";

function* longRunningTask() {
  yield* sleep(3600);
}

function* main() {
  const loop = getRunningLoop();
  const deadline = loop.time() + 20;
  try {
    yield* asyncWith(timeoutAt(deadline), function* () {
      yield* longRunningTask();
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("The long operation timed out, but we've handled it.");
  }

  console.log("This statement will run regardless.");
  console.log(`(virtual time ${loop.time()} s)`);
}

const loop = new EventLoop({ clock: "virtual" });
loop.runUntilCompleteSync(main());
loop.close();
