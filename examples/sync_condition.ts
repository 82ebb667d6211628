// The asyncio-sync documentation's Condition usage, both forms: `async with cond` around
// `await cond.wait()`, and the equivalent acquire() / try / finally release(). Around the
// documented lines, a producer notifies two consumers as items arrive.
import { Condition, EventLoop, asyncWith, gather, sleep } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const items: string[] = [];

function* consumer(cond: Condition, name: string) {
  // async with cond:
  yield* asyncWith(cond, function* () {
    while (items.length === 0) yield* cond.wait();
    console.log(`${name} took ${items.shift()} at t=${loop.time().toFixed(1)}`);
  });
}

function* lateConsumer(cond: Condition, name: string) {
  // which is equivalent to:
  yield* cond.acquire();
  try {
    while (items.length === 0) yield* cond.wait();
    console.log(`${name} took ${items.shift()} at t=${loop.time().toFixed(1)}`);
  } finally {
    cond.release();
  }
}

function* producer(cond: Condition) {
  for (const item of ["apple", "pear"]) {
    yield* sleep(1);
    yield* asyncWith(cond, function* () {
      items.push(item);
      cond.notify();
    });
  }
}

function* main() {
  const cond = new Condition();
  // ... later
  yield* gather(consumer(cond, "first"), lateConsumer(cond, "second"), producer(cond));
  console.log(`left: ${items.length} items, ${cond}`);
}

loop.runUntilCompleteSync(main());
loop.close();
