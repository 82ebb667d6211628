/**
 * asyncWith: Python's `async with`, the one place that runs the async context manager
 * protocol (as contextlib is for Python). `async with cm as v: body` becomes
 * `yield* asyncWith(cm, function* (v) { body })`.
 *
 *   v = await cm.aenter()
 *   try: result = body(v)                          (inline, in the calling task)
 *   except exc: if not await cm.aexit(exc): raise  (a truthy aexit swallows it)
 *   else: await cm.aexit(None)
 *
 * The returned Future is one of asyncio's coroutines (see coroutine-future.ts): `yield*`
 * runs the whole statement inline in the calling task, so a timeout() or a TaskGroup that
 * cancels that task cancels the body; handed to createTask or gather, it runs in a Task.
 */
import { Future, type Awaitable } from "./futures.js";
import { CoroutineFuture } from "./coroutine-future.js";
import { getEventLoop } from "./events.js";
import { isCoroutine } from "./coroutines.js";
import { toFuture } from "./ensure-future.js";
import { describe } from "./validate.js";

/** An asynchronous context manager: Python's `__aenter__` / `__aexit__`. */
export interface AsyncContextManager<V> {
  /** Enters the context (Python's `__aenter__`); its value is what the body receives. */
  aenter(): Awaitable<V>;
  /** `exc` is the body's exception, or null when the body ended normally; truthy swallows `exc`. */
  aexit(exc: unknown): Awaitable<unknown>;
}

/**
 * Runs `body(v)` inside the async context manager `cm`, as Python's `async with cm as v:`.
 * Resolves to the body's return value (undefined when `aexit` swallowed its exception).
 * @example
 * yield* asyncWith(new TaskGroup(), function* (tg) {
 *   tg.createTask(worker("a"));
 *   tg.createTask(worker("b"));
 * });   // both are done here
 */
export function asyncWith<V, T>(
  cm: AsyncContextManager<V>,
  body: (v: V) => Generator<unknown, T, any>,
): Future<T> {
  if (cm === null || (typeof cm !== "object" && typeof cm !== "function")) {
    throw new TypeError(`asyncWith: cm must be an async context manager (with aenter() and aexit()), got ${describe(cm)}`);
  }
  for (const method of ["aenter", "aexit"] as const) {
    if (typeof cm[method] !== "function") {
      throw new TypeError(
        `asyncWith: cm must have an ${method}() method (an async context manager), got ${describe(cm)} without one`,
      );
    }
  }
  if (typeof body !== "function") {
    throw new TypeError(`asyncWith: body must be a generator function (function* (v) { ... }), got ${describe(body)}`);
  }
  return new CoroutineFuture<T>(getEventLoop(), () => run(cm, body) as Generator<unknown, T, any>);
}

function* run<V, T>(cm: AsyncContextManager<V>, body: (v: V) => Generator<unknown, T, any>): Generator<unknown, T | undefined, any> {
  const v = (yield* awaitInline(cm.aenter(), "aenter()")) as V;
  let result: T;
  try {
    const coro = body(v);
    if (!isCoroutine(coro)) {
      throw new TypeError(`asyncWith: body must return a generator (write function* (v) { ... }), got ${describe(coro)}`);
    }
    result = yield* coro;
  } catch (exc) {
    if (yield* awaitInline(cm.aexit(exc), "aexit()")) return undefined;
    throw exc;
  }
  yield* awaitInline(cm.aexit(null), "aexit()");
  return result;
}

/** `await x` in the calling task: a Future or a coroutine runs inline, a thenable is bridged. */
function* awaitInline(x: unknown, what: string): Generator<unknown, unknown, any> {
  if (x instanceof Future || isCoroutine(x)) return yield* x as Generator<unknown, unknown, any>;
  return yield* toFuture(`asyncWith: cm.${what}`, "the value it returned", x, undefined);
}
