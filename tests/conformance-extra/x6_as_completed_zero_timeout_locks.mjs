// as_completed with timeout 0 over done and pending futures: the done ones are yielded (their
// completion callbacks run before the zero timer) and the pending one raises TimeoutError;
// as_completed over nothing yields nothing; Lock and Semaphore acquired inside
// asyncio.timeout(): a timed-out waiter leaves no trace and the next waiter gets the lock in
// order; a BoundedSemaphore released too often raises ValueError and stays usable.
import { EventLoop, sleep, gather, timeout, asCompleted, asyncWith, createTask, Lock, Semaphore, BoundedSemaphore, TimeoutError } from "wasmloop";
const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e instanceof RangeError ? "ValueError" : e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

function* main() {
  console.log("case 1: as_completed timeout 0");
  const d1 = loop.createFuture(); d1.setResult("d1");
  const d2 = loop.createFuture(); d2.setException(new ValueError("d2"));
  const p = loop.createFuture();
  for (const fs of [[d1, p], [d2]]) {
    try {
      for (const fut of asCompleted(fs, { timeout: 0 })) {
        try {
          console.log("  got", fmt(yield* fut), T());
        } catch (e) {
          if (!(e instanceof ValueError)) throw e;
          console.log("  raised", fmt(e), T());
        }
      }
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("  timeout", ename(e), "p cancelled", B(p.cancelled()), T());
    }
  }
  console.log("  empty:", fmt([...asCompleted([])]));

  console.log("case 2: Lock inside timeout()");
  const lock = new Lock();
  const order = [];
  function* holder() {
    yield* asyncWith(lock, function* () {
      yield* sleep(1);
      order.push("holder");
    });
  }
  function* impatient() {
    try {
      yield* asyncWith(timeout(0.25), function* () {
        yield* asyncWith(lock, function* () {
          order.push("impatient");
        });
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("  impatient timed out", T(), "locked", B(lock.locked()));
    }
  }
  function* patient(name) {
    yield* asyncWith(timeout(5), function* () {
      yield* asyncWith(lock, function* () {
        order.push(name);
        yield* sleep(0.1);
      });
    });
  }
  yield* gather(holder(), impatient(), patient("p1"), patient("p2"));
  console.log("  order", fmt(order), T());

  console.log("case 3: Semaphore inside timeout()");
  const sem = new Semaphore(1);
  yield* sem.acquire();
  function* trySem(name, t) {
    try {
      yield* asyncWith(timeout(t), function* () {
        yield* asyncWith(sem, function* () {
          console.log("  ", name, "got it", T());
        });
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      console.log("  ", name, "timed out", T());
    }
  }
  const ts = [createTask(trySem("s1", 0.3)), createTask(trySem("s2", 1.2))];
  loop.callLater(0.6, () => sem.release());
  yield* gather(...ts);
  console.log("  locked", B(sem.locked()), T());

  console.log("case 4: BoundedSemaphore over-release");
  const b = new BoundedSemaphore(1);
  try {
    b.release();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log("  release:", ename(e));
  }
  yield* asyncWith(b, function* () {
    console.log("  still usable, locked", B(b.locked()));
  });
}

loop.runUntilCompleteSync(main());
loop.close();
