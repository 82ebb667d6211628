// asyncio's "Print Hello World every two seconds, using a callback" (stopped after 3 prints).
import { EventLoop } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
let prints = 0;

function printAndRepeat(loop: EventLoop) {
  console.log("Hello World");
  if (++prints === 3) loop.stop();
  else loop.callLater(2, printAndRepeat, loop);
}

loop.callSoon(printAndRepeat, loop);
await loop.runForever();
console.log(`(stopped at virtual time ${loop.time()} s)`);
loop.close();
