// When a TaskGroup refuses: createTask before it is entered, while it shuts down after a
// failure, and once it is finished (RuntimeErrors whose messages show the group's repr);
// entering it twice, while entered or after; the repr through its life. A child may still add
// children while the group waits in its exit; the group ends after them. (A refused
// coroutine is closed by the group itself, as 3.13's TaskGroup does; the scenario closing it
// again changes nothing.)
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, CancelledError, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* work(name, d) {
  yield* sleep(d);
  console.log("  ", name, "done", T());
}

function attempt(tag, tg, name) {
  const coro = work(name, 0.1);
  try {
    tg.createTask(coro);
    console.log(tag, "-> created");
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    coro.return();
    console.log(tag, "->", ename(e), e.message);
  }
}

function* failSoon() {
  yield* sleep(0.5);
  throw new ValueError("boom");
}

function* main() {
  const tg = new TaskGroup();
  console.log("new:", String(tg));
  attempt("before enter", tg, "x");
  yield* asyncWith(tg, function* () {
    console.log("entered:", String(tg));
    try {
      yield* asyncWith(tg, function* () {});
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      console.log("enter again ->", ename(e), e.message);
    }
    function* spawner() {
      yield* sleep(0.25);
      console.log("  spawner adds a child during the exit", T(), String(tg));
      tg.createTask(work("late child", 0.5));
    }
    tg.createTask(spawner());
    tg.createTask(work("early child", 0.1));
    console.log("body ends", String(tg));
  });
  console.log("finished:", String(tg), T());
  attempt("after exit", tg, "y");
  try {
    yield* asyncWith(tg, function* () {});
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log("enter after exit ->", ename(e), e.message);
  }

  const tg2 = new TaskGroup();
  try {
    yield* asyncWith(tg2, function* () {
      tg2.createTask(failSoon());
      try {
        yield* sleep(5);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        console.log("shutting down:", String(tg2));
        attempt("while shutting down", tg2, "z");
        throw e;
      }
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log("caught", String(eg), T());
  }
  console.log("after failure:", String(tg2));
}

loop.runUntilCompleteSync(main());
loop.close();
