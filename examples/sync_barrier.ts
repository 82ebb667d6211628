// The asyncio-sync documentation's Barrier example: two tasks wait on a Barrier(3); the third
// wait() passes it. A Barrier's string form is its repr without the address.
import { Barrier, EventLoop, sleep } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });

function* exampleBarrier() {
  // barrier with 3 parties
  const b = new Barrier(3);

  // create 2 new waiting tasks
  loop.createTask(b.wait());
  loop.createTask(b.wait());

  yield* sleep(0);
  console.log(String(b));

  // The third .wait() call passes the barrier
  yield* b.wait();
  console.log(String(b));
  console.log("barrier passed");

  yield* sleep(0);
  console.log(String(b));
}

loop.runUntilCompleteSync(exampleBarrier());
loop.close();
