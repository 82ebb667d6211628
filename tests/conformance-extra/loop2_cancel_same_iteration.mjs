// Cancelling from inside callbacks of the same iteration: a later call_soon handle, a timer
// already due in this iteration, a timer not yet due, the running handle itself, and
// handles that already ran. Callbacks scheduled after a cancel (reusing its place) still
// run, and cancelled() reports True only after cancel().
import { EventLoop } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const H = {};

function cb(name) { console.log("run", name, "t=" + T()); }

function killer() {
  console.log("killer t=" + T());
  for (const k of ["victim_soon", "victim_due", "victim_later", "ran_before"]) {
    H[k].cancel();
    console.log("  cancelled", k, B(H[k].cancelled()));
  }
  // new work scheduled right after the cancels
  H.fresh_soon = loop.callSoon(cb, "fresh soon");
  H.fresh_timer = loop.callLater(0.5, cb, "fresh timer");
  H.fresh_zero = loop.callLater(0, cb, "fresh zero");
}

function selfCancel() {
  console.log("self_cancel runs t=" + T(), "cancelled before:", B(H.self.cancelled()));
  H.self.cancel();
  console.log("self_cancel cancelled after:", B(H.self.cancelled()));
}

function timerCancelsTimer() {
  console.log("timer_cancels_timer t=" + T());
  H.sibling.cancel();
  H.replacement = loop.callLater(0.1, cb, "replacement");
}

function phase2() {
  console.log("phase2 t=" + T());
  H.sibling = loop.callLater(1.0, cb, "sibling (cancelled)");
  loop.callLater(0.5, timerCancelsTimer);
  loop.callLater(1.5, cb, "after sibling");
}

function mainCb() {
  H.ran_before = loop.callSoon(cb, "ran_before");
  loop.callLater(0.001, startPhase);
}

function startPhase() {
  // one iteration: killer, victim_soon, self, and victim_due (timer due now) are all ready
  H.victim_due = loop.callLater(-1, cb, "victim_due (cancelled)");
  loop.callSoon(killer);
  H.victim_soon = loop.callSoon(cb, "victim_soon (cancelled)");
  H.self = loop.callSoon(selfCancel);
  H.victim_later = loop.callLater(2, cb, "victim_later (cancelled)");
  loop.callSoon(cb, "bystander");
  loop.callLater(3, phase2);
  loop.callLater(6, () => loop.stop());
}

loop.callSoon(mainCb);
await loop.runForever();
for (const k of Object.keys(H).sort()) console.log(k, "cancelled:", B(H[k].cancelled()));
console.log("stopped t=" + T());
loop.close();
