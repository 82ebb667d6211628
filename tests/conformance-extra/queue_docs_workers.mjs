// The asyncio-queue documentation's example, made deterministic: a queue of 20 work items
// (sleep times from a fixed linear congruential generator instead of random.uniform), three
// workers that sleep for each, join() to wait until all are processed, then the workers are
// cancelled and gathered. Virtual time replaces time.monotonic().
import { EventLoop, sleep, gather, Queue } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

class Lcg {
  constructor(seed) {
    this.state = seed;
  }
  uniform(a, b) {
    this.state = Number((BigInt(this.state) * 1103515245n + 12345n) % 2147483648n);
    return a + (b - a) * (this.state / 2147483648);
  }
}

const rng = new Lcg(2024);

function* worker(name, queue) {
  while (true) {
    const sleepFor = yield* queue.get();
    yield* sleep(sleepFor);
    queue.taskDone();
    console.log(`${name} has slept for ${sleepFor.toFixed(2)} seconds`);
  }
}

function* main() {
  const queue = new Queue();
  let totalSleepTime = 0;
  for (let i = 0; i < 20; i++) {
    const sleepFor = rng.uniform(0.05, 1.0);
    totalSleepTime += sleepFor;
    queue.putNowait(sleepFor);
  }
  const tasks = [];
  for (let i = 0; i < 3; i++) {
    const task = loop.createTask(worker(`worker-${i}`, queue));
    tasks.push(task);
  }
  const startedAt = loop.time();
  yield* queue.join();
  const totalSleptFor = loop.time() - startedAt;
  for (const task of tasks) task.cancel();
  console.log(fmt(yield* gather(...tasks, { returnExceptions: true })));
  console.log("====");
  console.log(`3 workers slept in parallel for ${totalSleptFor.toFixed(2)} seconds`);
  console.log(`total expected sleep time: ${totalSleepTime.toFixed(2)} seconds`);
}

loop.runUntilCompleteSync(main());
loop.close();
