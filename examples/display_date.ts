// asyncio's "Coroutine displaying the current date" every second for 5 seconds. On the
// virtual clock the five seconds pass at once; the date is a fixed start plus loop time,
// so the output is the same on every run. It prints as Python's print(datetime) does.
import { EventLoop, sleep } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
const start = Date.UTC(2026, 10, 23, 12, 0, 0);

/** Python's str(datetime): "YYYY-MM-DD HH:MM:SS", with ".ffffff" only when there is a fraction. */
function pythonDatetime(ms: number): string {
  const [date, time] = new Date(ms).toISOString().slice(0, -1).split("T");
  const [hms, millis] = time.split(".");
  return millis === "000" ? `${date} ${hms}` : `${date} ${hms}.${millis}000`;
}

function* displayDate(loop: EventLoop) {
  const endTime = loop.time() + 5.0;
  for (;;) {
    console.log(pythonDatetime(start + loop.time() * 1000));
    if (loop.time() + 1.0 >= endTime) break;
    yield* sleep(1);
  }
}

loop.runUntilCompleteSync(displayDate(loop));
loop.close();
