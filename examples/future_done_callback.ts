// asyncio's "Future with run_until_complete()" and "Future with run_forever()": a
// coroutine sets a Future's result; a done callback prints it and stops the loop.
import { EventLoop, Future, ensureFuture, sleep } from "wasmloop";

function* slowOperation(future: Future<string>) {
  yield* sleep(1);
  future.setResult("Future is done!");
}

{
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  ensureFuture(slowOperation(future), { loop });
  await loop.runUntilComplete(future);
  console.log(future.result());
  loop.close();
}

{
  const loop = new EventLoop({ clock: "virtual" });
  const future = loop.createFuture<string>();
  ensureFuture(slowOperation(future), { loop });
  future.addDoneCallback((f) => {
    console.log(f.result());
    loop.stop();
  });
  try {
    await loop.runForever();
  } finally {
    loop.close();
  }
}
