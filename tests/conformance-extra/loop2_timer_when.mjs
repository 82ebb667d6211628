// TimerHandle.when() is the absolute loop time (now + delay; call_at's own `when`), also for
// negative and zero delays and deadlines in the past; such timers run in deadline order at
// the next iteration without moving the clock; time() inside a timer is its deadline.
import { EventLoop, sleep } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
const W = (h) => h.when().toFixed(3);

function cb(name) { console.log("run", name, "t=" + T()); }

function nest(depth) {
  console.log("nest", depth, "t=" + T());
  if (depth < 3) {
    const h = loop.callLater(0.5 * depth + 0.1, nest, depth + 1);
    console.log("  next nest when", W(h), "delay", (h.when() - loop.time()).toFixed(3));
  } else {
    const hp = loop.callAt(loop.time() - 2, cb, "past from nest");
    const h0 = loop.callLater(0, cb, "zero from nest");
    const hn = loop.callLater(-0.5, cb, "neg from nest");
    loop.callSoon(cb, "soon from nest");
    console.log("  past/zero/neg when", W(hp), W(h0), W(hn));
  }
}

function* main() {
  yield* sleep(0.5);
  const h1 = loop.callLater(1, cb, "later 1");
  const h2 = loop.callAt(2.25, cb, "at 2.25");
  const h3 = loop.callLater(0, cb, "later 0");
  const h4 = loop.callLater(-3, cb, "later -3");
  const h5 = loop.callAt(0.2, cb, "at 0.2 (past)");
  const h6 = loop.callSoon(cb, "soon");
  console.log("when:", W(h1), W(h2), W(h3), W(h4), W(h5), "t=" + T());
  const h7 = loop.callLater(0.75, nest, 0);
  console.log("nest when", W(h7));
  yield* sleep(0);
  console.log("main after sleep(0) t=" + T());
  yield* sleep(0);
  console.log("main after 2nd sleep(0) t=" + T());
  yield* sleep(5);
  console.log("when unchanged after running:", W(h1), W(h2), "cancelled:", B(h1.cancelled()));
  h1.cancel();
  console.log("cancel after run: cancelled", B(h1.cancelled()), "when", W(h1));
  console.log("main done t=" + T());
}

await loop.runUntilComplete(main());
loop.close();
