// Small coroutines and loops the test files share.
import { EventLoop, sleep } from "../src/index.js";

/** A loop on the virtual clock: time starts at 0 and jumps to the next timer. */
export const virtual = () => new EventLoop({ clock: "virtual" });

/** Sleeps `d` seconds, then returns `v`. */
export function* value<T>(v: T, d = 1) {
  yield* sleep(d);
  return v;
}

/** A promise the test awaits and code under test fires: "the coroutine got this far". */
export function signal(): { reached: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const reached = new Promise<void>((r) => (fire = r));
  return { reached, fire };
}

/** Sleeps `d` seconds, then throws Error(msg). */
export function* fail(msg: string, d = 1): Generator<unknown, never, unknown> {
  yield* sleep(d);
  throw new Error(msg);
}

/** A callback that counts loop iterations on `loop` until stopped. */
export function ticker(loop: EventLoop): { count: () => number; stop: () => void } {
  let n = 0;
  let on = true;
  const tick = () => {
    if (!on) return;
    n++;
    loop.callSoon(tick);
  };
  loop.callSoon(tick);
  return { count: () => n, stop: () => (on = false) };
}

/** Catches what `fn` throws (a generator's error included); null if it returns. */
export function* caught(fn: () => Generator<unknown, unknown, any>): Generator<unknown, unknown, any> {
  try {
    yield* fn();
  } catch (e) {
    return e;
  }
  return null;
}
