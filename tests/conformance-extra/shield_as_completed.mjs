// shield: cancelling the waiter does not cancel the shielded task; asCompleted yields in
// completion order and raises TimeoutError for those not done in time.
import { EventLoop, sleep, shield, asCompleted, CancelledError, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");

function* work(name, d) {
  yield* sleep(d);
  console.log("finished", name, T());
  return name;
}

function* waiter(inner) {
  try {
    return yield* shield(inner);
  } catch (e) {
    if (e instanceof CancelledError) console.log("waiter cancelled", T(), "inner cancelled", B(inner.cancelled()));
    throw e;
  }
}

function* main() {
  const inner = loop.createTask(work("inner", 1));
  const w = loop.createTask(waiter(inner));
  yield* sleep(0.5);
  w.cancel();
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("w cancelled", B(w.cancelled()), T());
  }
  console.log("inner result", yield* inner, T());
  let fs = [work("x", 0.3), work("y", 0.1), work("z", 0.2)];
  for (const f of asCompleted(fs)) console.log("got", yield* f, T());
  fs = [["p", 0.1], ["q", 5]].map(([n, d]) => loop.createTask(work(n, d)));
  for (const f of asCompleted(fs, { timeout: 1 })) {
    try {
      console.log("got", yield* f, T());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("timed out", T());
    }
  }
  fs[1].cancel();
}

loop.runUntilCompleteSync(main());
loop.close();
