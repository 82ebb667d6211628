// asyncio's "Timeouts", Timeout.reschedule(): the block starts without a deadline and sets one
// once it knows it; expired() tells afterwards whether the deadline passed.
import { EventLoop, TimeoutError, asyncWith, getRunningLoop, sleep, timeout } from "wasmloop";

function* longRunningTask() {
  yield* sleep(3600);
}

function* main() {
  const cm = timeout(null);
  try {
    // We do not know the timeout when starting, so we pass null.
    yield* asyncWith(cm, function* (cm) {
      // We know the timeout now, so we reschedule it.
      const newDeadline = getRunningLoop().time() + 10;
      cm.reschedule(newDeadline);

      yield* longRunningTask();
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
  }

  if (cm.expired()) {
    console.log("Looks like we haven't finished on time.");
  }
}

const loop = new EventLoop({ clock: "virtual" });
loop.runUntilCompleteSync(main());
loop.close();
