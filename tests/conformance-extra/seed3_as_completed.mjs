// The seed's asCompleted loop on virtual time: results come in completion order (not
// argument order), an exception is raised by the yield* of its turn, the items are not the
// futures passed in; with a timeout the items still pending raise TimeoutError while the
// tasks themselves go on running; already-done futures come first.
import { EventLoop, setEventLoop, sleep, ensureFuture, asCompleted, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }
setEventLoop(loop);

function* job(tag, d, fail = false) {
  console.log(tag, "starts", T());
  yield* sleep(d);
  if (fail) {
    console.log(tag, "fails", T());
    throw new ValueError(tag);
  }
  console.log(tag, "done", T());
  return tag;
}

function* main() {
  console.log("-- completion order");
  const fs = [ensureFuture(job("a", 3)), ensureFuture(job("b", 1)), job("c", 2)];
  let i = 0;
  for (const f of asCompleted(fs)) {
    console.log("item", i++, "is one of fs:", B(fs.slice(0, 2).includes(f)));
    const result = yield* f;
    console.log("got", fmt(result), T());
  }

  console.log("-- an exception is raised by the await of its turn");
  for (const f of asCompleted([job("d", 0.5), job("e", 0.25, true), job("f", 0.75)])) {
    try {
      console.log("got", fmt(yield* f), T());
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      console.log("raised", fmt(e), T());
    }
  }

  console.log("-- timeout");
  const slow = ensureFuture(job("slow", 4));
  let n = 0;
  for (const f of asCompleted([job("g", 0.5), slow, job("h", 1.5)], { timeout: 1.0 })) {
    n += 1;
    try {
      console.log(n, "got", fmt(yield* f), T());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log(n, "timed out:", ename(e), T(), "slow done:", B(slow.done()));
    }
  }
  console.log("slow goes on:", fmt(yield* slow), T());

  console.log("-- done futures first");
  const done = loop.createFuture();
  done.setResult("early");
  const later = loop.createFuture();
  loop.callLater(0.5, (v) => later.setResult(v), "later");
  for (const f of asCompleted([later, job("i", 0.25), done])) {
    console.log("got", fmt(yield* f), T());
  }
}

loop.runUntilCompleteSync(main());
console.log("end", T());
