// asyncio-queue.rst's example — workers, join(), cancel the workers, gather with
// return_exceptions — with fixed sleep times instead of random ones, fed through a
// PriorityQueue of (priority, seq, delay) tuples, so the order of the work is the heap's,
// ties broken by the second element. Then tuple ordering corners: equal first elements,
// shorter tuple first, nested tuples; get_nowait on an empty queue; task_done too often.
import { EventLoop, sleep, gather, PriorityQueue, QueueEmpty } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const tup = (v) => Array.isArray(v) ? (v.length === 1 ? `(${tup(v[0])},)` : `(${v.map(tup).join(", ")})`)
  : typeof v === "string" ? `'${v}'` : String(v);

function* worker(name, queue, log) {
  for (;;) {
    const [prio, seq, sleepFor] = yield* queue.get();
    yield* sleep(sleepFor);
    queue.taskDone();
    log.push(seq);
    console.log(`${name} has slept for ${sleepFor.toFixed(3)} seconds (prio ${prio}, seq ${seq}) ${T()}`);
  }
}

function* main() {
  const queue = new PriorityQueue();
  const log = [];
  let totalSleepTime = 0;
  const delays = [0.25, 0.5, 0.125, 0.75, 0.375, 0.625, 0.9, 1.125, 1.05, 1.3];
  const prios = [3, 1, 2, 1, 3, 2, 1, 3, 2, 1];
  delays.forEach((d, seq) => {
    totalSleepTime += d;
    queue.putNowait([prios[seq], seq, d]);
  });

  const tasks = [];
  for (let i = 0; i < 3; i++) tasks.push(loop.createTask(worker(`worker-${i}`, queue, log)));

  const startedAt = loop.time();
  yield* queue.join();
  const totalSleptFor = loop.time() - startedAt;

  for (const task of tasks) task.cancel();
  const res = yield* gather(...tasks, { returnExceptions: true });
  console.log(`[${res.map((r) => `'${ename(r)}'`).join(", ")}]`);

  console.log("====");
  console.log(`3 workers slept in parallel for ${totalSleptFor.toFixed(3)} seconds`);
  console.log(`total expected sleep time: ${totalSleepTime.toFixed(4)} seconds`);
  console.log("order of work", `[${log.join(", ")}]`);

  const q = new PriorityQueue();
  for (const items of [[[2, "b"], [1, "z"], [2, "a"], [1], [1, "z", 0], [1, "y"]],
                       [[[0, 5], "n"], [[0, 1], "m"], [[0, 1], "l"], [[0], "k"]]]) {
    for (const item of items) q.putNowait(item);
    const out = [];
    while (!q.empty()) out.push(q.getNowait());
    console.log(`[${out.map(tup).join(", ")}]`);
  }
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof QueueEmpty)) throw e;
    console.log("get_nowait:", ename(e));
  }
  for (let i = 0; i < 12; i++) {
    try {
      q.taskDone();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      console.log("task_done call", i, "ValueError");
      break;
    }
  }
}

loop.runUntilCompleteSync(main());
loop.close();
