// The asyncio-sync documentation's Semaphore usage, both forms: `async with sem` and the
// equivalent acquire() / try / finally release(). Around the documented lines, six jobs share
// a Semaphore(2): at most two run at a time, the others start as places free up.
import { EventLoop, Semaphore, asyncWith, gather, sleep } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });

function* job(sem: Semaphore, n: number) {
  if (n % 2 === 0) {
    // async with sem:
    yield* asyncWith(sem, function* () {
      // work with shared resource
      console.log(`job ${n} starts at t=${loop.time().toFixed(1)}`);
      yield* sleep(1 + n / 10);
    });
  } else {
    // which is equivalent to:
    yield* sem.acquire();
    try {
      // work with shared resource
      console.log(`job ${n} starts at t=${loop.time().toFixed(1)}`);
      yield* sleep(1 + n / 10);
    } finally {
      sem.release();
    }
  }
}

function* main() {
  const sem = new Semaphore(2);
  // ... later
  yield* gather(...[0, 1, 2, 3, 4, 5].map((n) => job(sem, n)));
  console.log(`all done at t=${loop.time().toFixed(1)}, ${sem}`);
}

loop.runUntilCompleteSync(main());
loop.close();
