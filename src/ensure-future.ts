import { RuntimeError } from "./exceptions.js";
import { getEventLoop } from "./events.js";
import { Future, type Awaitable } from "./futures.js";
import { BaseEventLoop } from "./base-events.js";
import type { EventLoop } from "./loop.js";
import { isCoroutine } from "./coroutines.js";
import { describe } from "./validate.js";

/** True for objects with a `then` method (promises and other thenables) that are not Futures. */
export function isThenable(x: unknown): x is PromiseLike<unknown> {
  return (
    x !== null &&
    (typeof x === "object" || typeof x === "function") &&
    !(x instanceof Future) &&
    typeof (x as PromiseLike<unknown>).then === "function"
  );
}

/**
 * A Future for any awaitable: a Future is returned as it is, a coroutine is wrapped in a
 * Task, a thenable is bridged into a Future (cancelling that Future cannot stop the promise).
 * @example
 * const task = ensureFuture(worker());              // a Task
 * const fut = ensureFuture(fetch(url), { loop });   // a Future settled by the promise
 */
export function ensureFuture<T>(aw: Awaitable<T>, options: { loop?: EventLoop } = {}): Future<T> {
  return toFuture("ensureFuture", "aw", aw, optionLoop("ensureFuture", options));
}

/** @internal the loop of an options object, checked */
export function optionLoop(where: string, options: { loop?: EventLoop } | undefined): EventLoop | undefined {
  if (options === undefined) return undefined;
  if (options === null || typeof options !== "object") {
    throw new TypeError(`${where}: options must be an object, got ${describe(options)}`);
  }
  const loop = options.loop;
  if (loop !== undefined && !(loop instanceof BaseEventLoop)) {
    throw new TypeError(`${where}: options.loop must be an EventLoop, got ${describe(loop)}`);
  }
  return loop;
}

/** @internal TypeError naming `name` unless `aw` is a Future, a coroutine or a thenable; makes nothing */
export function checkAwaitable(where: string, name: string, aw: unknown): void {
  if (aw instanceof Future || isCoroutine(aw) || isThenable(aw)) return;
  // a generator function passed uncalled is the likely mistake: say so
  const hint = typeof aw === "function" ? (aw.name ? `; call it: ${aw.name}()` : "; call it") : "";
  throw new TypeError(`${where}: ${name} must be a Future, a coroutine or a thenable, got ${describe(aw)}${hint}`);
}

/**
 * @internal ensureFuture with the caller's name for errors; `loop` undefined means the
 * Future's own loop, or the current loop for coroutines and thenables.
 */
export function toFuture<T>(where: string, name: string, aw: unknown, loop: EventLoop | undefined): Future<T> {
  if (aw instanceof Future) {
    if (loop !== undefined && aw._loop !== loop && !aw._adopt(loop)) throw foreignFuture(where, name, aw, loop);
    if (aw._isFreshCoroutine()) {
      return (loop ?? aw.getLoop()).createTask(aw as Future<T>);
    }
    return aw as Future<T>;
  }
  if (isCoroutine(aw)) return (loop ?? getEventLoop()).createTask(aw as Generator<unknown, T, any>);
  checkAwaitable(where, name, aw);
  return bridge(aw as PromiseLike<T>, loop ?? getEventLoop());
}

/** The RuntimeError for a Future of another loop: both loops, with their states, and what to do. */
function foreignFuture(where: string, name: string, fut: Future<unknown>, loop: EventLoop): RuntimeError {
  const own = fut._loop;
  const closed = own.isClosed() ? "; its loop is closed, so nothing will ever complete it" : "";
  return new RuntimeError(
    `${where}: ${name} is a Future of another event loop: it belongs to ${own}, not to the loop that runs it, ${loop}${closed}; ` +
      "make Futures with the loop that runs them (loop.createFuture(), or { loop } in the options)",
  );
}

/** @internal a Future of `loop` settled by the thenable (a Task's `yield promise` waits on one too) */
export function bridge<T>(p: PromiseLike<T>, loop: EventLoop): Future<T> {
  const fut = loop.createFuture<T>();
  const settle = (ok: boolean, v: unknown) => {
    if (fut.done() || loop.isClosed()) return;
    if (ok) fut.setResult(v as T);
    else fut.setException(v ?? new Error(`promise rejected with ${v}`));
  };
  p.then((v) => settle(true, v), (e) => settle(false, e));
  return fut;
}
