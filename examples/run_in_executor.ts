// asyncio's "Executing code in thread or process pools" (asyncio-eventloop docs), translated.
// Differences: the 100 random bytes are printed as their count (the output is a golden file);
// and JavaScript has no process pool: a worker shares nothing with the main thread, as a
// process doesn't, so option 3 uses the module-URL route a process pool takes (Python's
// ProcessPoolExecutor pickles cpu_bound by reference: its module and name, which the child
// imports).
import { isMainThread } from "node:worker_threads";
import { EventLoop, ThreadPoolExecutor, getRunningLoop, moduleFunction } from "wasmloop";

function blockingIo(): Uint8Array {
  // File operations (such as logging) can block the
  // event loop: run them in a thread pool.
  // (Sent to the worker by its source: it gets node:fs there.)
  const fs = process.getBuiltinModule("node:fs");
  const fd = fs.openSync("/dev/urandom", "r");
  try {
    const buf = new Uint8Array(100);
    fs.readSync(fd, buf, 0, 100, null);
    return buf;
  } finally {
    fs.closeSync(fd);
  }
}

export function cpuBound(): bigint {
  // CPU-bound operations will block the event loop:
  // in general it is preferable to run them in a
  // process pool.
  // sum(i * i for i in range(10 ** 7)), exactly: a Number is exact up to 2**53, so sums of
  // 64 squares at a time go into a BigInt.
  let total = 0n;
  for (let start = 0; start < 10 ** 7; start += 64) {
    let part = 0;
    for (let i = start; i < Math.min(start + 64, 10 ** 7); i++) part += i * i;
    total += BigInt(part);
  }
  return total;
}

function* main() {
  const loop = getRunningLoop();

  // Options:

  // 1. Run in the default loop's executor:
  const result = yield* loop.runInExecutor(null, blockingIo);
  console.log("default thread pool", result.length, "bytes");

  // 2. Run in a custom thread pool:
  {
    using pool = new ThreadPoolExecutor();
    const result = yield* loop.runInExecutor(pool, blockingIo);
    console.log("custom thread pool", result.length, "bytes");
  }

  // 3. Run in a custom "process" pool: the worker imports this module and calls cpuBound
  {
    using pool = new ThreadPoolExecutor();
    const work = moduleFunction<typeof cpuBound>(import.meta.url, "cpuBound");
    const result = yield* loop.runInExecutor(pool, work);
    console.log("custom process pool", String(result));
  }
}

// The workers of option 3 import this module: as Python's `if __name__ == "__main__":`,
// the guard keeps them from running the program again.
if (isMainThread) {
  const loop = new EventLoop();
  await loop.runUntilComplete(main());
  await loop.runUntilComplete(loop.shutdownDefaultExecutor()); // as asyncio.run() does
  loop.close();
}
