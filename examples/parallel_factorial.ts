// asyncio's "Parallel execution of tasks": three factorials gathered.
import { EventLoop, gather, setEventLoop, sleep } from "wasmloop";

function* factorial(name: string, number: number) {
  let f = 1;
  for (let i = 2; i <= number; i++) {
    console.log(`Task ${name}: Compute factorial(${i})...`);
    yield* sleep(1);
    f *= i;
  }
  console.log(`Task ${name}: factorial(${number}) = ${f}`);
}

const loop = new EventLoop({ clock: "virtual" });
setEventLoop(loop); // asyncio's get_event_loop(): gather() outside a running loop uses it
loop.runUntilCompleteSync(gather(factorial("A", 2), factorial("B", 3), factorial("C", 4)));
loop.close();
