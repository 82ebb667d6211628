// asyncio's "Task Groups" (the say_after example of "Creating Tasks", written with a
// TaskGroup): two tasks in a group; leaving the block waits for both. time.strftime('%X') is a
// fixed start plus loop time, so the output is the same on every run.
import { EventLoop, TaskGroup, asyncWith, sleep } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const start = Date.UTC(2026, 10, 23, 12, 0, 0);
/** time.strftime('%X'): the wall-clock time of day, HH:MM:SS */
const strftimeX = () => new Date(start + loop.time() * 1000).toISOString().slice(11, 19);

function* sayAfter(delay: number, what: string) {
  yield* sleep(delay);
  console.log(what);
  return what;
}

function* main() {
  const [task1, task2] = yield* asyncWith(new TaskGroup(), function* (tg) {
    const task1 = tg.createTask(sayAfter(1, "hello"));

    const task2 = tg.createTask(sayAfter(2, "world"));

    console.log(`started at ${strftimeX()}`);
    return [task1, task2];
  });

  // The await is implicit when the context manager exits.

  console.log(`finished at ${strftimeX()}`);
  console.log(`Both tasks have completed now: ${task1.result()}, ${task2.result()}`);
}

loop.runUntilCompleteSync(main());
loop.close();
