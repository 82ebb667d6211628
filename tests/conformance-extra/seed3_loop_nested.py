# The seed's cl.loop.Loop (reimplemented from its documentation, as in cl_loop_class.py) with
# Futures completed by loop callbacks next to coroutines, return_exceptions with a failed and
# a cancelled Future, gather() called later and called again (the earlier task still runs),
# cancel() from a timer and before any gather, stop() from inside a coroutine (the run raises
# RuntimeError; a second run finishes), running twice, and Loops nested in with blocks on one
# loop: the outer Loop's tasks run during the inner run; an inner Loop that closes the loop
# leaves the outer one unable to run.
import asyncio
from vloop import VirtualLoop, fmt, ename


class Loop:
    """The seed's Loop as its documentation describes it (stop_when_done defaults to True)."""

    def __init__(self, *futures, loop=None, return_exceptions=False, stop_when_done=True):
        self.loop = Loop.get_event_loop(loop)
        self.return_exceptions = return_exceptions
        self.stop_when_done = stop_when_done
        self.futures = None
        if futures:
            self.gather(*futures)

    @staticmethod
    def get_event_loop(loop=None):
        return loop if loop is not None else asyncio.get_event_loop()

    def gather(self, *futures):
        children = [asyncio.ensure_future(f, loop=self.loop) for f in futures]
        if len(children) == 1:
            self.futures = children[0]
        else:
            self.futures = asyncio.gather(*children, return_exceptions=self.return_exceptions)

    def run_until_complete(self):
        try:
            return self.loop.run_until_complete(self.futures)
        except asyncio.CancelledError:
            return None

    def stop(self):
        self.loop.stop()

    def is_running(self):
        return self.loop.is_running()

    def is_closed(self):
        return self.loop.is_closed()

    def cancel(self):
        return self.futures is not None and self.futures.cancel()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if self.stop_when_done:
            self.loop.close()


def T():
    return "%.3f" % asyncio.get_running_loop().time()


async def job(name, d, fail=False):
    print(name, "starts", T())
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, "cancelled", T())
        raise
    if fail:
        print(name, "fails", T())
        raise ValueError(name)
    print(name, "done", T())
    return name


print("-- Futures set by callbacks, next to coroutines")
vl = VirtualLoop()
f1, f2 = vl.create_future(), vl.create_future()
vl.call_later(2, f1.set_result, "f1")
vl.call_later(0.5, f2.set_result, "f2")
with Loop(f1, job("a", 1), f2, loop=vl) as loop:
    print("running:", loop.is_running(), "closed:", loop.is_closed())
    print("result:", fmt(loop.run_until_complete()), "%.3f" % vl.time())
print("closed:", vl.is_closed())

print("-- return_exceptions with a failed and a cancelled Future")
vl = VirtualLoop()
bad, gone = vl.create_future(), vl.create_future()
vl.call_later(0.25, bad.set_exception, ValueError("bad"))
vl.call_later(0.75, gone.cancel)
with Loop(job("a", 1), bad, gone, loop=vl, return_exceptions=True) as loop:
    print("result:", fmt(loop.run_until_complete()), "%.3f" % vl.time())

print("-- gather() later, and again")
vl = VirtualLoop()
loop = Loop(loop=vl, stop_when_done=False)
print("cancel before any gather:", loop.cancel(), "futures:", fmt(loop.futures))
loop.gather(job("first", 3))
first = loop.futures
loop.gather(job("b", 1), job("c", 2))
with loop as l:
    print("result:", fmt(l.run_until_complete()), "%.3f" % vl.time(), "first done:", first.done())
    print("the first task:", fmt(vl.run_until_complete(first)), "%.3f" % vl.time())

print("-- cancel() from a timer")
with Loop(job("a", 2), job("b", 4), loop=vl, stop_when_done=False) as loop:
    vl.call_later(2.5, lambda: print("cancel:", loop.cancel(), "%.3f" % vl.time()))
    print("result:", fmt(loop.run_until_complete()), "%.3f" % vl.time())
    print("cancelled:", loop.futures.cancelled(), "cancel again:", loop.cancel())

print("-- stop() from inside a coroutine, then run again")
async def stopper(loop):
    await asyncio.sleep(0.5)
    print("stopping, running:", loop.is_running(), T())
    loop.stop()
    await asyncio.sleep(0.25)
    return "stopper"
loop = Loop(loop=vl, stop_when_done=False)
loop.gather(stopper(loop), job("s", 1))
with loop:
    try:
        loop.run_until_complete()
    except RuntimeError as e:
        print("first run:", ename(e), "%.3f" % vl.time())
    print("second run:", fmt(loop.run_until_complete()), "%.3f" % vl.time())
    print("third run:", fmt(loop.run_until_complete()), "%.3f" % vl.time())

print("-- nested with blocks on one loop")
with Loop(job("outer", 1.5), loop=vl, stop_when_done=False) as outer:
    with Loop(job("inner", 0.5), loop=vl, stop_when_done=False) as inner:
        print("inner:", fmt(inner.run_until_complete()), "%.3f" % vl.time(), "outer done:", outer.futures.done())
    print("outer:", fmt(outer.run_until_complete()), "%.3f" % vl.time())
    with Loop(job("inner2", 0.25), loop=vl) as inner:
        print("inner2:", fmt(inner.run_until_complete()), "%.3f" % vl.time())
    print("after inner2: closed:", outer.is_closed())
    try:
        outer.run_until_complete()
    except RuntimeError as e:
        print("outer again:", ename(e))
print("closed:", vl.is_closed())
