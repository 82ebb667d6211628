// The asyncio-queue documentation's example: a queue of 20 work items (sleep times) shared by
// three workers; join() waits until every item is processed, then the workers are cancelled.
// random.uniform becomes a seeded generator and time.monotonic() the loop's virtual clock,
// so the run is deterministic (and takes no real time).
import { EventLoop, Queue, gather, sleep } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });

/** A seeded uniform generator (mulberry32) standing in for Python's random module. */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { uniform: (lo: number, hi: number) => lo + (hi - lo) * random() };
}
const random = seededRandom(42);

function* worker(name: string, queue: Queue<number>) {
  while (true) {
    // Get a "work item" out of the queue.
    const sleepFor = yield* queue.get();

    // Sleep for the "sleepFor" seconds.
    yield* sleep(sleepFor);

    // Notify the queue that the "work item" has been processed.
    queue.taskDone();

    console.log(`${name} has slept for ${sleepFor.toFixed(2)} seconds`);
  }
}

function* main() {
  // Create a queue that we will use to store our "workload".
  const queue = new Queue<number>();

  // Generate random timings and put them into the queue.
  let totalSleepTime = 0;
  for (let i = 0; i < 20; i++) {
    const sleepFor = random.uniform(0.05, 1.0);
    totalSleepTime += sleepFor;
    queue.putNowait(sleepFor);
  }

  // Create three worker tasks to process the queue concurrently.
  const tasks = [];
  for (let i = 0; i < 3; i++) {
    const task = loop.createTask(worker(`worker-${i}`, queue));
    tasks.push(task);
  }

  // Wait until the queue is fully processed.
  const startedAt = loop.time();
  yield* queue.join();
  const totalSleptFor = loop.time() - startedAt;

  // Cancel our worker tasks.
  for (const task of tasks) task.cancel();
  // Wait until all worker tasks are cancelled.
  yield* gather(...tasks, { returnExceptions: true });

  console.log("====");
  console.log(`3 workers slept in parallel for ${totalSleptFor.toFixed(2)} seconds`);
  console.log(`total expected sleep time: ${totalSleepTime.toFixed(2)} seconds`);
}

loop.runUntilCompleteSync(main());
loop.close();
