// The seed's callback examples on virtual time: "Hello World" with callSoon and a repeating
// callLater (stopped after a few rounds), "display the date" with callLater until an end
// time; around stop(): callbacks scheduled before it run in this run, those scheduled after
// it wait for the next runForever; callAt with a cancelled handle; a closed loop refuses.
import { EventLoop, RuntimeError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

let count = 0;
function printAndRepeat(loop, tag) {
  count += 1;
  console.log("Hello World", tag, count, T());
  if (count < 4) {
    const h = loop.callLater(2, printAndRepeat, loop, tag);
    console.log("  next at", h.when().toFixed(3), "cancelled:", B(h.cancelled()));
  } else {
    loop.stop();
  }
}

console.log("-- hello world, every two seconds");
let h = loop.callSoon(printAndRepeat, loop, "cb");
console.log("handle cancelled:", B(h.cancelled()), "running:", B(loop.isRunning()));
await loop.runForever();
console.log("stopped at", T(), "running:", B(loop.isRunning()));

console.log("-- display the date with call_later");
function displayDate(endTime, loop) {
  console.log("date", T());
  if (loop.time() + 1.0 < endTime) loop.callLater(1, displayDate, endTime, loop);
  else loop.stop();
}
loop.callSoon(displayDate, loop.time() + 5.0, loop);
await loop.runForever();
console.log("done at", T());

console.log("-- stop(): scheduled before it runs now, scheduled after it waits");
function first() {
  console.log("first", T(), "running:", B(loop.isRunning()));
  loop.stop();
  loop.callSoon(() => console.log("after stop", T()));
}
loop.callSoon(first);
loop.callSoon(() => console.log("second, same iteration", T()));
await loop.runForever();
console.log("between runs", T());
function timer() {
  console.log("timer", T());
  loop.stop();
}
loop.callLater(0.5, timer);
await loop.runForever();
console.log("end", T());

console.log("-- call_at and cancel");
const base = loop.time();
const hs = [3, 1, 2].map((d) => loop.callAt(base + d, console.log, "at", d));
hs[2].cancel();
hs[2].cancel();
console.log("cancelled:", fmt(hs.map((h) => h.cancelled())), "whens:", fmt(hs.map((h) => (h.when() - base).toFixed(3))));
loop.callAt(base + 4, () => loop.stop());
await loop.runForever();
console.log("end", T(), "cancel after it ran:", fmt(hs[0].cancel()), B(hs[0].cancelled()));
loop.close();
loop.close();
console.log("closed:", B(loop.isClosed()));
for (const [what, call] of [
  ["call_soon", () => loop.callSoon(console.log, "never")],
  ["call_later", () => loop.callLater(1, console.log, "never")],
  ["run_forever", () => loop.runForever()],
]) {
  try {
    await call();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log(what, "on a closed loop:", ename(e));
  }
}
