// asyncio 3.14's call-graph introspection ("Call Graph Introspection" in asyncio's docs): who
// awaits whom. First the docs' example, a task printing its own graph; then a watcher printing
// the graph of a task deep in nested gathers. Debug mode records where each waiting task
// suspended, so the awaiting tasks show their frames too. File names are printed relative to
// this script, so the output is the same wherever it runs.
import { EventLoop, TaskGroup, asyncWith, createTask, formatCallGraph, gather, sleep, type Task } from "wasmloop";

const show = (text: string) => console.log(text.replaceAll(import.meta.url, "call_graph.js"));

function* test() {
  show(formatCallGraph());
}

function* main() {
  yield* asyncWith(new TaskGroup(), function* (g) {
    g.createTask(test(), { name: "test" });
  });
}

const leaves = new Map<string, Task<void>>();

function* leaf() {
  yield* sleep(1);
}

function* branch(name: string) {
  const first = createTask(leaf(), { name: `${name}.1` });
  leaves.set(name, first);
  yield* gather(first, leaf());
}

function* watch() {
  yield* sleep(0.5);
  console.log("");
  show(formatCallGraph(leaves.get("left")!, { limit: 0 })); // limit 0: only who awaits whom
}

function* tree() {
  yield* gather(createTask(branch("left"), { name: "left" }), createTask(branch("right"), { name: "right" }), watch());
}

const loop = new EventLoop({ clock: "virtual", debug: true });
loop.runUntilCompleteSync(loop.createTask(main(), { name: "main" }));
loop.runUntilCompleteSync(loop.createTask(tree(), { name: "tree" }));
loop.close();
