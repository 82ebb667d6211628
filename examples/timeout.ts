// asyncio's "Timeouts": asyncio.timeout(10) around a long-running task; the TimeoutError is
// handled, and the code after the block runs either way.
import { EventLoop, TimeoutError, asyncWith, sleep, timeout } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });

function* longRunningTask() {
  yield* sleep(3600);
}

function* main() {
  try {
    yield* asyncWith(timeout(10), function* () {
      yield* longRunningTask();
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("The long operation timed out, but we've handled it.");
  }

  console.log("This statement will run regardless.");
  console.log(`(virtual time ${loop.time()} s)`);
}

loop.runUntilCompleteSync(main());
loop.close();
