# The seed's cl.loop.Loop on asyncio: one awaitable gives its value, several a list in input
# order; return_exceptions puts failures (and cancelled children) in the list; cancel()
# before, during or from inside the run makes it return None; cancel() of done futures is
# False; leaving the with block closes the loop unless stop_when_done=False; without a loop
# argument it takes the current event loop.
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


async def wait_for_it(timeout):
    await asyncio.sleep(timeout)
    return "success sleep for {} seconds".format(timeout)


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


print("-- seed: two coroutines, return_exceptions")
vl = VirtualLoop()
with Loop(wait_for_it(5), wait_for_it(3), loop=vl, return_exceptions=True) as loop:
    result = loop.run_until_complete()
print(fmt(result), "%.3f" % vl.time(), "closed:", vl.is_closed())

print("-- seed: one coroutine")
with Loop(wait_for_it(4), loop=VirtualLoop()) as loop:
    result = loop.run_until_complete()
print(fmt(result))

print("-- seed: gather, then with")
async def do_something():
    return "something"
async def do_something_else():
    return "something_else"
loop = Loop(loop=VirtualLoop(), return_exceptions=True)
loop.gather(do_something(), do_something_else())
with loop as l:
    result = l.run_until_complete()
print(fmt(result))

print("-- started in input order, results in input order")
vl = VirtualLoop()
with Loop(job("a", 3), job("b", 1), job("c", 2), loop=vl) as loop:
    print(fmt(loop.run_until_complete()), "%.3f" % vl.time())

print("-- return_exceptions: the failure is a value")
with Loop(job("a", 2), job("b", 1, True), loop=VirtualLoop(), return_exceptions=True) as loop:
    print(fmt(loop.run_until_complete()))

print("-- without return_exceptions: the first failure is raised")
vl = VirtualLoop()
with Loop(job("a", 2), job("b", 1, True), loop=vl, stop_when_done=False) as loop:
    try:
        loop.run_until_complete()
    except ValueError as e:
        print("raised", fmt(e), "%.3f" % vl.time())
    print("gather done:", loop.futures.done())
    with Loop(job("c", 0.5), loop=vl) as again:
        print("the loop still works:", fmt(again.run_until_complete()), "%.3f" % vl.time())
print("closed:", vl.is_closed())

print("-- cancel before the run")
with Loop(job("a", 1), job("b", 2), loop=VirtualLoop()) as loop:
    print("cancel:", loop.cancel())
    print("result:", fmt(loop.run_until_complete()))

print("-- cancel during the run")
vl = VirtualLoop()
with Loop(job("a", 3), job("b", 2), loop=vl) as loop:
    vl.call_later(1, lambda: print("cancel:", loop.cancel()))
    print("result:", fmt(loop.run_until_complete()), "%.3f" % vl.time())

print("-- cancel from the gathered coroutine itself")
loop = Loop(loop=VirtualLoop())
async def nuke_loop():
    print("nuke:", loop.cancel())
    return "never seen"
loop.gather(nuke_loop())
with loop as lo:
    print("result:", fmt(lo.run_until_complete()))

print("-- cancel when done, and running again")
vl = VirtualLoop()
with Loop(job("a", 1), loop=vl) as loop:
    print("result:", fmt(loop.run_until_complete()))
    print("cancel:", loop.cancel())
    print("again:", fmt(loop.run_until_complete()), "%.3f" % vl.time())
try:
    loop.run_until_complete()
except RuntimeError as e:
    print("after the with block:", ename(e))

print("-- a child cancelled on its own")
vl = VirtualLoop()
child = vl.create_task(job("a", 3))
with Loop(child, job("b", 2), loop=vl, stop_when_done=False) as loop:
    vl.call_later(1, child.cancel)
    print("result:", fmt(loop.run_until_complete()), "%.3f" % vl.time())
child = vl.create_task(job("c", 3))
with Loop(child, job("d", 2), loop=vl, return_exceptions=True) as loop:
    vl.call_later(0.5, child.cancel)
    print("result:", fmt(loop.run_until_complete()), "%.3f" % vl.time())

print("-- a Future and the current event loop")
vl = VirtualLoop()
asyncio.set_event_loop(vl)
fut = vl.create_future()
with Loop(fut) as loop:
    print("current loop:", Loop.get_event_loop() is vl, "futures is fut:", loop.futures is fut)
    vl.call_later(2, fut.set_result, "set")
    print("result:", fmt(loop.run_until_complete()), "%.3f" % vl.time())
print("closed:", vl.is_closed())
asyncio.set_event_loop(None)
