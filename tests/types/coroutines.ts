// Typed fixtures: tests/types.test.ts runs tsc over this folder and expects no error.
// Each `// @ts-expect-error` line must fail to type-check, proving the types are strict.
import {
  EventLoop, Future, Task, gather, sleep, waitFor, shield, ensureFuture, wait, asCompleted, Loop, runCoroutineThreadsafe,
} from "../../src/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

function* compute(x: number, y: number) {
  yield* sleep(1.0);
  return x + y;
}

function* name() {
  yield;
  return "name";
}

function* main() {
  const sum = yield* compute(1, 2);
  assertType<Equal<typeof sum, number>>();
  // @ts-expect-error a number is not a string
  const wrong: string = yield* compute(1, 2);

  const slept = yield* sleep(1, "value");
  assertType<Equal<typeof slept, string>>();

  const pair = yield* gather(ensureFuture(compute(1, 2)), name());
  assertType<Equal<typeof pair, [number, string]>>();

  const triple = yield* gather(sleep(1, true), compute(1, 2), Promise.resolve(1n));
  assertType<Equal<typeof triple, [boolean, number, bigint]>>();

  const withErrors = yield* gather(compute(1, 2), name(), { returnExceptions: true });
  assertType<Equal<typeof withErrors, [number | Error, string | Error]>>();

  const flag: boolean = loop.time() > 1;
  const maybeErrors = yield* gather(compute(1, 2), { returnExceptions: flag });
  assertType<Equal<typeof maybeErrors, [number | Error]>>();
  const noErrors = yield* gather(compute(1, 2), name(), { returnExceptions: false });
  assertType<Equal<typeof noErrors, [number, string]>>();
  const fa = loop.createFuture<number>();
  const gathered = gather(fa, name());
  assertType<Equal<typeof gathered, Future<[number, string]>>>();
  // @ts-expect-error gather's tuple: the second element is a string
  const [, notNumber]: [number, number] = yield* gather(fa, name());

  const timed = yield* waitFor(compute(1, 2), 1);
  assertType<Equal<typeof timed, number>>();

  const shielded = yield* shield(name());
  assertType<Equal<typeof shielded, string>>();

  const [done, pending] = yield* wait([ensureFuture(compute(1, 2))]);
  assertType<Equal<typeof done, Set<Future<number>>>>();
  assertType<Equal<typeof pending, Set<Future<number>>>>();

  for (const f of asCompleted([compute(1, 2), compute(3, 4)])) {
    const v = yield* f;
    assertType<Equal<typeof v, number>>();
  }
  return [wrong, notNumber];
}


const loop = new EventLoop({ clock: "virtual" });
const task = loop.createTask(compute(1, 2));
assertType<Equal<typeof task, Task<number>>>();
const viaSync = loop.runUntilCompleteSync(compute(1, 2));
assertType<Equal<typeof viaSync, number>>();
const viaAsync = loop.runUntilComplete(name());
assertType<Equal<typeof viaAsync, Promise<string>>>();
const fut = loop.createFuture<number>();
// @ts-expect-error setResult takes the Future's type
fut.setResult("no");
// @ts-expect-error the callback's arguments are checked
loop.callLater(1, (a: number) => a, "not a number");
async function awaitIt() {
  const v = await task;
  assertType<Equal<typeof v, number>>();
}
void awaitIt;
void main;
{
  using l = new Loop(compute(1, 2));
  void l;
}
const submitted = runCoroutineThreadsafe(compute(1, 2), loop);
assertType<Equal<ReturnType<typeof submitted.result>, number>>();
// @ts-expect-error runCoroutineThreadsafe takes a coroutine, not the generator function
runCoroutineThreadsafe(compute, loop);
