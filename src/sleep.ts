import { _getRunningLoop } from "./base-events.js";
import { _newPlaceholderLoop, getEventLoop } from "./events.js";
import { Future } from "./futures.js";
import type { EventLoop } from "./loop.js";
import { checkDuration } from "./validate.js";
import { _awaited, _trackCoroutine } from "./debug.js";

/**
 * The Future of a sleep. asyncio's sleep is a coroutine: nothing happens until it is
 * awaited. So a SleepFuture arms its timer when the first waiter comes (a task's `yield*`
 * or `yield`, `await`, a done callback), and its delay counts from there. Until then any
 * loop that runs it may take it over (a sleep made outside a running loop belongs to a
 * placeholder loop meanwhile), and ensureFuture, gather and the like wrap it in a Task, as
 * asyncio wraps the coroutine. Cancelling it cancels its timer at once.
 */
class SleepFuture<T> extends Future<T> {
  /** @internal core id of the armed timer; 0 when none */ _timer = 0;
  /** @internal */ _value: T | undefined = undefined;
  /** @internal the delay, until the first waiter arms the timer; null after that */ _delay: number | null = null;
  /** @internal nothing has awaited or iterated it yet */ _fresh = true;

  override _isFreshCoroutine(): boolean {
    return this._fresh;
  }

  override [Symbol.iterator](): Generator<Future<T>, T, unknown> {
    if (this._fresh) _awaited(this);
    this._fresh = false;
    return super[Symbol.iterator]();
  }

  override cancel(msg?: unknown): boolean {
    if (this._fresh) _awaited(this);
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
    if (this._fresh) _awaited(this);
    this._fresh = false;
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
 * A Future that completes with `result` `delay` seconds after it is first awaited, as
 * asyncio's sleep coroutine does. With `delay <= 0` it is already done and
 * `yield* sleep(0)` gives way for exactly one loop iteration, like asyncio's
 * `await sleep(0)`. It runs on the loop that first awaits it:
 * `loop.runUntilCompleteSync(sleep(3600))` works on any loop.
 * @example
 * function* tick() { yield* sleep(0.25); console.log("250 ms later"); }
 */
export function sleep<T = undefined>(delay: number, result?: T): Future<T> {
  checkDuration("sleep", "delay", delay);
  const running = _getRunningLoop();
  const fut = new SleepFuture<T>({ loop: running ?? placeholder() });
  if (delay <= 0) {
    fut.setResult(result as T);
    fut._yieldOnce = true;
  } else {
    fut._value = result;
  }
  fut._delay = delay;
  // debug mode: report it if it is dropped unused ("coroutine 'sleep' was never awaited")
  if (running !== null && running._debug) _trackCoroutine(fut, running);
  return fut;
}

/**
 * The loop of sleeps made outside any running loop until a loop adopts them (or, awaited
 * some other way, the current event loop takes them). It is never run; being virtual, it
 * needs no clock, so making a sleep works in hosts that have none.
 */
let placeholderLoop: EventLoop | null = null;

function placeholder(): EventLoop {
  return (placeholderLoop ??= _newPlaceholderLoop({ clock: "virtual" }));
}

function arm<T>(fut: SleepFuture<T>, delay: number): void {
  if (delay === Infinity) return; // asyncio's sleep(math.inf): pending until cancelled
  const loop = fut._loop;
  fut._timer = loop._at(loop.time() + delay, sleepEnded, fut);
}

/** the timer callback of a sleep (a trace shows it by this name) */
function sleepEnded<T>(fut: SleepFuture<T>): void {
  fut._timer = 0;
  if (!fut.done()) fut.setResult(fut._value as T);
}
