/**
 * Which loop is running, and the default loop: getEventLoop, getRunningLoop, setEventLoop,
 * newEventLoop. "Running" means: inside one of the loop's callbacks (always exact), or,
 * between iterations, the one loop that is being run asynchronously on the host
 * (base-events.ts keeps that state). New loops come from the factory loop.ts registers, so
 * this file, which futures.ts needs, does not import the loop class it makes.
 */
import { RuntimeError } from "./exceptions.js";
import { BaseEventLoop, _getRunningLoop, type EventLoopOptions } from "./base-events.js";
import type { EventLoop } from "./loop.js";
import { describe } from "./validate.js";

let defaultLoop: EventLoop | null = null;
let makeLoop: ((options?: EventLoopOptions) => EventLoop) | null = null;

/** @internal loop.ts registers how to make an EventLoop */
export function _setLoopFactory(factory: (options?: EventLoopOptions) => EventLoop): void {
  makeLoop = factory;
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
  if (defaultLoop === null || defaultLoop.isClosed()) defaultLoop = newEventLoop();
  return defaultLoop;
}

/** Makes `loop` the default loop (`null` forgets it). */
export function setEventLoop(loop: EventLoop | null): void {
  if (loop !== null && !(loop instanceof BaseEventLoop)) {
    throw new TypeError(`setEventLoop: loop must be an EventLoop or null, got ${describe(loop)}`);
  }
  defaultLoop = loop;
}

/** A new loop (not made the default). */
export function newEventLoop(options?: EventLoopOptions): EventLoop {
  return makeLoop!(options);
}
