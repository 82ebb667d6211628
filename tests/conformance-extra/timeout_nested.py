# Nested timeouts. The inner one expires first: it raises TimeoutError inside the outer block,
# which goes on and can expire later itself. The outer one expires first: the inner block sees
# a CancelledError that is not its own and lets it through unexpired; the outer one raises
# TimeoutError. Three levels, the middle one shortest. The reprs along the way.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def guarded(label, cm, body):
    try:
        async with cm:
            return await body()
    except BaseException as e:
        print("  ", label, "raised", ename(e), T(), repr(cm))
        raise
    finally:
        print("  ", label, "exits", repr(cm), "expired", cm.expired())

async def main():
    me = asyncio.current_task()
    print("inner first:")
    async def inner_first():
        try:
            await guarded("inner", asyncio.timeout(1), lambda: asyncio.sleep(5))
        except TimeoutError:
            print("  outer body caught TimeoutError", T())
        await asyncio.sleep(2)
        print("  never printed")
    try:
        await guarded("outer", asyncio.timeout(2.5), inner_first)
    except TimeoutError:
        print("  main caught TimeoutError", T(), "cancelling", me.cancelling())

    print("outer first:")
    async def outer_first():
        await guarded("inner", asyncio.timeout(5), lambda: asyncio.sleep(10))
    try:
        await guarded("outer", asyncio.timeout(1), outer_first)
    except TimeoutError:
        print("  main caught TimeoutError", T(), "cancelling", me.cancelling())

    print("three levels, middle shortest:")
    async def level3():
        await guarded("innermost", asyncio.timeout(10), lambda: asyncio.sleep(20))
    async def level2():
        try:
            await guarded("middle", asyncio.timeout(1), level3)
        except TimeoutError:
            print("  middle's TimeoutError caught", T())
        return "level2 done"
    print("  ->", await guarded("top", asyncio.timeout(5), level2), T(), "cancelling", me.cancelling())

loop.run_until_complete(main())
loop.close()
