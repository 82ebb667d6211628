# nested gathers cancelled from the outside: the cancel message reaches every leaf, the outer
# gather raises the first CancelledError, the inner gathers end with a CancelledError
# exception (they are not "cancelled"); an inner gather with return_exceptions still raises;
# cancelling the task that awaits nested gathers; a leaf cancelled with a message inside a
# return_exceptions gather; the same coroutine or task twice.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def leaf(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print(" ", name, "cancelled", fmt(e), T())
        raise
    if fail:
        raise ValueError(name)
    print(" ", name, "done", T())
    return name

async def main():
    inner1 = asyncio.gather(leaf("a", 1), leaf("b", 2))
    inner2 = asyncio.gather(leaf("c", 1.5), leaf("d", 0.2), return_exceptions=True)
    outer = asyncio.gather(inner1, inner2)
    await asyncio.sleep(0.5)
    print("cancel outer", outer.cancel("shutdown"), T())
    try:
        await outer
    except asyncio.CancelledError as e:
        print("outer raised", fmt(e), T())
    print("outer cancelled", outer.cancelled(), "done", outer.done())
    print("inner1 cancelled", inner1.cancelled(), "exception", fmt(inner1.exception()))
    print("inner2 cancelled", inner2.cancelled(), "exception", fmt(inner2.exception()))
    print("cancel again", outer.cancel(), inner1.cancel())

    async def runner():
        return await asyncio.gather(
            asyncio.gather(leaf("e", 1), leaf("f", 0.1, True), return_exceptions=True),
            leaf("g", 3))
    r = asyncio.create_task(runner())
    await asyncio.sleep(0.3)
    r.cancel("stop runner")
    try:
        await r
    except asyncio.CancelledError as e:
        print("runner raised", fmt(e), "cancelled", r.cancelled(), T())

    t1 = asyncio.create_task(leaf("h", 1))
    t2 = asyncio.create_task(leaf("i", 0.3, True))
    g = asyncio.gather(t1, t2, leaf("j", 0.6), return_exceptions=True)
    await asyncio.sleep(0.4)
    t1.cancel("only h")
    print("list", fmt(await g), T())

    c = leaf("k", 0.2)
    t = asyncio.create_task(leaf("l", 0.1, True))
    print("twice", fmt(await asyncio.gather(c, c, t, t, return_exceptions=True)), T())
    try:
        await asyncio.gather(t, t)
    except ValueError as e:
        print("twice raises", fmt(e), T())

loop.run_until_complete(main())
loop.close()
