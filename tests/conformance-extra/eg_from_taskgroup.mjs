// The ExceptionGroup a TaskGroup raises, taken apart as except* would: children failing with
// different types at different times (one while being cancelled), split by type clause after
// clause; the leaves are the tasks' own exceptions; what no clause handles is raised again
// and reaches the caller, where a TimeoutError clause handles a timeout from inside a child.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, timeout, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class ZeroDivisionError extends Error { constructor(m) { super(m); this.name = "ZeroDivisionError"; } }
const tree = (e, ind = "  ") => {
  if (e == null) console.log(ind + "None");
  else if (e instanceof ExceptionGroup) {
    console.log(ind + `${ename(e)}('${e.message}') [${e.exceptions.length}]`);
    for (const x of e.exceptions) tree(x, ind + "  ");
  } else console.log(ind + fmt(e));
};

function* fail(name, d, exc) {
  yield* sleep(d);
  throw exc;
}

function* failOnCancel(name) {
  try {
    yield* sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    throw new ZeroDivisionError(name + " while cancelled");
  }
}

function* timed(name) {
  yield* asyncWith(timeout(0.25), function* () {
    yield* sleep(5);
  });
}

function* main() {
  const tasks = [];
  try {
    try {
      yield* asyncWith(new TaskGroup(), function* (tg) {
        tasks.push(tg.createTask(fail("v", 0.5, new ValueError("v"))));
        tasks.push(tg.createTask(timed("t")));
        tasks.push(tg.createTask(failOnCancel("o")));
        tasks.push(tg.createTask(fail("late", 2, new TypeError("never raised"))));
      });
    } catch (caught) {
      if (!(caught instanceof ExceptionGroup)) throw caught;
      let [e, rest] = caught.split(ValueError); // except* ValueError as e:
      if (e !== null) {
        console.log("ValueError clause:", T());
        tree(e, "    ");
        console.log("  leaf is the task's exception:", B(e.exceptions[0] === tasks[0].exception()));
      }
      if (rest !== null) {
        [e, rest] = rest.split(ZeroDivisionError); // except* ZeroDivisionError as e:
        if (e !== null) {
          console.log("ZeroDivisionError clause:", T());
          tree(e, "    ");
        }
      }
      if (rest !== null) throw rest;
    }
    console.log("not reached: the TimeoutError goes on");
  } catch (caught) {
    if (!(caught instanceof ExceptionGroup)) throw caught;
    const [e, rest] = caught.split(TimeoutError); // except* TimeoutError as e:
    if (e !== null) {
      console.log("caller's TimeoutError clause:", T());
      tree(e, "    ");
      console.log("  cause:", ename(e.exceptions[0].cause), "task cancelled:", B(tasks[1].cancelled()), "late cancelled:", B(tasks[3].cancelled()));
    }
    if (rest !== null) throw rest;
  }
}

loop.runUntilCompleteSync(main());
loop.close();
