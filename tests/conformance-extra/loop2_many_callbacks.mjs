// Thousands of callbacks in one iteration: they run in scheduling order, handles cancelled
// by earlier callbacks of the same iteration (far ahead in the queue) are skipped, and what
// the callbacks schedule (call_soon, timers) waits for later iterations. Timers scheduled
// in a scrambled order run in deadline order, minus those cancelled along the way.
import { EventLoop } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const N = 3000; // call_soon callbacks in the first iteration
const M = 1500; // timers
const order = [];
const H = {}; // call_soon handles
const TH = {}; // timer handles by k

function digest(seq) {
  let h = 0;
  for (const x of seq) h = (h * 31 + x + 1) % 1000000007;
  return h;
}

function cb(i) {
  order.push(i);
  if (i % 7 === 0 && i + 1100 < N) H[i + 1100].cancel(); // a handle far ahead in this iteration
  if (i % 11 === 0 && i > 0) H[i - 1].cancel(); // already ran: no effect
  if (i % 5 === 0) loop.callSoon(child, 10000 + i);
  if (i % 13 === 0) loop.callAt(-1 + i / 100000, child, 20000 + i); // past, unique deadline
}

function child(v) { order.push(v); }

function timer(k) {
  order.push(50000 + k);
  if (k % 3 === 0 && k + 1 < M) TH[k + 1].cancel(); // the next deadline, not run yet
}

function marker(name) {
  console.log(name, "t=" + T(), "ran so far:", order.length, "digest:", digest(order));
}

function start() {
  for (let i = 0; i < N; i++) H[i] = loop.callSoon(cb, i);
  loop.callSoon(marker, "end of first iteration");
  for (let j = 0; j < M; j++) {
    const k = (j * 7919) % M; // scrambled scheduling order, unique deadlines
    TH[k] = loop.callAt(10 + k / 1000, timer, k);
  }
  loop.callAt(9, marker, "before timers");
  loop.callAt(20, marker, "after timers");
  loop.callAt(21, () => loop.stop());
}

const sorted = (a) => [...a].sort((x, y) => x - y);
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

loop.callSoon(start);
await loop.runForever();
const first = order.filter((x) => x < 10000);
console.log("first-iteration callbacks run:", first.length, "in order:", B(same(first, sorted(first))),
  "cancelled:", Array.from({ length: N }, (_, i) => i).filter((i) => H[i].cancelled()).length);
console.log("call_soon children:", order.filter((x) => 10000 <= x && x < 20000).length,
  "past timers:", order.filter((x) => 20000 <= x && x < 50000).length);
const tim = order.filter((x) => x >= 50000).map((x) => x - 50000);
console.log("timers run:", tim.length, "in deadline order:", B(same(tim, sorted(tim))),
  "cancelled:", Object.values(TH).filter((h) => h.cancelled()).length);
console.log("t=" + T(), "total:", order.length, "digest:", digest(order));
loop.close();
