// wait() and asCompleted() of awaitables with different value types: the Futures' value type
// is the union, inferred without a type argument (tests/types.test.ts type-checks this file).
import { EventLoop, Future, Task, asCompleted, ensureFuture, sleep, wait, FIRST_COMPLETED } from "../../src/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

function* num() {
  yield* sleep(1);
  return 1;
}
function* str() {
  yield* sleep(2);
  return "two";
}
const loop = new EventLoop({ clock: "virtual" });

function* mixed() {
  const [done, pending] = yield* wait([num(), str()]);
  assertType<Equal<typeof done, Set<Future<number | string>>>>();
  assertType<Equal<typeof pending, Set<Future<number | string>>>>();

  // Futures, Tasks, sleeps and promises mixed, with options
  const [first] = yield* wait([ensureFuture(num()), loop.createTask(str()), sleep(1, true), Promise.resolve(3n)], {
    returnWhen: FIRST_COMPLETED,
  });
  assertType<Equal<typeof first, Set<Future<number | string | boolean | bigint>>>>();

  // an iterable that is not an array
  const tasks = new Set<Task<number> | Task<string>>([loop.createTask(num()), loop.createTask(str())]);
  const [fromSet] = yield* wait(tasks);
  assertType<Equal<typeof fromSet, Set<Future<number | string>>>>();

  for (const f of asCompleted([num(), str()])) {
    const v = yield* f;
    assertType<Equal<typeof v, number | string>>();
  }
  const completed = asCompleted([num(), sleep(1, null)], { timeout: 5 });
  assertType<Equal<typeof completed, Future<number | null>[]>>();

  // the explicit type argument still works, and is still checked
  const [explicit] = yield* wait<number | string>([num(), str()]);
  assertType<Equal<typeof explicit, Set<Future<number | string>>>>();
  // @ts-expect-error a string coroutine is not an Awaitable<number>
  yield* wait<number>([num(), str()]);
  const asNumbers = asCompleted<number>([num()]);
  assertType<Equal<typeof asNumbers, Future<number>[]>>();

  // what is not awaitable is still refused
  // @ts-expect-error a number is not an awaitable
  yield* wait([num(), 42]);
  // @ts-expect-error a string is not an awaitable
  asCompleted([str(), "x"]);
}
void mixed;
