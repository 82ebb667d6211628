// waitFor with a timeout: the slow operation is cancelled, the caller gets TimeoutError.
import { EventLoop, TimeoutError, sleep, waitFor } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });

function* eternity() {
  try {
    yield* sleep(3600);
    console.log("yay!");
  } finally {
    console.log(`eternity cleaned up at t=${loop.time()}`);
  }
}

function* main() {
  try {
    yield* waitFor(eternity(), 1.0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("timeout!");
  }
  console.log("quick:", yield* waitFor(sleep(0.5, "done in time"), 1.0));
}

loop.runUntilCompleteSync(main());
loop.close();
