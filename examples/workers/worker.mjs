// A complete Cloudflare Worker on wasmloop. Workers forbid compiling WebAssembly from bytes,
// so the worker imports the scheduler as a .wasm module (the runtime compiles it) and hands
// it over with setSchedulerModule. No timers at global scope: loops are made per request.
import schedulerModule from "wasmloop/scheduler.wasm";
import { EventLoop, gather, setSchedulerModule, sleep, waitFor, TimeoutError } from "wasmloop/workers";

setSchedulerModule(schedulerModule);

function* fetchPart(name, seconds) {
  yield* sleep(seconds); // stands for real I/O: on Workers the clock advances across awaits
  return `${name} after ${seconds * 1000} ms`;
}

function* handle() {
  const parts = yield* gather(fetchPart("header", 0.02), fetchPart("body", 0.03));
  let footer;
  try {
    footer = yield* waitFor(fetchPart("footer", 5), 0.05);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    footer = "footer timed out after 50 ms";
  }
  return [...parts, footer];
}

export default {
  async fetch() {
    const loop = new EventLoop(); // real clock: the Workers clock
    try {
      return Response.json(await loop.runUntilComplete(handle()));
    } finally {
      loop.close();
    }
  },
};
