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
