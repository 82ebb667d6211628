// Typed fixtures for the executors: results are typed by the function (a promise is
// unwrapped), arguments are checked against its parameters, moduleFunction<F> carries F.
import { EventLoop, ExecutorFuture, Future, ThreadPoolExecutor, moduleFunction, toThread, wrapFuture } from "../../src/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

declare function hash(data: Uint8Array, rounds: number): Promise<string>;

function* main(loop: EventLoop, pool: ThreadPoolExecutor) {
  const product = yield* loop.runInExecutor(null, (a: number, b: number) => a * b, 6, 7);
  assertType<Equal<typeof product, number>>();
  // @ts-expect-error the second argument must be a number
  loop.runInExecutor(null, (a: number, b: number) => a * b, 6, "7");

  const text = yield* loop.runInExecutor(pool, async (s: string) => s.toUpperCase(), "x");
  assertType<Equal<typeof text, string>>();

  const work = moduleFunction<typeof hash>(new URL("file:///work.js"), "hash");
  const digest = yield* loop.runInExecutor(null, work, new Uint8Array(1), 3);
  assertType<Equal<typeof digest, string>>();
  // @ts-expect-error rounds must be a number
  loop.runInExecutor(null, work, new Uint8Array(1), "3");

  const t = yield* toThread((n: number) => n > 1, 2);
  assertType<Equal<typeof t, boolean>>();

  const submitted = pool.submit((s: string) => s.length, "abc");
  assertType<Equal<typeof submitted, ExecutorFuture<number>>>();
  const wrapped = wrapFuture(submitted, { loop });
  assertType<Equal<typeof wrapped, Future<number>>>();

  const shut: Future<void> = loop.shutdownDefaultExecutor(1);
  yield* shut;
  // @ts-expect-error setDefaultExecutor takes a ThreadPoolExecutor
  loop.setDefaultExecutor({ submit() {} });
}
void main;
