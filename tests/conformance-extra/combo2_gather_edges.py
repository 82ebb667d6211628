# an inner gather cancelled directly while an outer gather waits on it: with
# return_exceptions the outer lists its CancelledError (with the message) and the siblings
# finish; without, the outer fails at once with CancelledError while the siblings go on and
# the awaiting task is not cancelled. Already-cancelled futures in a gather; gather() with
# only options; a child failure through wait_for(gather, None). Futures already done (a
# cache of results): the gather completes at once (3.12's eager path), so awaiting it does
# not give way to other tasks; an already-failed future next to a pending task fails it at
# once; cancel() of a gather of done futures.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def leaf(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", fmt(e), T())
        raise
    if fail:
        raise ValueError(name)
    print("  ", name, "done", T())
    return name

async def ticker(n):
    for i in range(n):
        print("  tick", i, T())
        await asyncio.sleep(0)

async def work(name, d):
    await asyncio.sleep(d)
    print("  work", name, "done", T())
    return name

async def main():
    inner = asyncio.gather(leaf("a", 1), leaf("b", 2))
    outer = asyncio.gather(inner, leaf("c", 0.8), return_exceptions=True)
    await asyncio.sleep(0.3)
    print("cancel inner", inner.cancel("inner only"), T())
    print("outer list", fmt(await outer), T())

    inner = asyncio.gather(leaf("d", 1), leaf("e", 2))
    sibling = asyncio.ensure_future(leaf("f", 0.7))
    outer = asyncio.gather(inner, sibling)
    await asyncio.sleep(0.2)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError as e:
        print("outer raised", fmt(e), T(), "outer cancelled", outer.cancelled(), "sibling done", sibling.done())
    print("main goes on, sibling", fmt(await sibling), T())

    f = loop.create_future()
    f.cancel("gone")
    g = asyncio.gather(f, leaf("g", 0.1), return_exceptions=True)
    print("with cancelled future", fmt(await g), T())
    try:
        await asyncio.gather(leaf("h", 0.1), f)
    except asyncio.CancelledError as e:
        print("cancelled future raises", fmt(e), T())
    await asyncio.sleep(0.2)

    g = asyncio.gather(return_exceptions=True)
    print("no awaitables", g.done(), fmt(await g))

    try:
        await asyncio.wait_for(asyncio.gather(leaf("i", 0.2, True), leaf("j", 0.5)), None)
    except ValueError as e:
        print("wait_for None raised", fmt(e), T())
    await asyncio.sleep(0.5)
    print("end", T())

    cache = {}
    for k in ("x", "y"):
        f = loop.create_future()
        f.set_result(k.upper())
        cache[k] = f
    g = asyncio.gather(cache["x"], cache["y"])
    print("gather of done futures done at once", g.done())
    t = asyncio.create_task(ticker(4))
    print("cached", fmt(await g), T())
    await t

    bad = loop.create_future()
    bad.set_exception(ValueError("stale"))
    slow = asyncio.create_task(work("slow", 0.5))
    g = asyncio.gather(bad, slow)
    print("failed child done at once", g.done())
    t = asyncio.create_task(ticker(3))
    try:
        await g
    except ValueError as e:
        print("gather raised", fmt(e), T(), "slow done", slow.done())
    await t

    g = asyncio.gather(cache["x"], bad, slow, return_exceptions=True)
    await asyncio.sleep(0)
    print("mixed after one iteration", g.done())
    print("mixed", fmt(await g), T())

    g = asyncio.gather(cache["y"])
    print("cancel a gather of done futures", g.cancel(), g.cancelled())
    print("still", fmt(await g), T())

loop.run_until_complete(main())
loop.close()
