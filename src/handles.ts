/**
 * Handle and TimerHandle: what callSoon / callLater / callAt return. The scheduling state
 * lives in the core (a slot + generation id); the handle keeps what only JS can hold (the
 * callback and its arguments). `cancel()` drops the callback, so a handle is cancelled
 * exactly when it has none: asyncio's `cancelled()` stays true once `cancel()` was called,
 * even on a handle that already ran. A handle is five fields (six for a TimerHandle),
 * assigned in the constructor (no class-field initializers: see futures.ts). The loop keeps
 * a Handle only where it may have to give that very object to an exception handler
 * (base-events.ts, "Handles"); otherwise a dropped Handle is garbage at once.
 */
import type { BaseEventLoop } from "./base-events.js";
import { formatCallback } from "./validate.js";
import { MAX_SLOTS, slotOf } from "./core/layout.js";

const inspect = Symbol.for("nodejs.util.inspect.custom");
/** In debug mode, what a handle looked like when it was cancelled (asyncio keeps that repr). */
const cancelledReprs = new WeakMap<Handle, string>();

/**
 * A scheduled callback: what `loop.callSoon()` returns. `cancel()` drops the call if it has
 * not run yet.
 * @example
 * const h = loop.callSoon(console.log, "never printed");
 * h.cancel();
 * h.cancelled();   // true
 */
export class Handle {
  /** @internal null once cancelled */ declare _callback: ((...args: any[]) => unknown) | null;
  /** @internal null once cancelled */ declare _args: unknown[] | null;
  /** @internal */ declare readonly _loop: BaseEventLoop;
  /**
   * @internal the core's id (generation * 2**24 + slot) in two small-integer fields: an id
   * past 2**31 would be a boxed double, 12 bytes more per handle
   */
  declare _slot: number;
  /** @internal */ declare _gen: number;

  /** @internal handles are made by the loop */
  constructor(callback: (...args: any[]) => unknown, args: unknown[], loop: BaseEventLoop, id = 0) {
    this._callback = callback;
    this._args = args;
    this._loop = loop;
    // int32 results, so both fields hold Smis (a double result would be boxed even when it
    // is a whole number); slotOf masks, where `%` cost 20-30 ns a Handle (ids pass 2**31)
    const slot = slotOf(id);
    this._slot = slot;
    this._gen = ((id - slot) / MAX_SLOTS) | 0;
  }

  /** Cancels the call; a no-op if it already ran or was cancelled. */
  cancel(): void {
    if (this._callback === null) return;
    if (this._loop.getDebug()) cancelledReprs.set(this, this.toString());
    this._loop._cancelId(this._gen * MAX_SLOTS + this._slot);
    this._callback = null;
    this._args = null;
  }

  /** True once `cancel()` was called. */
  cancelled(): boolean {
    return this._callback === null;
  }

  /** @internal runs the callback (the loop catches what it throws) */
  _run(): void {
    const cb = this._callback!;
    const a = this._args!;
    switch (a.length) {
      case 0: cb(); break;
      case 1: cb(a[0]); break;
      case 2: cb(a[0], a[1]); break;
      default: cb(...a);
    }
  }

  /** @internal */
  protected _reprInfo(): string[] {
    if (this._callback === null) return ["cancelled"];
    return [formatCallback(this._callback, this._args)];
  }

  /** asyncio's repr: `<Handle tick('a')>`, `<Handle cancelled>`. */
  toString(): string {
    return cancelledReprs.get(this) ?? `<${this.constructor.name} ${this._reprInfo().join(" ")}>`;
  }

  /** Node's `util.inspect` shows toString(). */
  [inspect](): string {
    return this.toString();
  }
}

/**
 * A scheduled timer: what `loop.callLater()` and `loop.callAt()` return; a Handle that also
 * knows when it is due.
 * @example
 * const t = loop.callLater(5, () => console.log("timeout"));
 * t.when();    // loop.time() + 5 at the call
 * t.cancel();
 */
export class TimerHandle extends Handle {
  /** @internal */ declare readonly _when: number;

  /** @internal */
  constructor(when: number, callback: (...args: any[]) => unknown, args: unknown[], loop: BaseEventLoop, id = 0) {
    super(callback, args, loop, id);
    this._when = when;
  }

  /** The loop time (seconds) the callback is scheduled for. */
  when(): number {
    return this._when;
  }

  /** @internal */
  protected override _reprInfo(): string[] {
    const info = super._reprInfo();
    info.splice(this._callback === null ? 1 : 0, 0, `when=${this._when}`);
    return info;
  }
}

/** Runs a public handle from the dispatch loop: `fns[slot] = runHandle, args[slot] = handle`. */
export function runHandle(h: Handle): void {
  h._run();
}
