// Virtual time with sleeps that are created before they are awaited: asyncio.sleep() is a
// coroutine, so its delay counts from the moment it is awaited (its first step), not from
// the moment it was created -- also when it was created by another callback or timer.
import { EventLoop, sleep } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const T = () => loop.time().toFixed(3);
const B = (b) => (b ? "True" : "False");
const ename = (e) => (e && e.name && e.name !== "Error" ? e.name : e?.constructor?.name);
const fmt = (v) => v instanceof Error ? `${ename(v)}: ${v.message}` : Array.isArray(v) ? `[${v.map(fmt).join(", ")}]`
  : typeof v === "string" ? `'${v}'` : v == null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
class ValueError extends Error { constructor(m) { super(m); this.name = "ValueError"; } }

const saved = {};

function makeSleep() {
  console.log("timer creates a sleep(1) t=" + T());
  saved.from_timer = sleep(1, "from timer");
}

function* main() {
  const s1 = sleep(1, "s1");
  console.log("created s1 t=" + T());
  yield* sleep(2);
  console.log("awaiting s1 t=" + T());
  console.log("got", fmt(yield* s1), "t=" + T());
  loop.callLater(0.5, makeSleep);
  yield* sleep(3);
  console.log("awaiting the timer's sleep t=" + T());
  console.log("got", fmt(yield* saved.from_timer), "t=" + T());
  const s3 = sleep(0.25, "s3");
  loop.callLater(0.1, () => console.log("timer@+0.1 t=" + T()));
  yield* sleep(0.2);
  console.log("got", fmt(yield* s3), "t=" + T());
}

await loop.runUntilComplete(main());
console.log("end t=" + T());
loop.close();
