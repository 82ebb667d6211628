// a periodic job driven by callLater re-scheduling itself (the handle is kept so it can be
// cancelled), under runForever(); a monitor task stops the loop with stop(); a callback scheduled
// after stop() waits for the next run, the periodic timer survives the stop and keeps going when
// runForever() is called again; a drift-free callAt variant; at the end the timer is
// cancelled and a pending task is finished with runUntilComplete.
import { EventLoop, setEventLoop, sleep } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
setEventLoop(loop);

class Periodic {
  constructor(name, interval, driftFree = false) {
    this.name = name;
    this.interval = interval;
    this.driftFree = driftFree;
    this.count = 0;
    this.start = loop.time();
    this.handle = loop.callLater(interval, () => this.tick());
  }
  tick() {
    this.count += 1;
    console.log("  tick", this.name, this.count, T());
    if (this.driftFree) {
      this.handle = loop.callAt(this.start + (this.count + 1) * this.interval, () => this.tick());
    } else {
      loop.callSoon(console.log, "  after tick", this.name, this.count);
      this.handle = loop.callLater(this.interval, () => this.tick());
    }
  }
}

function* monitor(p, stopAfter, state) {
  yield* sleep(stopAfter);
  console.log("monitor: stopping, ticks so far", p.count, T());
  loop.stop();
  loop.callSoon(console.log, "  soon after stop, scheduled at", T());
  state.stopped = true;
  yield* sleep(0.05);
  console.log("monitor: woke after stop", T());
  return p.count;
}

const p = new Periodic("p", 0.3);
const q = new Periodic("q", 0.43, true);
const state = {};
const mon = loop.createTask(monitor(p, 1.0, state));
await loop.runForever();
console.log("run_forever returned", T(), "monitor done", B(mon.done()), "running", B(loop.isRunning()));
console.log("handles cancelled", B(p.handle.cancelled()), B(q.handle.cancelled()), `when p ${p.handle.when().toFixed(3)} q ${q.handle.when().toFixed(3)}`);

loop.callLater(0.77, () => loop.stop());
await loop.runForever();
console.log("second run returned", T(), "monitor", mon.result(), "p", p.count, "q", q.count);

p.handle.cancel();
q.handle.cancel();
console.log("cancelled", B(p.handle.cancelled()), B(q.handle.cancelled()));
function* final() {
  yield* sleep(0.5);
  return "final at " + T();
}
console.log(await loop.runUntilComplete(final()), "p", p.count, "q", q.count);
loop.close();
console.log("closed", B(loop.isClosed()));
