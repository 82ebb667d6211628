// call_soon from callbacks and timers: what a callback schedules waits for the next
// iteration, after the rest of the current one; due timers join the ready queue behind the
// callbacks that were already ready, so a zero-delay timer scheduled before a call_soon
// still runs after it.
import { EventLoop } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

let it = 0;
function tick(n) {
  // marks iteration boundaries: one tick per iteration while n > 0
  it += 1;
  console.log("-- tick", it, "t=" + T());
  if (n > 1) loop.callSoon(tick, n - 1);
}

function cb(name, ...children) {
  console.log("run", name, "t=" + T());
  for (const c of children) {
    if (c.startsWith("L0:")) loop.callLater(0, cb, c);
    else if (c.startsWith("N:")) loop.callLater(-1, cb, c);
    else loop.callSoon(cb, c);
  }
}

function timer(name) {
  console.log("timer", name, "t=" + T());
  loop.callLater(0, cb, name + "/L0");
  loop.callSoon(cb, name + "/soon", name + "/soon/soon");
  loop.callLater(0.25, cb, name + "/+0.25");
}

function mainCb() {
  loop.callSoon(tick, 4);
  loop.callSoon(cb, "a", "a1", "a2");
  loop.callLater(0, cb, "L0:b", "b1");
  loop.callSoon(cb, "c", "L0:c1", "c2");
  loop.callLater(-1, cb, "N:d");
  loop.callSoon(cb, "e");
  loop.callLater(1, timer, "T1");
  loop.callLater(2, timer, "T2");
  loop.callLater(3, () => loop.stop());
}

loop.callSoon(mainCb);
await loop.runForever();
console.log("stopped t=" + T());
loop.close();
