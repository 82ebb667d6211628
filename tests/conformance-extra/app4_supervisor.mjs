// a supervisor that restarts failing workers: each worker task gets a done callback that
// records the outcome and, on an exception, starts a replacement with createTask from the
// callback (at once, or after a backoff via callLater) until a restart limit; a cancelled
// worker is not restarted; the supervisor's own Future resolves when every worker is
// settled; removing a callback before the task ends means nobody restarts it.
import { EventLoop, sleep } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class LookupError extends Error { constructor(m) { super(m); this.name = "LookupError"; } }
class OSError extends Error { constructor(m) { super(m); this.name = "OSError"; } }

function* worker(name, gen, plan) {
  const [d, outcome] = gen < plan.length ? plan[gen] : plan[plan.length - 1];
  console.log("  start", name, "gen", gen, T());
  yield* sleep(d);
  if (outcome instanceof Error) throw outcome;
  return `${name}/${gen}:${outcome}`;
}

class Supervisor {
  constructor(maxRestarts, backoff) {
    this.maxRestarts = maxRestarts;
    this.backoff = backoff;
    this.outcomes = {};
    this.live = new Map();
    this.allSettled = loop.createFuture();
  }
  spawn(name, plan, gen = 0) {
    const t = loop.createTask(worker(name, gen, plan), { name: `${name}-${gen}` });
    this.live.set(name, t);
    t.addDoneCallback((t) => this.onDone(name, plan, gen, t));
    return t;
  }
  onDone(name, plan, gen, t) {
    if (t.cancelled()) {
      console.log("  ", t.getName(), "was cancelled; not restarting", T());
      this.settle(name, "cancelled");
    } else if (t.exception() !== null) {
      const e = t.exception();
      console.log("  ", t.getName(), "failed:", fmt(e), T());
      if (gen >= this.maxRestarts) this.settle(name, "gave up: " + ename(e));
      else if (gen === 0) this.spawn(name, plan, gen + 1);
      else loop.callLater(this.backoff * gen, (...a) => this.spawn(...a), name, plan, gen + 1);
    } else {
      this.settle(name, t.result());
    }
  }
  settle(name, outcome) {
    this.outcomes[name] = outcome;
    this.live.delete(name);
    if (this.live.size === 0 && !this.allSettled.done()) this.allSettled.setResult(Object.keys(this.outcomes).length);
  }
}

function* main() {
  const sup = new Supervisor(3, 0.15);
  sup.spawn("steady", [[0.5, "ok"]]);
  sup.spawn("flaky", [[0.1, new ValueError("flaky boot")], [0.12, new ValueError("flaky again")], [0.2, "ok"]]);
  sup.spawn("doomed", [[0.05, new LookupError("doomed")], [0.07, new OSError("disk")]]);
  sup.spawn("victim", [[3, "never"]]);
  yield* sleep(0.33);
  console.log("live at", T(), fmt([...sup.live.values()].map((t) => t.getName()).sort()));
  sup.live.get("victim").cancel();
  const n = yield* sup.allSettled;
  console.log("settled", n, T());
  for (const name of Object.keys(sup.outcomes).sort()) console.log("  ", name, "->", sup.outcomes[name]);
  const f = loop.createTask(worker("orphan", 0, [[0.1, new ValueError("orphan")]]));
  const cb = (t) => console.log("never printed");
  f.addDoneCallback(cb);
  console.log("removed", f.removeDoneCallback(cb), f.removeDoneCallback(cb));
  yield* sleep(0.2);
  console.log("orphan done", B(f.done()), fmt(f.exception()), T());
}

loop.runUntilCompleteSync(main());
loop.close();
