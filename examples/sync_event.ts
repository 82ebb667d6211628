// The asyncio-sync documentation's Event example: a task waits until the event is set.
import { Event, EventLoop, sleep } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });

function* waiter(event: Event) {
  console.log("waiting for it ...");
  yield* event.wait();
  console.log("... got it!");
}

function* main() {
  // Create an Event object.
  const event = new Event();

  // Spawn a Task to wait until 'event' is set.
  const waiterTask = loop.createTask(waiter(event));

  // Sleep for 1 second and set the event.
  yield* sleep(1);
  event.set();

  // Wait until the waiter task is finished.
  yield* waiterTask;
}

loop.runUntilCompleteSync(main());
loop.close();
