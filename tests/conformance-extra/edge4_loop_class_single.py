# The seed's cl.loop.Loop in its less-travelled corners: with ONE awaitable nothing is
# gathered, so return_exceptions does not apply (a failing coroutine or Future raises out of
# run_until_complete) and futures is that very Task / Future; a coroutine raising
# CancelledError itself makes the run return None, or with return_exceptions (several) lands
# in the list; cancel() of a single task that swallows the cancellation returns True, yet
# the run gives the task's value; cancel() of a return_exceptions gather whose pending child
# swallows it still returns None; an already-failed Future next to a coroutine; a run
# repeated on a failed gather raises again.
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
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "cancelled", T())
        raise
    if fail:
        print("  ", name, "fails", T())
        raise ValueError(name)
    print("  ", name, "done", T())
    return name

async def self_cancel(name, d):
    await asyncio.sleep(d)
    print("  ", name, "raises CancelledError", T())
    raise asyncio.CancelledError("by itself")

async def swallow(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "swallows", T())
    return name + " kept going"


print("-- one failing coroutine with return_exceptions")
vl = VirtualLoop()
with Loop(job("a", 1, True), loop=vl, return_exceptions=True) as loop:
    print("futures is a Task:", isinstance(loop.futures, asyncio.Task))
    try:
        print("result:", fmt(loop.run_until_complete()))
    except ValueError as e:
        print("raised:", fmt(e), "%.3f" % vl.time())
print("closed:", vl.is_closed())

print("-- one failed Future with return_exceptions")
vl = VirtualLoop()
fut = vl.create_future()
with Loop(fut, loop=vl, return_exceptions=True) as loop:
    print("futures is fut:", loop.futures is fut)
    vl.call_later(0.5, fut.set_exception, ValueError("fut"))
    try:
        print("result:", fmt(loop.run_until_complete()))
    except ValueError as e:
        print("raised:", fmt(e), "%.3f" % vl.time())

print("-- one coroutine raising CancelledError itself")
vl = VirtualLoop()
with Loop(self_cancel("s", 1), loop=vl) as loop:
    print("result:", fmt(loop.run_until_complete()), "%.3f" % vl.time(), "task cancelled:", loop.futures.cancelled())

print("-- CancelledError raised by a child, with and without return_exceptions")
vl = VirtualLoop()
with Loop(job("a", 2), self_cancel("s", 1), loop=vl, return_exceptions=True, stop_when_done=False) as loop:
    print("result:", fmt(loop.run_until_complete()), "%.3f" % vl.time())
with Loop(job("b", 2), self_cancel("t", 1), loop=vl, stop_when_done=False) as loop:
    print("result:", fmt(loop.run_until_complete()), "%.3f" % vl.time(),
          "gather cancelled:", loop.futures.cancelled(), "done:", loop.futures.done())
    print("b left running, then:", fmt(vl.run_until_complete(asyncio.sleep(2, "slept"))), "%.3f" % vl.time())

print("-- cancel() of one task that swallows it")
with Loop(swallow("w", 3), loop=vl, stop_when_done=False) as loop:
    vl.call_later(1, lambda: print("cancel:", loop.cancel(), "%.3f" % vl.time()))
    print("result:", fmt(loop.run_until_complete()), "%.3f" % vl.time(), "task cancelled:", loop.futures.cancelled())

print("-- cancel() of a return_exceptions gather whose pending child swallows it")
with Loop(job("c", 0.5), swallow("x", 3), loop=vl, return_exceptions=True, stop_when_done=False) as loop:
    vl.call_later(1, lambda: print("cancel:", loop.cancel(), "%.3f" % vl.time()))
    print("result:", fmt(loop.run_until_complete()), "%.3f" % vl.time(), "gather cancelled:", loop.futures.cancelled())

print("-- an already-failed Future next to a coroutine")
bad = vl.create_future()
bad.set_exception(ValueError("early"))
with Loop(bad, job("d", 1), loop=vl, return_exceptions=True, stop_when_done=False) as loop:
    print("gather done at once:", loop.futures.done())
    print("result:", fmt(loop.run_until_complete()), "%.3f" % vl.time())
bad2 = vl.create_future()
bad2.set_exception(ValueError("early2"))
with Loop(job("e", 1), bad2, loop=vl) as loop:
    print("gather done at once:", loop.futures.done())
    for i in (1, 2):
        try:
            loop.run_until_complete()
        except ValueError as e:
            print("run", i, "raised:", fmt(e), "%.3f" % vl.time())
    print("e still finishes:", fmt(vl.run_until_complete(asyncio.sleep(1.5, "slept"))), "%.3f" % vl.time())
print("closed:", vl.is_closed())
