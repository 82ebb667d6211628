// Typed fixtures for TaskGroup, timeout() and ExceptionGroup (see coroutines.ts).
import {
  ExceptionGroup, Task, TaskGroup, Timeout, TimeoutError, asyncWith, sleep, timeout, timeoutAt,
} from "../../src/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

function* compute(x: number, y: number) {
  yield* sleep(1.0);
  return x + y;
}

function* main() {
  const task = yield* asyncWith(new TaskGroup(), function* (tg) {
    assertType<Equal<typeof tg, TaskGroup>>();
    const t = tg.createTask(compute(1, 2), { name: "sum" });
    // @ts-expect-error createTask takes a coroutine, not the generator function
    tg.createTask(compute);
    return t;
  });
  assertType<Equal<typeof task, Task<number>>>();

  const value = yield* asyncWith(timeout(1), function* (cm) {
    assertType<Equal<typeof cm, Timeout>>();
    cm.reschedule(cm.when());
    // @ts-expect-error a deadline is a number or null
    cm.reschedule("soon");
    return yield* compute(1, 2);
  });
  assertType<Equal<typeof value, number>>();
  const at = timeoutAt(null);
  assertType<Equal<ReturnType<typeof at.when>, number | null>>();

  const eg = new ExceptionGroup("m", [new TimeoutError()]);
  const [match, rest] = eg.split(TimeoutError);
  assertType<Equal<typeof match, ExceptionGroup | null>>();
  assertType<Equal<typeof rest, ExceptionGroup | null>>();
  const sub = eg.subgroup((e) => e instanceof RangeError);
  assertType<Equal<typeof sub, ExceptionGroup | null>>();
  assertType<Equal<typeof eg.exceptions, readonly unknown[]>>();
  // @ts-expect-error Python's argument order: the message first
  new ExceptionGroup([new TimeoutError()], "m");
}
void main;
