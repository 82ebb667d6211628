# What goes into a TaskGroup's ExceptionGroup and what does not: a child cancelled directly
# (by its own task.cancel()) is not an error and the group goes on; a child that raises
# CancelledError by itself ends cancelled and is not an error either; a child that returns an
# exception object instead of raising it succeeds; a child's TimeoutError is an error like any
# other, and the group keeps the failures in the order the children failed.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()
def tree(e, ind="  "):
    if e is None:
        print(ind + "None")
    elif isinstance(e, BaseExceptionGroup):
        print(ind + "%s(%r) [%d]" % (ename(e), e.message, len(e.exceptions)))
        for x in e.exceptions:
            tree(x, ind + "  ")
    else:
        print(ind + fmt(e))

async def sleeper(d):
    await asyncio.sleep(d)
    return "slept %s" % d

async def raises_cancelled():
    await asyncio.sleep(0.25)
    raise asyncio.CancelledError("by itself")

async def returns_exception():
    await asyncio.sleep(0.5)
    return ValueError("returned, not raised")

async def times_out():
    async with asyncio.timeout(1):
        await asyncio.sleep(5)

async def fails_later():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        raise RuntimeError("while being cancelled")

async def main():
    async with asyncio.TaskGroup() as tg:
        direct = tg.create_task(sleeper(10))
        itself = tg.create_task(raises_cancelled())
        returned = tg.create_task(returns_exception())
        await asyncio.sleep(0.1)
        direct.cancel()
    print("first group ended normally", T())
    print("  direct cancelled", direct.cancelled(), "| itself cancelled", itself.cancelled(), "| returned:", fmt(returned.result()))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(times_out())
            tg.create_task(fails_later())
            tg.create_task(sleeper(0.5))
    except ExceptionGroup as eg:
        print("second group", T())
        tree(eg)
        print("  timeout cause:", ename(eg.exceptions[0].__cause__))

loop.run_until_complete(main())
loop.close()
