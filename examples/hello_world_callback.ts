// asyncio's "Hello World with call_soon()": schedule a callback, then stop the loop.
import { EventLoop } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });

function helloWorld(loop: EventLoop) {
  console.log("Hello World");
  loop.stop();
}

loop.callSoon(helloWorld, loop);
await loop.runForever();
loop.close();
