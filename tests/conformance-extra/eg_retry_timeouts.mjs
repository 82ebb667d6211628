// An application pattern: fetch several resources in a TaskGroup, each under its own timeout;
// the first timeout fails the round (the group cancels the other fetches) with an
// ExceptionGroup; the caller takes the TimeoutErrors out with except* (split), the other
// errors with a second clause, and retries what is not fetched yet with a longer limit, until
// a round fails with no timeout or nothing is left.
import { EventLoop, sleep, TaskGroup, ExceptionGroup, asyncWith, timeout, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const strs = (xs) => `[${xs.map((x) => `'${x}'`).join(", ")}]`;
const pyFloat = (x) => (Number.isInteger(x) ? x.toFixed(1) : String(x));

const COST = { a: 0.5, b: 1.5, c: 2.5, bad: 3.0 };
const SLACK = { a: 0.0, b: 0.01, c: 0.02, bad: 0.03 }; // no two deadlines alike

function* fetch(name, limit, results) {
  try {
    yield* asyncWith(timeout(limit + SLACK[name]), function* () {
      yield* sleep(COST[name]);
      if (name === "bad") throw new ValueError("bad resource");
      results[name] = name.toUpperCase();
      console.log("  fetched", name, T());
    });
  } catch (e) {
    if (e instanceof TimeoutError) e.resource = name;
    throw e;
  }
}

function* main() {
  const results = {};
  let todo = ["a", "b", "c", "bad"];
  let limit = 1.0;
  for (let attempt = 1; attempt < 5; attempt++) {
    console.log("round", attempt, "limit", pyFloat(limit), "todo", strs(todo));
    let timeouts = [];
    try {
      yield* asyncWith(new TaskGroup(), function* (tg) {
        for (const name of todo) tg.createTask(fetch(name, limit, results));
      });
    } catch (caught) {
      if (!(caught instanceof ExceptionGroup)) throw caught;
      let [eg, rest] = caught.split(TimeoutError); // except* TimeoutError as eg:
      if (eg !== null) {
        timeouts = eg.exceptions.map((e) => e.resource).sort();
        console.log("  timed out:", strs(timeouts), T());
      }
      if (rest !== null) {
        [eg, rest] = rest.split(ValueError); // except* ValueError as eg:
        if (eg !== null) console.log("  errors:", strs(eg.exceptions.map(fmt)), T());
      }
      if (rest !== null) throw rest;
    }
    todo = todo.filter((n) => !(n in results));
    if (timeouts.length === 0 || todo.length === 0) break;
    limit *= 2;
  }
  const items = Object.entries(results).sort(([a], [b]) => (a < b ? -1 : 1));
  console.log("results", `[${items.map(([k, v]) => `('${k}', '${v}')`).join(", ")}]`, "left", strs(todo), T());
}

loop.runUntilCompleteSync(main());
loop.close();
