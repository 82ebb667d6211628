import { _getRunningLoop, getEventLoop } from "./events.js";
import { Future } from "./futures.js";
import { EventLoop } from "./loop.js";
import { checkSeconds } from "./validate.js";

/**
 * The Future of a sleep: cancelling it cancels its timer at once.
 *
 * A sleep made inside a running loop arms its timer at once. One made outside (asyncio's
 * `loop.run_until_complete(asyncio.sleep(5))`, where sleep is a lazy coroutine) is "unbound":
 * it belongs to a placeholder loop until the loop that first runs it adopts it (runUntilComplete,
 * ensureFuture with a loop, a Task awaiting it), and arms its timer
 * when the first done callback is added, so its delay counts from there, as asyncio's
 * coroutine counts from its first step.
 */
class SleepFuture<T> extends Future<T> {
  /** @internal core id of the armed timer; 0 when none */ _timer = 0;
  /** @internal */ _value: T | undefined = undefined;
  /** @internal the delay of an unbound sleep, not armed yet; null once bound */ _delay: number | null = null;

  override cancel(msg?: string): boolean {
    if (!super.cancel(msg)) return false;
    if (this._timer !== 0) this._loop._cancelId(this._timer);
    return true;
  }

  /** An unbound sleep reports the loop it would run on if awaited now: the current event loop. */
  override getLoop(): EventLoop {
    return this._loop === placeholderLoop ? getEventLoop() : this._loop;
  }

  override _adopt(loop: EventLoop): boolean {
    if (this._delay === null) return false;
    this._loop = loop;
    return true;
  }

  override _addCallback(fn: unknown): void {
    const delay = this._delay;
    if (delay !== null) {
      this._delay = null;
      if (this._loop === placeholderLoop) this._loop = getEventLoop();
      if (!this.done()) arm(this, delay);
    }
    super._addCallback(fn);
  }
}

/**
 * A Future that completes with `result` after `delay` seconds on the current loop. With
 * `delay <= 0` it is already done and `yield* sleep(0)` gives way for exactly one loop
 * iteration, like asyncio's `await sleep(0)`. Made outside a running loop, the sleep starts
 * when a loop first runs it: `loop.runUntilCompleteSync(sleep(3600))` works on any loop.
 * @example
 * function* tick() { yield* sleep(0.25); console.log("250 ms later"); }
 */
export function sleep<T = undefined>(delay: number, result?: T): Future<T> {
  checkSeconds("sleep", "delay", delay);
  const running = _getRunningLoop();
  const fut = new SleepFuture<T>({ loop: running ?? placeholder() });
  if (delay <= 0) {
    fut.setResult(result as T);
    fut._yieldOnce = true;
  } else {
    fut._value = result;
  }
  if (running === null) fut._delay = delay;
  else if (delay > 0) arm(fut, delay);
  return fut;
}

/**
 * The loop of sleeps made outside any running loop until a loop adopts them (or, awaited
 * some other way, the current event loop takes them). It is never run; being virtual, it
 * needs no clock, so making a sleep works in hosts that have none.
 */
let placeholderLoop: EventLoop | null = null;

function placeholder(): EventLoop {
  return (placeholderLoop ??= new EventLoop({ clock: "virtual" }));
}

function arm<T>(fut: SleepFuture<T>, delay: number): void {
  const loop = fut._loop;
  fut._timer = loop._at(loop.time() + delay, wake, fut);
}

function wake<T>(fut: SleepFuture<T>): void {
  fut._timer = 0;
  if (!fut.done()) fut.setResult(fut._value as T);
}
