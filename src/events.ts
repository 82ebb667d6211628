/**
 * Which loop is running, and the default loop: getEventLoop, getRunningLoop, setEventLoop,
 * newEventLoop. "Running" means: inside one of the loop's callbacks (always exact), or,
 * between iterations, the one loop that is being run asynchronously on the host.
 */
import { RuntimeError } from "./errors.js";
import { EventLoop, type EventLoopOptions } from "./loop.js";
import { describe } from "./validate.js";

let current: EventLoop | null = null;
const asyncRuns = new Set<EventLoop>();
let defaultLoop: EventLoop | null = null;

/** @internal the loop whose callbacks are on the stack */
export function _enterLoop(loop: EventLoop): EventLoop | null {
  const prev = current;
  current = loop;
  return prev;
}

/** @internal */
export function _leaveLoop(prev: EventLoop | null): void {
  current = prev;
}

/** @internal */
export function _setAsyncRun(loop: EventLoop, on: boolean): void {
  if (on) asyncRuns.add(loop);
  else asyncRuns.delete(loop);
}

/** @internal the loop whose callbacks are on the stack, or null */
export function _getLoopOnStack(): EventLoop | null {
  return current;
}

/** @internal the running loop or null */
export function _getRunningLoop(): EventLoop | null {
  if (current !== null) return current;
  if (asyncRuns.size === 1) return asyncRuns.values().next().value!;
  return null;
}

/**
 * The running loop; throws RuntimeError when no loop is running.
 * @example
 * function* job() { const loop = getRunningLoop(); loop.callSoon(() => console.log("hi")); }
 */
export function getRunningLoop(): EventLoop {
  const loop = _getRunningLoop();
  if (loop === null) throw new RuntimeError("no running event loop");
  return loop;
}

/**
 * The running loop inside callbacks and tasks; elsewhere the default loop, created on first use.
 * @example
 * const loop = getEventLoop();
 * loop.callSoon(() => console.log("Hello World"));
 */
export function getEventLoop(): EventLoop {
  const running = _getRunningLoop();
  if (running !== null) return running;
  if (defaultLoop === null || defaultLoop.isClosed()) defaultLoop = new EventLoop();
  return defaultLoop;
}

/** Makes `loop` the default loop (`null` forgets it). */
export function setEventLoop(loop: EventLoop | null): void {
  if (loop !== null && !(loop instanceof EventLoop)) {
    throw new TypeError(`setEventLoop: loop must be an EventLoop or null, got ${describe(loop)}`);
  }
  defaultLoop = loop;
}

/** A new loop (not made the default). */
export function newEventLoop(options?: EventLoopOptions): EventLoop {
  return new EventLoop(options);
}
