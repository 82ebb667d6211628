// What shares the awaiting task's context and what copies it: a coroutine awaited directly,
// and waitFor() of a coroutine (3.12 awaits it inline), run in the caller's context, so
// their sets are the caller's; createTask, ensureFuture, gather and shield of a coroutine
// wrap it in a Task, whose sets stay in the Task.
import { EventLoop, sleep, gather, shield, ensureFuture, waitFor, createTask, ContextVar } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const mark = new ContextVar("mark", { default: "unmarked" });

function* marker(tag, d = 0.1) {
  yield* sleep(d);
  mark.set(tag);
  return tag;
}

function* main() {
  for (const [tag, how] of [
    ["awaited", (c) => c],
    ["wait_for", (c) => waitFor(c, 1)],
    ["create_task", (c) => createTask(c)],
    ["ensure_future", (c) => ensureFuture(c)],
    ["gather", (c) => gather(c)],
    ["shield", (c) => shield(c)],
  ]) {
    mark.set("unmarked");
    yield* how(marker(tag));
    console.log("after", tag + ":", fmt(mark.get()), T());
  }
}

loop.runUntilCompleteSync(main());
loop.close();
