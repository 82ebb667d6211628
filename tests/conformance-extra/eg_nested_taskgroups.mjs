// Nested TaskGroups make nested ExceptionGroups: an inner group's failure is one member of the
// outer group's; subgroup() and split() reach through the levels; a failure in each of two
// sibling inner groups (run as children of the outer group; the second fails when the outer
// group cancels it) gives two nested groups in the order they failed. A failed group's exception travels through a plain task and gather().
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, gather } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(`'${m}'`); this.name = "KeyError"; } }
const tree = (e, ind = "  ") => {
  if (e == null) console.log(ind + "None");
  else if (e instanceof ExceptionGroup) {
    console.log(ind + `${ename(e)}('${e.message}') [${e.exceptions.length}]`);
    for (const x of e.exceptions) tree(x, ind + "  ");
  } else console.log(ind + fmt(e));
};

function* fail(d, exc) {
  yield* sleep(d);
  throw exc;
}

function* failOnCancel(exc) {
  try {
    yield* sleep(10);
  } catch {
    throw exc;
  }
}

function* innerGroup(label, d, exc) {
  yield* asyncWith(new TaskGroup(), function* (tg) {
    tg.createTask(d !== null ? fail(d, exc) : failOnCancel(exc));
    tg.createTask(sleep(10));
  });
}

function* main() {
  try {
    yield* asyncWith(new TaskGroup(), function* (outer) {
      outer.createTask(innerGroup("first", 1.5, new ValueError("in first")));
      outer.createTask(innerGroup("second", 0.5, new TypeError("in second")));
      outer.createTask(innerGroup("third", null, new ValueError("third, when cancelled")));
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("outer group at", T());
    tree(eg);
    console.log("ValueErrors anywhere:");
    tree(eg.subgroup(ValueError));
    const [m, r] = eg.split(TypeError);
    console.log("split(TypeError):");
    tree(m);
    tree(r);
  }
  try {
    yield* asyncWith(new TaskGroup(), function* (outer) {
      outer.createTask(fail(0.25, new KeyError("outer child")));
      yield* asyncWith(new TaskGroup(), function* (inner) {
        inner.createTask(fail(0.5, new ValueError("inner child")));
        yield* sleep(1);
      });
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("outer child first, at", T());
    tree(eg);
  }
  const t = loop.createTask(innerGroup("task", 0.5, new ValueError("in a task")));
  const res = yield* gather(t, sleep(0.1, "other"), { returnExceptions: true });
  console.log("gather:", `[${res.map((x) => (x instanceof Error ? `'${ename(x)}'` : `'${x}'`)).join(", ")}]`, "same:", B(res[0] === t.exception()), T());
  tree(res[0]);
}

loop.runUntilCompleteSync(main());
loop.close();
