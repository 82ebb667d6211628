// progress polling: waitFor(shield(job), t) in a loop until the job is done, reporting each
// timeout; the job is never cancelled by the polls. A shielded gather under waitFor keeps
// all its children; the polling task cancelled from outside leaves the job running; a job
// that fails is reported by the poll that sees it; asCompleted over shields.
import { EventLoop, sleep, gather, waitFor, shield, asCompleted, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* job(name, d, fail = false) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) console.log("  ", name, "cancelled", T());
    throw e;
  }
  if (fail) throw new ValueError(name);
  console.log("  ", name, "finished", T());
  return name;
}

function* poll(t, every) {
  let n = 0;
  while (true) {
    try {
      return yield* waitFor(shield(t), every);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      n += 1;
      console.log("  still waiting", n, T());
    }
  }
}

function* main() {
  let t = loop.createTask(job("build", 1.1));
  console.log("poll ->", fmt(yield* poll(t, 0.3)), T());

  const g = gather(job("x", 0.5), job("y", 0.9));
  console.log("gather poll ->", fmt(yield* poll(g, 0.4)), T());

  t = loop.createTask(job("deploy", 2));
  const p = loop.createTask(poll(t, 0.5));
  yield* sleep(1.2);
  p.cancel();
  try {
    yield* p;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("poller cancelled", T(), "deploy done", B(t.done()));
  }
  console.log("deploy ->", fmt(yield* t), T());

  t = loop.createTask(job("flaky", 0.7, true));
  try {
    yield* poll(t, 0.25);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log("poll raised", fmt(e), T());
  }

  const ts = [["p", 0.6], ["q", 0.2], ["r", 0.4]].map(([n, d]) => loop.createTask(job(n, d)));
  for (const f of asCompleted(ts.map((x) => shield(x)), { timeout: 0.5 })) {
    try {
      console.log("as_completed ->", fmt(yield* f), T());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("as_completed -> TimeoutError", T());
    }
  }
  console.log("p survives", fmt(yield* ts[0]), T());
}

loop.runUntilCompleteSync(main());
loop.close();
