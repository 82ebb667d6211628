// a rate limiter from sleep() and loop.time(): at most `rate` calls per second, spaced
// evenly; callers reserve the next slot and sleep until it; a caller cancelled while waiting
// gives its slot back only if it is still the last one; a burst allowance lets the first
// calls through at once; the log shows when each call really ran.
import { EventLoop, sleep, gather, CancelledError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

class RateLimiter {
  constructor(rate, burst = 1) {
    this.interval = 1.0 / rate;
    this.burst = burst;
    this.nextSlot = loop.time() - (burst - 1) * this.interval;
  }
  *acquire(who) {
    const now = loop.time();
    const base = Math.max(this.nextSlot, now - (this.burst - 1) * this.interval);
    const slot = Math.max(now, base);
    this.nextSlot = base + this.interval;
    const delay = slot - now;
    console.log(`  ${who} reserves +${delay.toFixed(3)}`, T());
    try {
      if (delay > 0) yield* sleep(delay);
    } catch (e) {
      if (e instanceof CancelledError) {
        if (Math.abs(this.nextSlot - (base + this.interval)) < 1e-9) {
          this.nextSlot = base;
          console.log(`  ${who} returns its slot`, T());
        }
      }
      throw e;
    }
  }
}

const log = [];

function* callApi(limiter, who, work) {
  yield* limiter.acquire(who);
  const start = loop.time();
  log.push([who, start.toFixed(3)]);
  yield* sleep(work);
  return `${who}:${start.toFixed(3)}`;
}

function* main() {
  let lim = new RateLimiter(4);
  let tasks = [0, 1, 2, 3, 4].map((i) => loop.createTask(callApi(lim, `r${i}`, 0.01 * (i + 1))));
  let res = yield* gather(...tasks);
  console.log("round 1", fmt(res), T());

  yield* sleep(0.61);
  lim = new RateLimiter(8, 3);
  tasks = [0, 1, 2, 3, 4, 5].map((i) => loop.createTask(callApi(lim, `b${i}`, 0.02 + 0.003 * i)));
  yield* sleep(0.2);
  tasks[5].cancel();
  console.log("cancel b4", B(tasks[4].cancel()), "b1", B(tasks[1].cancel()));
  res = yield* gather(...tasks, { returnExceptions: true });
  console.log("round 2", fmt(res), T());
  const late = yield* callApi(lim, "late", 0.03);
  console.log("late", late, T());
  console.log("log", fmt(log));
}

loop.runUntilCompleteSync(main());
loop.close();
