/**
 * Which loop is running, and which loop code outside a running loop gets: getEventLoop,
 * getRunningLoop, setEventLoop, newEventLoop. "Running" means: inside one of the loop's
 * callbacks (always exact), or, between iterations, the one loop that is being run
 * asynchronously on the host (base-events.ts keeps that state). New loops come from the
 * factory loop.ts registers, so this file, which futures.ts needs, does not import the
 * loop class it makes.
 *
 * getEventLoop() outside a running loop, in order: the loop given to setEventLoop (while it
 * is open); else the most recently created loop that is still open; else a new loop. So
 * `const loop = new EventLoop(); loop.runUntilComplete(gather(a(), b()))` works: gather's
 * tasks are made before the loop runs, on the loop just created. Internal placeholder loops
 * (the loop of a sleep() made outside any loop) are never listed.
 */
import { RuntimeError } from "./exceptions.js";
import { BaseEventLoop, _getRunningLoop, type EventLoopOptions } from "./base-events.js";
import type { EventLoop } from "./loop.js";
import { describe } from "./validate.js";

let explicitLoop: EventLoop | null = null;
let makeLoop: ((options?: EventLoopOptions) => EventLoop) | null = null;

/** Past this many entries, _registerLoop drops the closed and collected ones. */
const RECENT_COMPACT_AT = 64;
const weakRefs = typeof WeakRef === "function";
/** Loops in creation order, held weakly where the host has WeakRef (so listing a loop never keeps it alive). */
let recent: (WeakRef<EventLoop> | EventLoop)[] = [];
/** set while a placeholder loop is made: it is not listed */
let unlisted = false;

/** @internal loop.ts registers how to make an EventLoop */
export function _setLoopFactory(factory: (options?: EventLoopOptions) => EventLoop): void {
  makeLoop = factory;
}

/** @internal every new EventLoop lists itself: getEventLoop() may return the most recent open one */
export function _registerLoop(loop: EventLoop): void {
  if (unlisted) return;
  if (recent.length >= RECENT_COMPACT_AT) recent = recent.filter((r) => open(r) !== null);
  recent.push(weakRefs ? new WeakRef(loop) : loop);
}

/** @internal a loop that getEventLoop() never returns on its own (sleep()'s placeholder) */
export function _newPlaceholderLoop(options?: EventLoopOptions): EventLoop {
  unlisted = true;
  try {
    return makeLoop!(options);
  } finally {
    unlisted = false;
  }
}

function open(r: WeakRef<EventLoop> | EventLoop): EventLoop | null {
  const loop = r instanceof BaseEventLoop ? (r as EventLoop) : (r as WeakRef<EventLoop>).deref();
  return loop === undefined || loop.isClosed() ? null : loop;
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
 * The running loop inside callbacks and tasks. Elsewhere: the loop set with setEventLoop
 * (while open), else the most recently created loop that is still open, else a new loop.
 * @example
 * const loop = new EventLoop();
 * getEventLoop() === loop;   // the most recent open loop
 * loop.runUntilCompleteSync(gather(a(), b()));   // gather's tasks were made on it
 */
export function getEventLoop(): EventLoop {
  const running = _getRunningLoop();
  if (running !== null) return running;
  if (explicitLoop !== null && !explicitLoop.isClosed()) return explicitLoop;
  for (let i = recent.length - 1; i >= 0; i--) {
    const loop = open(recent[i]);
    if (loop !== null) {
      recent.length = i + 1; // the newer ones are closed or gone
      return loop;
    }
  }
  recent.length = 0;
  return newEventLoop();
}

/**
 * Makes `loop` what getEventLoop() returns outside a running loop, ahead of newer loops,
 * until it is closed (`null` forgets it).
 * @example
 * setEventLoop(loop);
 */
export function setEventLoop(loop: EventLoop | null): void {
  if (loop !== null && !(loop instanceof BaseEventLoop)) {
    throw new TypeError(`setEventLoop: loop must be an EventLoop or null, got ${describe(loop)}`);
  }
  explicitLoop = loop;
}

/**
 * A new loop (`new EventLoop(options)`): like every new loop, the most recent one for getEventLoop().
 * @example
 * const loop = newEventLoop({ clock: "virtual" });
 */
export function newEventLoop(options?: EventLoopOptions): EventLoop {
  return makeLoop!(options);
}
