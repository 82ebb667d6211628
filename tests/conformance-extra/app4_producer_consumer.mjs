// producer/consumer built from bare Futures (no Queue): consumers wait for items with
// waitFor(chan.get(), t); a timed-out get cancels its waiter Future, which the producer then
// skips; idle consumers give up after two timeouts; a sentinel per consumer ends the rest;
// gather collects what each consumer processed.
import { EventLoop, sleep, gather, waitFor, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

class Channel {
  constructor() {
    this.items = [];
    this.waiters = [];
  }
  put(item) {
    while (this.waiters.length > 0) {
      const w = this.waiters.shift();
      if (w.cancelled()) {
        console.log("  put", item === null ? "None" : item, "skips a cancelled waiter", T());
        continue;
      }
      w.setResult(item);
      return;
    }
    this.items.push(item);
  }
  *get() {
    if (this.items.length > 0) return this.items.shift();
    const fut = loop.createFuture();
    this.waiters.push(fut);
    return yield* fut;
  }
}

function* producer(chan, plan, nconsumers) {
  for (const [delay, item] of plan) {
    yield* sleep(delay);
    console.log("produce", item, T());
    chan.put(item);
  }
  for (let i = 0; i < nconsumers; i++) chan.put(null);
  console.log("producer done", T());
  return plan.length;
}

function* consumer(name, chan, timeout, work) {
  const got = [];
  let idle = 0;
  while (true) {
    let item;
    try {
      item = yield* waitFor(chan.get(), timeout);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      idle += 1;
      console.log("  ", name, "idle", idle, T());
      if (idle === 2) return [name, got, "gave up"];
      continue;
    }
    if (item === null) return [name, got, "sentinel"];
    idle = 0;
    console.log("  ", name, "got", item, T());
    yield* sleep(work);
    got.push(item);
  }
}

function* main() {
  const chan = new Channel();
  const plan = [[0.1, "a"], [0.05, "b"], [0.02, "c"], [0.6, "d"], [0.13, "e"], [1.4, "f"]];
  const cs = [["c1", 0.45, 0.21], ["c2", 0.33, 0.07], ["c3", 0.72, 0.11]].map(([n, t, w]) => loop.createTask(consumer(n, chan, t, w)));
  const p = loop.createTask(producer(chan, plan, cs.length));
  const res = yield* gather(p, ...cs);
  for (const r of res.slice(1)) console.log(r[0], fmt(r[1]), r[2]);
  console.log("produced", res[0], "left in channel", fmt(chan.items), "waiters", chan.waiters.length, T());
}

loop.runUntilCompleteSync(main());
loop.close();
