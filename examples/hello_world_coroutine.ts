// asyncio's "Hello World coroutine".
import { EventLoop } from "wasmloop";

function* helloWorld() {
  console.log("Hello World!");
}

const loop = new EventLoop({ clock: "virtual" });
loop.runUntilCompleteSync(helloWorld());
loop.close();
