/**
 * Handle and TimerHandle: what callSoon / callLater / callAt return. The scheduling state
 * lives in the core (a slot + generation id); the handle keeps what only JS can hold (the
 * callback and its arguments) and asyncio's `cancelled()` flag, which stays true once
 * `cancel()` was called, even on a handle that already ran.
 */
import type { EventLoop } from "./loop.js";
import { formatCallback } from "./validate.js";

const inspect = Symbol.for("nodejs.util.inspect.custom");

export class Handle {
  /** @internal */ _callback: ((...args: any[]) => unknown) | null;
  /** @internal */ _args: unknown[] | null;
  /** @internal */ readonly _loop: EventLoop;
  /** @internal the core's id: slot + generation */ _id: number;
  /** @internal */ _cancelled = false;
  #repr: string | null = null;

  /** @internal handles are made by the loop */
  constructor(callback: (...args: any[]) => unknown, args: unknown[], loop: EventLoop, id = 0) {
    this._callback = callback;
    this._args = args;
    this._loop = loop;
    this._id = id;
  }

  /** Cancels the call; a no-op if it already ran or was cancelled. */
  cancel(): void {
    if (this._cancelled) return;
    this._cancelled = true;
    if (this._loop.getDebug()) this.#repr = this.toString();
    this._loop._cancelId(this._id);
    this._callback = null;
    this._args = null;
  }

  /** True once `cancel()` was called. */
  cancelled(): boolean {
    return this._cancelled;
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

  protected _reprInfo(): string[] {
    const info: string[] = [];
    if (this._cancelled) info.push("cancelled");
    if (this._callback !== null) info.push(formatCallback(this._callback, this._args));
    return info;
  }

  toString(): string {
    if (this.#repr !== null) return this.#repr;
    return `<${this.constructor.name} ${this._reprInfo().join(" ")}>`;
  }

  [inspect](): string {
    return this.toString();
  }
}

export class TimerHandle extends Handle {
  readonly #when: number;

  /** @internal */
  constructor(when: number, callback: (...args: any[]) => unknown, args: unknown[], loop: EventLoop, id = 0) {
    super(callback, args, loop, id);
    this.#when = when;
  }

  /** The loop time (seconds) the callback is scheduled for. */
  when(): number {
    return this.#when;
  }

  protected override _reprInfo(): string[] {
    const info = super._reprInfo();
    info.splice(this._cancelled ? 1 : 0, 0, `when=${this.#when}`);
    return info;
  }
}

/** Runs a public handle from the dispatch loop: `fns[slot] = runHandle, args[slot] = handle`. */
export function runHandle(h: Handle): void {
  h._run();
}
