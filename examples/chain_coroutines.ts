// asyncio's "Chain coroutines": printSum waits for compute, which sleeps for a second.
import { EventLoop, sleep } from "wasmloop";

function* compute(x: number, y: number) {
  console.log(`Compute ${x} + ${y} ...`);
  yield* sleep(1.0);
  return x + y;
}

function* printSum(x: number, y: number) {
  const result = yield* compute(x, y); // typed: number
  console.log(`${x} + ${y} = ${result}`);
}

const loop = new EventLoop({ clock: "virtual" });
loop.runUntilCompleteSync(printSum(1, 2));
console.log(`(virtual time ${loop.time()} s)`);
loop.close();
