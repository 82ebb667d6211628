// Typed fixtures for the synchronization primitives and queues (checked by tests/types.test.ts).
import {
  Barrier, BoundedSemaphore, Condition, Event, Future, LifoQueue, Lock, PriorityQueue, Queue, Semaphore, asyncWith, gather,
} from "../../src/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

function* main() {
  const lock = new Lock();
  const got = yield* lock.acquire();
  assertType<Equal<typeof got, true>>();
  const acquiring: Future<true> = lock.acquire();
  void acquiring;
  const inBody = yield* asyncWith(lock, function* (v) {
    assertType<Equal<typeof v, undefined>>();
    return 42;
  });
  assertType<Equal<typeof inBody, number>>();

  const ev = new Event();
  const w = yield* ev.wait();
  assertType<Equal<typeof w, true>>();

  const cond = new Condition(lock);
  const item = yield* cond.waitFor(() => ["x"] as string[] | undefined);
  assertType<Equal<typeof item, string[] | undefined>>();
  const cw = yield* cond.wait();
  assertType<Equal<typeof cw, true>>();
  // @ts-expect-error the lock must be a Lock
  new Condition(new Semaphore());

  const sem: Semaphore = new BoundedSemaphore(3);
  const s = yield* sem.acquire();
  assertType<Equal<typeof s, true>>();
  // @ts-expect-error the value is a number
  new Semaphore("3");

  const b = new Barrier(3);
  const index = yield* b.wait();
  assertType<Equal<typeof index, number>>();
  yield* asyncWith(b, function* (i) {
    assertType<Equal<typeof i, number>>();
  });
  // @ts-expect-error parties is read-only
  b.parties = 4;

  const q = new Queue<string>(10);
  yield* q.put("job");
  // @ts-expect-error a Queue<string> takes strings
  yield* q.put(1);
  const job = yield* q.get();
  assertType<Equal<typeof job, string>>();
  const now: string = q.getNowait();
  void now;
  const pq = new PriorityQueue<[number, string]>();
  pq.putNowait([1, "a"]);
  const [prio, data] = yield* pq.get();
  assertType<Equal<typeof prio, number>>();
  assertType<Equal<typeof data, string>>();
  const lq = new LifoQueue<number>();
  const both = yield* gather(lq.get(), q.get());
  assertType<Equal<typeof both, [number, string]>>();
  yield* q.join();
}
void main;
