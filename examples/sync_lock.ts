// The asyncio-sync documentation's Lock usage, both forms: `async with lock` and the
// equivalent acquire() / try / finally release(). Around the documented lines, two tasks
// update a shared balance with a pause in between: the lock keeps the updates whole.
import { EventLoop, Lock, asyncWith, gather, sleep } from "wasmloop";

const loop = new EventLoop({ clock: "virtual" });
let balance = 100;

function* deposit(lock: Lock, amount: number) {
  // async with lock:
  yield* asyncWith(lock, function* () {
    // access shared state
    const seen = balance;
    yield* sleep(0.1);
    balance = seen + amount;
    console.log(`deposit ${amount}: balance ${balance} at t=${loop.time().toFixed(1)}`);
  });
}

function* withdraw(lock: Lock, amount: number) {
  // which is equivalent to:
  yield* lock.acquire();
  try {
    // access shared state
    const seen = balance;
    yield* sleep(0.1);
    balance = seen - amount;
    console.log(`withdraw ${amount}: balance ${balance} at t=${loop.time().toFixed(1)}`);
  } finally {
    lock.release();
  }
}

function* main() {
  const lock = new Lock();
  // ... later
  yield* gather(deposit(lock, 50), withdraw(lock, 30), deposit(lock, 5));
  console.log(`final balance ${balance}, lock ${lock}`);
}

loop.runUntilCompleteSync(main());
loop.close();
