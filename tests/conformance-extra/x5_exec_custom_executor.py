# run_in_executor with executors written by the application, as concurrent.futures lets
# one write them: submit() makes a concurrent.futures.Future and settles it with
# set_running_or_notify_cancel / set_result / set_exception. An inline executor runs the
# call inside submit() (its result still reaches the awaiting task one iteration later);
# a deferred one runs its queue when told to, skipping calls whose asyncio Future was
# cancelled (by cancel() or by wait_for's timeout); an executor that refuses work makes
# run_in_executor raise at the call; setting a finished future again is InvalidStateError.
import asyncio
import concurrent.futures
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()


class InlineExecutor(concurrent.futures.Executor):
    """Runs each call at once, inside submit()."""

    def __init__(self):
        self.calls = []
        self.closed = False

    def submit(self, fn, /, *args):
        if self.closed:
            raise RuntimeError("cannot schedule new futures after shutdown")
        self.calls.append(fn.__name__)
        f = concurrent.futures.Future()
        if not f.set_running_or_notify_cancel():
            return f
        try:
            f.set_result(fn(*args))
        except Exception as e:
            f.set_exception(e)
        return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        self.closed = True


class DeferredExecutor(concurrent.futures.Executor):
    """Queues calls; run_pending() runs them."""

    def __init__(self):
        self.pending = []

    def submit(self, fn, /, *args):
        f = concurrent.futures.Future()
        self.pending.append((f, fn, args))
        return f

    def run_pending(self):
        print("  running", len(self.pending), "queued calls", T())
        for f, fn, args in self.pending:
            if not f.set_running_or_notify_cancel():
                print("  skipped a cancelled call of", fn.__name__, "cancelled", f.cancelled())
                continue
            try:
                f.set_result(fn(*args))
            except Exception as e:
                f.set_exception(e)
        self.pending = []


def add(a, b):
    return a + b


def fail(msg):
    raise ValueError(msg)


async def main():
    print("inline:")
    ex = InlineExecutor()
    seen = []
    def remember(x):
        seen.append(x)
        return len(seen)
    fut = loop.run_in_executor(ex, add, 2, 3)
    print("  done right after the call?", fut.done())
    print("  add ->", await fut)
    try:
        await loop.run_in_executor(ex, fail, "bad input")
    except ValueError as e:
        print("  fail ->", fmt(e))
    print("  remember ->", await loop.run_in_executor(ex, remember, "a"),
          await loop.run_in_executor(ex, remember, "b"), seen)
    print("  calls", ex.calls)
    ex.shutdown()
    try:
        loop.run_in_executor(ex, add, 1, 1)
    except RuntimeError as e:
        print("  after shutdown:", fmt(e))

    print("deferred:")
    d = DeferredExecutor()
    f1 = loop.run_in_executor(d, add, 1, 2)
    f2 = loop.run_in_executor(d, fail, "later")
    f3 = loop.run_in_executor(d, add, 5, 5)
    f3.cancel()
    loop.call_later(1, d.run_pending)
    print("  gather ->", fmt(await asyncio.gather(f1, f2, return_exceptions=True)), T())
    print("  f3 cancelled", f3.cancelled())

    loop.call_later(1, d.run_pending)
    try:
        await asyncio.wait_for(loop.run_in_executor(d, add, 1, 1), 0.5)
    except TimeoutError:
        print("  wait_for timed out", T())
    await asyncio.sleep(1)

    print("settling twice:")
    f = concurrent.futures.Future()
    f.set_result(1)
    for how in [lambda: f.set_result(2), lambda: f.set_exception(ValueError("x"))]:
        try:
            how()
        except concurrent.futures.InvalidStateError as e:
            print("  ", ename(e))
    print("  result still", f.result())
    c = concurrent.futures.Future()
    print("  cancel pending", c.cancel(), "then set_running_or_notify_cancel", c.set_running_or_notify_cancel())

loop.run_until_complete(main())
loop.close()
