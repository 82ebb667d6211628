// asyncio-task.rst's examples on a virtual clock (time.strftime('%X') becomes the loop's
// time): say_after awaited in turn, as Tasks and in a TaskGroup; display_date's loop;
// gather of factorials; the "Terminating a Task Group" recipe with except*; timeout(),
// timeout(None)+reschedule and timeout_at; wait_for(eternity()); wait() and as_completed.
import { EventLoop, sleep, gather, wait, waitFor, asCompleted, timeout, timeoutAt, asyncWith, createTask,
  currentTask, allTasks, getRunningLoop, TaskGroup, ExceptionGroup, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const X = T;

function* sayAfter(delay, what) {
  yield* sleep(delay);
  console.log(what);
}

function* displayDate() {
  const endTime = loop.time() + 5.0;
  for (;;) {
    console.log(X());
    if (loop.time() + 1.0 >= endTime) break;
    yield* sleep(1);
  }
}

function* factorial(name, number) {
  let f = 1;
  for (let i = 2; i <= number; i++) {
    console.log(`Task ${name}: Compute factorial(${number}), currently i=${i}...`);
    yield* sleep(1 + 0.01 * name.charCodeAt(0));
    f *= i;
  }
  console.log(`Task ${name}: factorial(${number}) = ${f}`);
  return f;
}

/** Exception raised to terminate a task group. */
class TerminateTaskGroup extends Error { constructor(m) { super(m); this.name = "TerminateTaskGroup"; } }

/** Used to force termination of a task group. */
function* forceTerminateTaskGroup() {
  throw new TerminateTaskGroup();
}

function* job(taskId, sleepTime) {
  console.log(`Task ${taskId}: start`);
  yield* sleep(sleepTime);
  console.log(`Task ${taskId}: done`);
}

function* longRunningTask() {
  yield* sleep(3600);
}

function* eternity() {
  yield* sleep(3600);
  console.log("yay!");
}

function* main() {
  console.log(`started at ${X()}`);
  yield* sayAfter(1, "hello");
  yield* sayAfter(2, "world");
  console.log(`finished at ${X()}`);

  let task1 = createTask(sayAfter(1, "hello"));
  let task2 = createTask(sayAfter(2.5, "world"));
  console.log(`started at ${X()}`);
  yield* task1;
  yield* task2;
  console.log(`finished at ${X()}`);

  yield* asyncWith(new TaskGroup(), function* (tg) {
    task1 = tg.createTask(sayAfter(1, "hello"));
    task2 = tg.createTask(sayAfter(2.5, "world"));
    console.log(`started at ${X()}`);
  });
  console.log(`finished at ${X()}`);

  yield* displayDate();

  const L = yield* gather(
    factorial("A", 2),
    factorial("B", 3),
    factorial("C", 4),
  );
  console.log(`[${L.join(", ")}]`);

  try {
    yield* asyncWith(new TaskGroup(), function* (group) {
      group.createTask(job(1, 0.5));
      group.createTask(job(2, 1.5));
      yield* sleep(1);
      group.createTask(forceTerminateTaskGroup());
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    const [, rest] = e.split(TerminateTaskGroup);   // except* TerminateTaskGroup: pass
    if (rest !== null) throw rest;
  }

  try {
    yield* asyncWith(timeout(10), function* () {
      yield* longRunningTask();
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("The long operation timed out, but we've handled it.");
  }
  console.log("This statement will run regardless.", X());

  let cm;
  try {
    yield* asyncWith(timeout(null), function* (c) {
      cm = c;
      const newDeadline = getRunningLoop().time() + 10;
      cm.reschedule(newDeadline);
      yield* longRunningTask();
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
  }
  if (cm.expired()) console.log("Looks like we haven't finished on time.", X());

  const loop_ = getRunningLoop();
  const deadline = loop_.time() + 20;
  try {
    yield* asyncWith(timeoutAt(deadline), function* () {
      yield* longRunningTask();
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("The long operation timed out, but we've handled it.", X());
  }
  console.log("This statement will run regardless.");

  try {
    yield* waitFor(eternity(), 1.0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("timeout!", X());
  }

  function* foo() {
    return 42;
  }
  const task = createTask(foo());
  const [done] = yield* wait(new Set([task]));
  if (done.has(task)) console.log("Everything will work as expected now.", task.result());

  function* delayed(d, v) {
    yield* sleep(d);
    return v;
  }
  for (const coro of asCompleted([delayed(3, "three"), delayed(1, "one"), delayed(2, "two")], { timeout: 2.5 })) {
    try {
      const earliestResult = yield* coro;
      console.log(earliestResult, X());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("as_completed timed out", X());
      break;
    }
  }
  const me = currentTask();
  const others = [...allTasks()].filter((t) => t !== me);
  console.log("tasks:", allTasks().size, "others:", others.length);
  for (const t of others) t.cancel();
  yield* sleep(0);
  console.log("left over cancelled:", `[${others.map((t) => B(t.cancelled())).join(", ")}]`);
}

loop.runUntilCompleteSync(main());
loop.close();
