// Nested timeouts. The inner one expires first: it raises TimeoutError inside the outer block,
// which goes on and can expire later itself. The outer one expires first: the inner block sees
// a CancelledError that is not its own and lets it through unexpired; the outer one raises
// TimeoutError. Three levels, the middle one shortest. The reprs along the way.
import { EventLoop, sleep, timeout, asyncWith, currentTask, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* guarded(label, cm, body) {
  try {
    return yield* asyncWith(cm, function* () {
      return yield* body();
    });
  } catch (e) {
    console.log("  ", label, "raised", ename(e), T(), String(cm));
    throw e;
  } finally {
    console.log("  ", label, "exits", String(cm), "expired", B(cm.expired()));
  }
}

function* main() {
  const me = currentTask();
  console.log("inner first:");
  function* innerFirst() {
    try {
      yield* guarded("inner", timeout(1), () => sleep(5));
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("  outer body caught TimeoutError", T());
    }
    yield* sleep(2);
    console.log("  never printed");
  }
  try {
    yield* guarded("outer", timeout(2.5), innerFirst);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  main caught TimeoutError", T(), "cancelling", me.cancelling());
  }

  console.log("outer first:");
  function* outerFirst() {
    yield* guarded("inner", timeout(5), () => sleep(10));
  }
  try {
    yield* guarded("outer", timeout(1), outerFirst);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("  main caught TimeoutError", T(), "cancelling", me.cancelling());
  }

  console.log("three levels, middle shortest:");
  function* level3() {
    yield* guarded("innermost", timeout(10), () => sleep(20));
  }
  function* level2() {
    try {
      yield* guarded("middle", timeout(1), level3);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("  middle's TimeoutError caught", T());
    }
    return "level2 done";
  }
  console.log("  ->", yield* guarded("top", timeout(5), level2), T(), "cancelling", me.cancelling());
}

loop.runUntilCompleteSync(main());
loop.close();
