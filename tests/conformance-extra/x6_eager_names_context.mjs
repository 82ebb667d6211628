// Names seen during an eager start: TaskGroup.create_task(name=), asyncio.create_task(name=)
// and loop.create_task(name=) with a task factory name the task after its eager first step
// (3.12 creates it unnamed and renames it); eager tasks created with context=
// run their first step in that context; the factory with a task that finishes at once
// leaves it out of all_tasks.
import { EventLoop, sleep, gather, createTask, currentTask, allTasks, TaskGroup, asyncWith, eagerTaskFactory, ContextVar, copyContext } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const B = (b) => (b ? "True" : "False");
loop.setTaskFactory(eagerTaskFactory);
const v = new ContextVar("var", { default: "unset" });

function* show(label) {
  const t = currentTask();
  console.log("  ", label, "eager step sees name", t.getName().split("-")[0], "var", v.get());
  yield* sleep(0.1);
  console.log("  ", label, "after await sees name", t.getName().split("-")[0], "var", v.get());
}

function* instant() {
  return 1;
}

function* main() {
  yield* asyncWith(new TaskGroup(), function* (tg) {
    tg.createTask(show("tg"), { name: "tg-named" });
  });
  const t2 = createTask(show("ct"), { name: "ct-named" });
  const t3 = loop.createTask(show("loop"), { name: "loop-named" });
  yield* gather(t2, t3);
  const ctx = copyContext();
  ctx.run(() => v.set("in ctx"));
  const t4 = createTask(show("ctx"), { context: ctx });
  yield* t4;
  const t5 = createTask(instant());
  console.log("  instant done", B(t5.done()), "in all_tasks", B(allTasks().has(t5)));
}

loop.runUntilCompleteSync(main());
loop.close();
