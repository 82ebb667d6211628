// How many loop iterations each operation takes, counted by a ticker task that advances a
// counter once per iteration: TaskGroup exit after children, timeout() around quick work,
// Event/Queue/Lock/Condition/Semaphore/Barrier hand-offs between tasks, gather of done
// and pending things, shield, wait_for on a coroutine and a zero timeout, wait(),
// as_completed, a done Future awaited, and create_task with an eager factory.
import { EventLoop, sleep, gather, shield, waitFor, wait, asCompleted, timeout, asyncWith, createTask, TaskGroup,
  Event, Queue, Lock, Condition, Semaphore, Barrier, FIRST_COMPLETED, eagerTaskFactory } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
let ticks = 0;

function* ticker() {
  for (;;) {
    yield* sleep(0);
    ticks += 1;
  }
}

function* nothing(v = null) {
  return v;
}

function* yields(n, v = null) {
  for (let i = 0; i < n; i++) yield* sleep(0);
  return v;
}

function* kase(name, make) {
  const start = ticks;
  try {
    const r = yield* make();
    console.log(`${name.padEnd(28)} ${ticks - start}  ${fmt(r)}`);
  } catch (e) {
    console.log(`${name.padEnd(28)} ${ticks - start}  raised ${ename(e)}`);
  }
}

function* main() {
  const tk = createTask(ticker());
  yield* sleep(0);

  yield* kase("taskgroup 2 children", function* () {
    yield* asyncWith(new TaskGroup(), function* (tg) {
      tg.createTask(nothing());
      tg.createTask(yields(2));
    });
    return "tg";
  });

  yield* kase("taskgroup empty", function* () {
    yield* asyncWith(new TaskGroup(), function* () {});
    return "empty";
  });

  yield* kase("timeout quick body", function* () {
    return yield* asyncWith(timeout(5), function* () {
      return yield* yields(1, "t");
    });
  });

  yield* kase("event set by task", function* () {
    const ev = new Event();
    createTask((function* () { ev.set(); })());
    return yield* ev.wait();
  });

  yield* kase("queue get from putter", function* () {
    const q = new Queue();
    createTask((function* () { yield* q.put(1); })());
    return yield* q.get();
  });

  yield* kase("queue put when full", function* () {
    const q = new Queue(1);
    q.putNowait(0);
    createTask((function* () { return yield* q.get(); })());
    yield* q.put(1);
    return q.qsize();
  });

  yield* kase("lock hand-off", function* () {
    const lock = new Lock();
    yield* lock.acquire();
    createTask((function* () { lock.release(); })());
    const r = yield* lock.acquire();
    lock.release();
    return r;
  });

  yield* kase("condition notify", function* () {
    const c = new Condition();
    return yield* asyncWith(c, function* () {
      createTask((function* () {
        yield* asyncWith(c, function* () { c.notify(); });
      })());
      return yield* c.wait();
    });
  });

  yield* kase("semaphore hand-off", function* () {
    const s = new Semaphore(0);
    createTask((function* () { s.release(); })());
    return yield* s.acquire();
  });

  yield* kase("barrier of 2", function* () {
    const b = new Barrier(2);
    const t = createTask(b.wait());
    const r = yield* b.wait();
    return [r, yield* t];
  });

  yield* kase("gather done futures", function* () {
    const f = loop.createFuture();
    f.setResult(1);
    return yield* gather(f, f);
  });

  yield* kase("gather coroutines", function* () {
    return yield* gather(nothing(1), yields(1, 2));
  });

  yield* kase("gather empty", function* () {
    return yield* gather();
  });

  yield* kase("shield coroutine", function* () {
    return yield* shield(nothing("s"));
  });

  yield* kase("wait_for coroutine", function* () {
    return yield* waitFor(yields(1, "w"), 5);
  });

  yield* kase("wait_for timeout None", function* () {
    return yield* waitFor(nothing("n"), null);
  });

  yield* kase("wait_for timeout 0", function* () {
    return yield* waitFor(nothing("z"), 0);
  });

  yield* kase("wait_for 0 done future", function* () {
    const f = loop.createFuture();
    f.setResult("d");
    return yield* waitFor(f, 0);
  });

  yield* kase("wait FIRST_COMPLETED", function* () {
    const [done, pending] = yield* wait([createTask(nothing()), createTask(yields(3))], { returnWhen: FIRST_COMPLETED });
    for (const p of pending) yield* p;
    return [done.size, pending.size];
  });

  yield* kase("as_completed", function* () {
    const out = [];
    for (const f of asCompleted([yields(2, "b"), nothing("a")])) out.push(yield* f);
    return out;
  });

  yield* kase("await done future", function* () {
    const f = loop.createFuture();
    f.setResult("f");
    return yield* f;
  });

  yield* kase("await new task", function* () {
    return yield* createTask(nothing("c"));
  });

  yield* kase("eager tasks", function* () {
    loop.setTaskFactory(eagerTaskFactory);
    try {
      const t = createTask(nothing("e"));
      const r = [t.done(), yield* t];
      const t2 = createTask(yields(1, "e2"));
      r.push(yield* t2);
      return r;
    } finally {
      loop.setTaskFactory(null);
    }
  });

  yield* kase("sleep(0, result)", function* () {
    return yield* sleep(0, "r");
  });

  tk.cancel();
}

loop.runUntilCompleteSync(main());
loop.close();
