# Errors raised while a group is being cancelled from outside: three children each fail in
# their cleanup, at different times; the group waits for all of them, turns the parent's
# CancelledError into an ExceptionGroup of the three in the order they failed, and split()
# separates them by type. The parent task ends failed (not cancelled), its request counted.
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

async def cleanup_fails(d, exc):
    try:
        await asyncio.sleep(10)
    finally:
        await asyncio.sleep(d)
        print("  cleanup raises", fmt(exc), T())
        raise exc

async def runner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(cleanup_fails(0.75, ValueError("late")))
        tg.create_task(cleanup_fails(0.25, TypeError("early")))
        tg.create_task(cleanup_fails(0.5, ValueError("middle")))
        await asyncio.sleep(10)

async def main():
    r = asyncio.create_task(runner())
    await asyncio.sleep(1)
    r.cancel()
    try:
        await r
    except ExceptionGroup as eg:
        print("runner failed", T(), "cancelled", r.cancelled(), "cancelling", r.cancelling())
        tree(eg)
        m, rest = eg.split(ValueError)
        print("ValueErrors:")
        tree(m)
        print("the rest:")
        tree(rest)

loop.run_until_complete(main())
loop.close()
