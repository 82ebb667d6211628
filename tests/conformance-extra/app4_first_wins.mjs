// "first response wins": query replicas, wait(FIRST_COMPLETED), skip replicas that failed and
// keep waiting on the rest, take the first success, cancel the losers and await them (their
// cleanup runs before we return); a hedged request starts a backup replica only if the
// primary has not answered within a wait() timeout; when every replica fails the caller gets
// the last error; a wait() timeout with nothing done returns two sets, done empty.
import { EventLoop, sleep, gather, wait, FIRST_COMPLETED, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
class ConnectionError extends Error { constructor(m) { super(m); this.name = "ConnectionError"; } }
class AllFailed extends Error { constructor(m) { super(m); this.name = "AllFailed"; } }

const byName = (a, b) => (a.getName() < b.getName() ? -1 : 1);

function* replica(name, d, fail = false) {
  try {
    yield* sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log(`    ${name}: cancelled, closing connection`, T());
      yield* sleep(d / 10);
      console.log(`    ${name}: closed`, T());
    }
    throw e;
  }
  if (fail) throw new ConnectionError(name + " refused");
  return name + " answer";
}

function* firstSuccess(specs) {
  let pending = new Set(specs.map((s) => loop.createTask(replica(...s), { name: s[0] })));
  let last = null;
  try {
    while (pending.size > 0) {
      let done;
      [done, pending] = yield* wait(pending, { returnWhen: FIRST_COMPLETED });
      for (const t of [...done].sort(byName)) {
        if (t.exception() === null) {
          console.log("  winner", t.getName(), T());
          return t.result();
        }
        last = t.exception();
        console.log("  ", t.getName(), "failed:", fmt(last), T());
      }
    }
    throw new AllFailed("every replica failed; last: " + last.message);
  } finally {
    for (const t of [...pending].sort(byName)) t.cancel();
    if (pending.size > 0) {
      const [done] = yield* wait(pending);
      console.log("  losers", fmt([...done].sort(byName).map((t) => [t.getName(), t.cancelled()])), T());
    }
  }
}

function* hedged(primary, backup, hedgeAfter) {
  const p = loop.createTask(replica(...primary), { name: "primary" });
  let [done] = yield* wait(new Set([p]), { timeout: hedgeAfter });
  if (done.size > 0) {
    console.log("  primary answered before the hedge", T());
    return p.result();
  }
  console.log("  hedging", T());
  const b = loop.createTask(replica(...backup), { name: "backup" });
  let pending;
  [done, pending] = yield* wait(new Set([p, b]), { returnWhen: FIRST_COMPLETED });
  for (const t of pending) t.cancel();
  yield* gather(...pending, { returnExceptions: true });
  const winner = [...done][0];
  return winner.getName() + ": " + winner.result();
}

function* main() {
  console.log("A", yield* firstSuccess([["r1", 0.3], ["r2", 0.12, true], ["r3", 0.21], ["r4", 0.5]]), T());
  try {
    yield* firstSuccess([["s1", 0.05, true], ["s2", 0.08, true]]);
  } catch (e) {
    if (!(e instanceof AllFailed)) throw e;
    console.log("B", fmt(e), T());
  }
  console.log("C", yield* hedged(["p", 0.1], ["b", 0.1], 0.25), T());
  console.log("D", yield* hedged(["p", 0.9], ["b", 0.17], 0.25), T());
  const slow = [1.3, 1.7].map((d) => loop.createTask((function* () { return yield* sleep(d); })()));
  const [done, pending] = yield* wait(slow, { timeout: 0.4 });
  console.log("E", done.size, pending.size, T());
  for (const t of pending) t.cancel();
  console.log("E after cancel", fmt(slow.map((t) => t.cancelled())), T());
  yield* sleep(0);
  console.log("E next iteration", fmt(slow.map((t) => t.cancelled())), T());
}

loop.runUntilCompleteSync(main());
loop.close();
