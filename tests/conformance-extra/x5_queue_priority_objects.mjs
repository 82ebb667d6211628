// PriorityQueue with items that order themselves: the queue module docs' PrioritizedItem
// (a dataclass with order=True whose payload does not take part in comparisons), so equal
// priorities come out in heap order and payloads that cannot be compared never are;
// (datetime, job) tuples ordered by time; a class with only __gt__, compared reflectedly;
// an item that cannot be compared with the others is a TypeError.
import { EventLoop, PriorityQueue } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const pyVal = (v) => v === null ? "None" : Array.isArray(v) ? `[${v.map(pyVal).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : typeof v === "object" ? `{${Object.entries(v).map(([k, x]) => `'${k}': ${pyVal(x)}`).join(", ")}}` : String(v);

/** @dataclass(order=True): compares by priority only; item is field(compare=False). */
class PrioritizedItem {
  constructor(priority, item) {
    this.priority = priority;
    this.item = item;
  }

  __lt__(other) {
    return this.priority < other.priority;
  }

  __eq__(other) {
    return other instanceof PrioritizedItem && this.priority === other.priority;
  }
}

/** Greater than everything else. */
class Big {
  constructor(name) {
    this.name = name;
  }

  __gt__(other) {
    return !(other instanceof Big);
  }
}

const at = (h) => new Date(Date.UTC(2024, 0, 1, h));

function* main() {
  let q = new PriorityQueue();
  for (const [prio, payload] of [[3, { job: "c" }], [1, { job: "a" }], [2, ["b"]], [1, { job: "a2" }], [0, null]]) {
    yield* q.put(new PrioritizedItem(prio, payload));
  }
  while (!q.empty()) {
    const it = yield* q.get();
    console.log("PrioritizedItem", it.priority, pyVal(it.item));
  }

  q = new PriorityQueue();
  for (const [h, job] of [[9, "standup"], [7, "coffee"], [12, "lunch"], [7, "alarm"]]) q.putNowait([at(h), job]);
  const byTime = [];
  for (let n = q.qsize(); n > 0; n--) {
    const [d, job] = q.getNowait();
    byTime.push(`(${d.getUTCHours()}, '${job}')`);
  }
  console.log("by time:", `[${byTime.join(", ")}]`);

  q = new PriorityQueue();
  for (const v of [new Big("x"), 5, 1]) q.putNowait(v);
  const out = [];
  while (!q.empty()) {
    const v = q.getNowait();
    out.push(v instanceof Big ? `'${v.name}'` : String(v));
  }
  console.log("reflected __gt__:", `[${out.join(", ")}]`);

  q = new PriorityQueue();
  q.putNowait(new PrioritizedItem(1, "x"));
  try {
    q.putNowait(7);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    console.log("TypeError:", e.message);
  }
}

loop.runUntilCompleteSync(main());
loop.close();
