# timeout() and TaskGroup together. (1) The timeout expires while the group's body waits:
# children are cancelled and TimeoutError comes out. (2) A child fails first and its
# sibling's cleanup outlasts the deadline: the group's ExceptionGroup comes out, not
# TimeoutError, and the timeout still counts as expired. (3) The deadline cancels the
# children and one of them raises from its cleanup: that error comes out in an
# ExceptionGroup. (4) A timeout inside a child only ends that child. cancelling() is 0
# after each case.
import asyncio
from vloop import VirtualLoop, fmt, ename

loop = VirtualLoop()
asyncio.set_event_loop(loop)
def T(): return "%.3f" % loop.time()

async def child(name, d, fail=False, cleanup=0, cleanup_error=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("  ", name, "cancelled", T())
        if cleanup:
            await asyncio.sleep(cleanup)
            print("  ", name, "cleaned up", T())
        if cleanup_error:
            raise KeyError(name)
        raise
    if fail:
        print("  ", name, "raises", T())
        raise ValueError(name)
    print("  ", name, "done", T())
    return name

async def timed_child(name, limit, d):
    try:
        async with asyncio.timeout(limit):
            await asyncio.sleep(d)
    except TimeoutError:
        print("  ", name, "timed out inside", T())
        return "timed out"
    return "in time"


async def plain(title, limit, make):
    me = asyncio.current_task()
    print(title)
    try:
        async with asyncio.timeout(limit) as cm:
            async with asyncio.TaskGroup() as tg:
                make(tg)
                await asyncio.sleep(10)
    except TimeoutError:
        print("  TimeoutError", T())
    except ExceptionGroup as eg:
        print("  ExceptionGroup", [fmt(e) if not isinstance(e, KeyError) else "KeyError: " + str(e) for e in eg.exceptions], T())
    print("  expired", cm.expired(), "cancelling", me.cancelling())

async def main():
    await plain("case 1", 1, lambda tg: (tg.create_task(child("a", 5)), tg.create_task(child("b", 0.5))))
    await plain("case 2", 1, lambda tg: (tg.create_task(child("c", 0.25, fail=True)),
                                        tg.create_task(child("d", 5, cleanup=1.5))))
    await plain("case 3", 1, lambda tg: (tg.create_task(child("e", 5, cleanup=0.5, cleanup_error=True)),
                                        tg.create_task(child("f", 0.5))))
    print("case 4")
    async with asyncio.TaskGroup() as tg:
        x = tg.create_task(timed_child("x", 0.5, 2))
        y = tg.create_task(timed_child("y", 2, 0.75))
    print("  ", x.result(), y.result(), T(), "cancelling", asyncio.current_task().cancelling())

loop.run_until_complete(main())
loop.close()
